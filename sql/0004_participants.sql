-- Citizens who take part. They sign in by email link (no password); only a hash of each link's token is stored.

CREATE TABLE participants (
    id                  INTEGER NOT NULL PRIMARY KEY,
    email               TEXT    UNIQUE COLLATE NOCASE CHECK (email IS NULL OR length(email) BETWEEN 3 AND 320),
    display_name        TEXT    CHECK (display_name IS NULL OR length(display_name) BETWEEN 2 AND 40),
    municipality_id     TEXT    REFERENCES municipalities (id),
    email_confirmed_at  TEXT,
    privacy_version     TEXT,
    privacy_accepted_at TEXT,
    created_at          TEXT    NOT NULL,
    last_sign_in_at     TEXT,
    deleted_at          TEXT,
    -- A deleted account keeps its row (contributions keep counting) but loses every personal detail.
    CHECK (deleted_at IS NULL OR (email IS NULL AND display_name IS NULL))
) STRICT;

CREATE TABLE login_tokens (
    id             INTEGER NOT NULL PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    token_hash     TEXT    NOT NULL UNIQUE,
    stay_signed_in INTEGER NOT NULL DEFAULT 0 CHECK (stay_signed_in IN (0, 1)),
    return_url     TEXT,
    created_at     TEXT    NOT NULL,
    expires_at     TEXT    NOT NULL,
    used_at        TEXT
) STRICT;

CREATE INDEX login_tokens_participant ON login_tokens (participant_id);
CREATE INDEX login_tokens_expiry ON login_tokens (expires_at);
