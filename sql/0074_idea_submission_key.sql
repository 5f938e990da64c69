-- The idea form's one-time key. The same form sent twice (a double click, a reload while the first answer is still on
-- its way) stores one idea: the second insert meets this index and the author is shown the first one's confirmation.
-- Ideas stored before this migration, and those not from the form, have none.
ALTER TABLE ideas ADD COLUMN submission_key TEXT CHECK (submission_key IS NULL OR length(submission_key) BETWEEN 16 AND 64);

CREATE UNIQUE INDEX ideas_submission_key ON ideas (author_id, submission_key) WHERE submission_key IS NOT NULL;
