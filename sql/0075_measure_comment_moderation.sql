-- Comments on measures get what comments on ideas have: a state (visible, hidden until moderation has looked,
-- deleted by their author), reports by participants and the moderators' decisions. Reports and the audit log
-- therefore learn a second kind of comment; both tables are rebuilt because a NOT NULL idea_id and a CHECK cannot
-- be changed in place.

ALTER TABLE measure_comments ADD COLUMN state TEXT NOT NULL DEFAULT 'visible' CHECK (state IN ('visible', 'hidden', 'deleted'));
ALTER TABLE measure_comments ADD COLUMN hidden_by TEXT
    CHECK (hidden_by IN ('reports', 'moderation'))
    CHECK ((state = 'hidden') = (hidden_by IS NOT NULL));

CREATE INDEX measure_comments_author ON measure_comments (author_id);

-- A report is about an idea, a comment on an idea (idea_id and comment_id) or a comment on a measure
-- (measure_comment_id alone); one per reporter and item.
CREATE TABLE reports_rebuilt (
    id                 INTEGER NOT NULL PRIMARY KEY,
    idea_id            INTEGER REFERENCES ideas (id) ON DELETE CASCADE,
    comment_id         INTEGER REFERENCES idea_comments (id) ON DELETE CASCADE,
    measure_comment_id INTEGER REFERENCES measure_comments (id) ON DELETE CASCADE,
    reporter_id        INTEGER NOT NULL REFERENCES participants (id),
    reason             TEXT    NOT NULL CHECK (reason IN ('insult', 'personal_data', 'spam', 'off_topic', 'other')),
    details            TEXT    CHECK (details IS NULL OR length(details) <= 1000),
    state              TEXT    NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'dismissed', 'upheld')),
    created_at         TEXT    NOT NULL,
    decided_at         TEXT,
    CHECK ((idea_id IS NULL) = (measure_comment_id IS NOT NULL)),
    CHECK (comment_id IS NULL OR idea_id IS NOT NULL)
) STRICT;

INSERT INTO reports_rebuilt (id, idea_id, comment_id, reporter_id, reason, details, state, created_at, decided_at)
SELECT id, idea_id, comment_id, reporter_id, reason, details, state, created_at, decided_at FROM reports;

DROP TABLE reports;
ALTER TABLE reports_rebuilt RENAME TO reports;

CREATE UNIQUE INDEX reports_one_per_reporter
    ON reports (reporter_id, coalesce(idea_id, 0), coalesce(comment_id, 0), coalesce(measure_comment_id, 0));
CREATE INDEX reports_open ON reports (state, created_at) WHERE state = 'open';
CREATE INDEX reports_measure_comment ON reports (measure_comment_id) WHERE measure_comment_id IS NOT NULL;

-- The audit log names either the idea or the measure an entry belongs to. Its rows are copied unchanged; the
-- append-only triggers are dropped only for the copy and come back at once.
DROP TRIGGER audit_log_append_only_update;
DROP TRIGGER audit_log_append_only_delete;

CREATE TABLE audit_log_rebuilt (
    id          INTEGER NOT NULL PRIMARY KEY,
    at          TEXT    NOT NULL,
    staff_id    INTEGER NOT NULL REFERENCES staff (id),
    staff_email TEXT    NOT NULL,
    action      TEXT    NOT NULL CHECK (action IN ('publish', 'edit', 'reject', 'merge', 'answer', 'dismiss_reports', 'hide_idea', 'hide_comment')),
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

INSERT INTO audit_log_rebuilt (id, at, staff_id, staff_email, action, target_type, target_id, idea_id, before_json, after_json, note)
SELECT id, at, staff_id, staff_email, action, target_type, target_id, idea_id, before_json, after_json, note FROM audit_log;

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
