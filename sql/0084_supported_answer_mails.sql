-- Whether a participant gets a mail when an idea they support receives its official answer (or a changed one). On
-- unless they switch it off on the account page, as supporters were told of answers before there was a setting; a
-- deleted account's row keeps it off.
ALTER TABLE participants ADD COLUMN supported_answer_mails INTEGER NOT NULL DEFAULT 1 CHECK (supported_answer_mails IN (0, 1));
UPDATE participants SET supported_answer_mails = 0 WHERE deleted_at IS NOT NULL;
