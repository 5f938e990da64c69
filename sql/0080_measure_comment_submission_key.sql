-- The measure comment form's one-time key, as for comments on ideas (sql/0077): the same form sent twice stores one comment.
ALTER TABLE measure_comments ADD COLUMN submission_key TEXT CHECK (submission_key IS NULL OR length(submission_key) BETWEEN 16 AND 64);

CREATE UNIQUE INDEX measure_comments_submission_key ON measure_comments (author_id, submission_key) WHERE submission_key IS NOT NULL;
