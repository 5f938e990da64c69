-- Administrative actions (surveys, votes, councils and their recipients, strategy, the participation phase, staff),
-- written in the same transaction as the change they record, so that a change and its entry commit together.
-- staff_email is copied at the time: the entry still says who acted if the address changes later. An entry without a
-- staff member was made on the command line (staff add, votes import, seed-demo).
-- parent_id is the survey of a page, question or condition and the council of a recipient or digest, for the link.
CREATE TABLE admin_log (
    id          INTEGER NOT NULL PRIMARY KEY,
    at          TEXT    NOT NULL,
    staff_id    INTEGER REFERENCES staff (id),
    staff_email TEXT,
    action      TEXT    NOT NULL CHECK (action IN (
                    'create', 'update', 'delete', 'move', 'duplicate', 'open', 'close', 'archive',
                    'publish', 'publish_results', 'unpublish_results', 'publish_text', 'unpublish_text', 'generate_codes',
                    'import', 'activate', 'deactivate', 'resend', 'set', 'clear', 'enable_two_factor', 'disable_two_factor')),
    target_type TEXT    NOT NULL CHECK (target_type IN (
                    'survey', 'survey_page', 'survey_question', 'survey_condition', 'vote', 'council', 'council_recipient',
                    'digest', 'strategy_goal', 'strategy_measure', 'strategy_phase', 'participation_phase', 'staff')),
    target_id   INTEGER NOT NULL,
    parent_id   INTEGER,
    details     TEXT    CHECK (details IS NULL OR length(details) <= 1000),
    before_json TEXT,
    after_json  TEXT,
    CHECK ((staff_id IS NULL) = (staff_email IS NULL))
) STRICT;

CREATE INDEX admin_log_at ON admin_log (at DESC, id DESC);
CREATE INDEX admin_log_target ON admin_log (target_type, at DESC, id DESC);

CREATE TRIGGER admin_log_append_only_update BEFORE UPDATE ON admin_log
BEGIN
    SELECT RAISE(ABORT, 'admin_log is append-only');
END;

CREATE TRIGGER admin_log_append_only_delete BEFORE DELETE ON admin_log
BEGIN
    SELECT RAISE(ABORT, 'admin_log is append-only');
END;
