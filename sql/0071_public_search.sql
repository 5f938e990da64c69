-- The public search looks only at published ideas: a full-text index of those alone counts the hits of a search
-- without reading the ideas, and lets the list walk its date or support index until a page is full.
-- (ideas_fts keeps every idea for the moderators' search for similar ideas.)
CREATE VIRTUAL TABLE ideas_public_fts USING fts5 (
    title, body,
    content = 'ideas', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO ideas_public_fts (rowid, title, body) SELECT id, title, body FROM ideas WHERE state = 'published';

CREATE TRIGGER ideas_public_fts_insert AFTER INSERT ON ideas WHEN new.state = 'published' BEGIN
    INSERT INTO ideas_public_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER ideas_public_fts_delete AFTER DELETE ON ideas WHEN old.state = 'published' BEGIN
    INSERT INTO ideas_public_fts (ideas_public_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;

-- One trigger, so that the old entry always goes before the new one is added.
CREATE TRIGGER ideas_public_fts_update AFTER UPDATE OF state, title, body ON ideas
WHEN old.state = 'published' OR new.state = 'published' BEGIN
    INSERT INTO ideas_public_fts (ideas_public_fts, rowid, title, body)
        SELECT 'delete', old.id, old.title, old.body WHERE old.state = 'published';
    INSERT INTO ideas_public_fts (rowid, title, body)
        SELECT new.id, new.title, new.body WHERE new.state = 'published';
END;
