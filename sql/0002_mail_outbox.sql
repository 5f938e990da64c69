-- Transactional outbox: a change that causes mail inserts its rows in the same transaction;
-- the outbox job sends them. Times are UTC ISO-8601 text.

CREATE TABLE mail_outbox (
    id              INTEGER NOT NULL PRIMARY KEY,
    message_id      TEXT    NOT NULL UNIQUE,          -- RFC 5322 Message-ID, deterministic per message
    dedupe_key      TEXT    UNIQUE,                   -- lets an idempotent job insert the same mail twice harmlessly
    to_address      TEXT    NOT NULL CHECK (length(to_address) BETWEEN 3 AND 320),
    to_name         TEXT,
    subject         TEXT    NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
    text_body       TEXT    NOT NULL,
    html_body       TEXT,
    headers_json    TEXT,                             -- extra headers, for example List-Unsubscribe
    status          TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TEXT    NOT NULL,
    lease_until     TEXT,                             -- a drain run that claimed the row; expires if it dies
    lease_id        TEXT,
    created_at      TEXT    NOT NULL,
    sent_at         TEXT,
    last_error      TEXT,
    CHECK ((status = 'sent') = (sent_at IS NOT NULL))
) STRICT;

CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at) WHERE status = 'pending';
