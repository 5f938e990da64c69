-- The moderators' list of hidden comments (/moderation/kommentare) and its count read only hidden comments: a partial
-- index per comment table holds just those, so neither statement scans every comment.
CREATE INDEX idea_comments_hidden ON idea_comments (created_at, id) WHERE state = 'hidden';
CREATE INDEX measure_comments_hidden ON measure_comments (created_at, id) WHERE state = 'hidden';
