-- Moderators can show a hidden comment again (a hiding by mistake, or its reason gone); the log names that action too.
-- The log's rows are copied unchanged; the append-only triggers are dropped only for the copy and come back at once.
DROP TRIGGER audit_log_append_only_update;
DROP TRIGGER audit_log_append_only_delete;

CREATE TABLE audit_log_rebuilt (
    id          INTEGER NOT NULL PRIMARY KEY,
    at          TEXT    NOT NULL,
    staff_id    INTEGER NOT NULL REFERENCES staff (id),
    staff_email TEXT    NOT NULL,
    action      TEXT    NOT NULL CHECK (action IN ('publish', 'edit', 'reject', 'merge', 'answer', 'dismiss_reports', 'hide_idea',
                                                   'hide_comment', 'restore_idea', 'restore_comment')),
    target_type TEXT    NOT NULL CHECK (target_type IN ('idea', 'comment', 'measure_comment')),
    target_id   INTEGER NOT NULL,
    idea_id     INTEGER,
    measure_id  INTEGER,
    before_json TEXT,
    after_json  TEXT,
    note        TEXT,
    CHECK ((idea_id IS NULL) = (measure_id IS NOT NULL)),
    CHECK ((target_type = 'measure_comment') = (measure_id IS NOT NULL))
) STRICT;

INSERT INTO audit_log_rebuilt (id, at, staff_id, staff_email, action, target_type, target_id, idea_id, measure_id, before_json, after_json, note)
SELECT id, at, staff_id, staff_email, action, target_type, target_id, idea_id, measure_id, before_json, after_json, note FROM audit_log;

DROP TABLE audit_log;
ALTER TABLE audit_log_rebuilt RENAME TO audit_log;

CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_idea ON audit_log (idea_id, id);
CREATE INDEX audit_log_measure ON audit_log (measure_id, id) WHERE measure_id IS NOT NULL;

CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
