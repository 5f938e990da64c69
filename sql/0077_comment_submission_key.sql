-- The comment form's one-time key, as for ideas (sql/0074): the same form sent twice stores one comment.
ALTER TABLE idea_comments ADD COLUMN submission_key TEXT CHECK (submission_key IS NULL OR length(submission_key) BETWEEN 16 AND 64);

CREATE UNIQUE INDEX idea_comments_submission_key ON idea_comments (author_id, submission_key) WHERE submission_key IS NOT NULL;
