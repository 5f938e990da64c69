-- Council digests: scheduled email summaries for the councils of the member towns, municipal associations
-- and the county. Exactly once is kept by the schema: one digest per council and period, one scheduled
-- delivery per digest and recipient, each delivery linked to its outbox row by a unique dedupe key.

CREATE TABLE councils (
    id              INTEGER NOT NULL PRIMARY KEY,
    name            TEXT    NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 3 AND 120),
    municipality_id TEXT    NOT NULL REFERENCES municipalities (id),   -- 'kreis' = the whole county
    cron            TEXT    NOT NULL CHECK (length(cron) BETWEEN 9 AND 100), -- evaluated in Europe/Berlin
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    skip_empty      INTEGER NOT NULL DEFAULT 0 CHECK (skip_empty IN (0, 1)), -- opt-out of "no new contributions" digests
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
) STRICT;

CREATE TABLE council_recipients (
    id                 INTEGER NOT NULL PRIMARY KEY,
    council_id         INTEGER NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
    name               TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    email              TEXT    NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
    active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    unsubscribed_at    TEXT,
    permanent_failures INTEGER NOT NULL DEFAULT 0 CHECK (permanent_failures >= 0), -- consecutive; a sent mail resets it
    paused_at          TEXT,                                                       -- set after 3 permanent failures
    created_at         TEXT    NOT NULL
) STRICT;

CREATE UNIQUE INDEX council_recipients_email ON council_recipients (council_id, email COLLATE NOCASE);

CREATE TABLE digests (
    id           INTEGER NOT NULL PRIMARY KEY,
    council_id   INTEGER NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
    period_start TEXT    NOT NULL,
    period_end   TEXT    NOT NULL,
    subject      TEXT    NOT NULL,
    text_body    TEXT    NOT NULL,
    html_body    TEXT    NOT NULL,
    is_empty     INTEGER NOT NULL CHECK (is_empty IN (0, 1)),
    created_at   TEXT    NOT NULL,
    CHECK (period_start < period_end),
    UNIQUE (council_id, period_start, period_end),
    -- A period starts where the previous one ended: a second digest from the same start is always a duplicate.
    UNIQUE (council_id, period_start)
) STRICT;

CREATE INDEX digests_council_newest ON digests (council_id, period_end DESC);

CREATE TABLE digest_deliveries (
    id           INTEGER NOT NULL PRIMARY KEY,
    digest_id    INTEGER NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
    recipient_id INTEGER NOT NULL REFERENCES council_recipients (id) ON DELETE CASCADE,
    copy         INTEGER NOT NULL DEFAULT 0 CHECK (copy >= 0),   -- 0 = the scheduled delivery, 1… = re-sent by an admin
    dedupe_key   TEXT    NOT NULL UNIQUE,                         -- the outbox row's dedupe key (and so its Message-ID)
    outbox_id    INTEGER REFERENCES mail_outbox (id) ON DELETE SET NULL,
    status       TEXT    NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    failure      TEXT,
    requested_by TEXT,                                            -- staff email for a re-send
    created_at   TEXT    NOT NULL,
    UNIQUE (digest_id, recipient_id, copy),
    CHECK ((status = 'failed') = (failure IS NOT NULL))
) STRICT;

CREATE INDEX digest_deliveries_outbox ON digest_deliveries (outbox_id);
CREATE INDEX digest_deliveries_recipient ON digest_deliveries (recipient_id);

-- One token per delivered mail; only its SHA-256 hash is stored.
CREATE TABLE digest_unsubscribe_tokens (
    token_hash   TEXT    NOT NULL PRIMARY KEY,
    recipient_id INTEGER NOT NULL REFERENCES council_recipients (id) ON DELETE CASCADE,
    created_at   TEXT    NOT NULL
) STRICT, WITHOUT ROWID;
