-- Trust: the end of the participation phase (drives the deletion of all participant accounts) and the staff's
-- optional second factor.

CREATE TABLE participation_phase (
    id        INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),   -- one row: the current phase
    ends_at   TEXT    NOT NULL,                              -- UTC; accounts are deleted a configured number of days later
    set_at    TEXT    NOT NULL,
    set_by    INTEGER REFERENCES staff (id) ON DELETE SET NULL
) STRICT;

-- TOTP (RFC 6238): the shared secret in Base32; enabled once a first code was verified. The last accepted time step
-- makes a code unusable a second time.
ALTER TABLE staff ADD COLUMN totp_secret TEXT CHECK (totp_secret IS NULL OR length(totp_secret) BETWEEN 16 AND 64);
ALTER TABLE staff ADD COLUMN totp_enabled_at TEXT;
ALTER TABLE staff ADD COLUMN totp_last_step INTEGER;
