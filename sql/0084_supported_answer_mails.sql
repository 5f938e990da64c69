-- A participant's choice to get a mail when an idea they support receives its official answer (or a changed one).
-- Off unless they switch it on (on the account page); a deleted account keeps no choice.
ALTER TABLE participants ADD COLUMN supported_answer_mails INTEGER NOT NULL DEFAULT 0
    CHECK (supported_answer_mails IN (0, 1) AND (supported_answer_mails = 0 OR deleted_at IS NULL));
