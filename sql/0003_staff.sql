-- Staff accounts (moderators and admins) with password sign-in and lockout.

CREATE TABLE staff (
    id              INTEGER NOT NULL PRIMARY KEY,
    email           TEXT    NOT NULL UNIQUE COLLATE NOCASE CHECK (length(email) BETWEEN 3 AND 320),
    role            TEXT    NOT NULL CHECK (role IN ('admin', 'moderator')),
    password_hash   TEXT    NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    lockout_until   TEXT,
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at      TEXT    NOT NULL,
    last_sign_in_at TEXT
) STRICT;
