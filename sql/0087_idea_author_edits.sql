-- An author may correct their idea while it waits for moderation (/ideen/{id}/bearbeiten). The moderation's review
-- page says when the author last did, so a moderator knows the text changed since the idea came in. The edit itself
-- bumps ideas.version, so a decision taken on the text as it was before is a conflict.
ALTER TABLE ideas ADD COLUMN author_edited_at TEXT;
