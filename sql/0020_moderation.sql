-- Moderation: decisions on ideas, edits with the original kept, and an append-only audit log.

ALTER TABLE ideas ADD COLUMN original_title TEXT;
ALTER TABLE ideas ADD COLUMN original_body TEXT;
ALTER TABLE ideas ADD COLUMN edited_by_moderation INTEGER NOT NULL DEFAULT 0 CHECK (edited_by_moderation IN (0, 1));
ALTER TABLE ideas ADD COLUMN rejection_reason TEXT
    CHECK (rejection_reason IS NULL OR rejection_reason IN ('duplicate', 'off_topic', 'insult', 'personal_data', 'not_municipal'));
ALTER TABLE ideas ADD COLUMN rejection_note TEXT CHECK (rejection_note IS NULL OR length(rejection_note) <= 2000);
ALTER TABLE ideas ADD COLUMN decided_by INTEGER REFERENCES staff (id);
ALTER TABLE ideas ADD COLUMN decided_at TEXT;

CREATE INDEX ideas_queue ON ideas (state, created_at) WHERE state = 'pending';

-- Who did what, when, with the state before and after. Rows are never changed or removed.
CREATE TABLE audit_log (
    id          INTEGER NOT NULL PRIMARY KEY,
    at          TEXT    NOT NULL,
    staff_id    INTEGER NOT NULL REFERENCES staff (id),
    staff_email TEXT    NOT NULL,
    action      TEXT    NOT NULL CHECK (action IN ('publish', 'edit', 'reject', 'merge', 'answer', 'dismiss_reports', 'hide_idea', 'hide_comment')),
    target_type TEXT    NOT NULL CHECK (target_type IN ('idea', 'comment')),
    target_id   INTEGER NOT NULL,
    idea_id     INTEGER NOT NULL,
    before_json TEXT,
    after_json  TEXT,
    note        TEXT
) STRICT;

CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_idea ON audit_log (idea_id, id);

CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
