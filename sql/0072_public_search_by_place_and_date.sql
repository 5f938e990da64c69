-- The public search answers from its own index: which published ideas match, how many, and the page of them newest
-- first, without reading the ideas. Each published idea is one entry:
--   rowid  its place in the list, newest last: the second of publication, then the idea's id
--          ((unixepoch(published_at) << 31) | id; ideas.id stays below 2^31, the triggers refuse otherwise),
--          so that "ORDER BY rowid DESC" is newest first and "rowid & 2147483647" is the idea's id;
--   title, body  the searched text;
--   place  one token per filter of the list, never searched by a visitor's words: 'g' and the municipality's id in
--          hex, 'f' and the field's id in hex, 'a' and the answer status in hex ('a' alone for none).
-- Within one second of publication the search orders by id, where the unfiltered list orders by the exact time.
-- Contentless, with deletes by rowid; detail = column is all the queries need (words and column filters, no phrases).
DROP TRIGGER ideas_public_fts_insert;
DROP TRIGGER ideas_public_fts_delete;
DROP TRIGGER ideas_public_fts_update;
DROP TABLE ideas_public_fts;

CREATE VIRTUAL TABLE ideas_public_search USING fts5 (
    title, body, place,
    content = '', contentless_delete = 1, detail = column,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO ideas_public_search (rowid, title, body, place)
SELECT (coalesce(unixepoch(published_at), 0) << 31) | id, title, body,
       'g' || hex(municipality_id) || ' f' || hex(field_id) || ' a' || hex(coalesce(answer_status, ''))
FROM ideas WHERE state = 'published';

CREATE TRIGGER ideas_public_search_insert AFTER INSERT ON ideas WHEN new.state = 'published' BEGIN
    SELECT RAISE(ABORT, 'idea id beyond the public search key') WHERE new.id > 2147483647;
    INSERT INTO ideas_public_search (rowid, title, body, place)
    VALUES ((coalesce(unixepoch(new.published_at), 0) << 31) | new.id, new.title, new.body,
            'g' || hex(new.municipality_id) || ' f' || hex(new.field_id) || ' a' || hex(coalesce(new.answer_status, '')));
END;

CREATE TRIGGER ideas_public_search_delete AFTER DELETE ON ideas WHEN old.state = 'published' BEGIN
    DELETE FROM ideas_public_search WHERE rowid = (coalesce(unixepoch(old.published_at), 0) << 31) | old.id;
END;

-- One trigger, so that the old entry always goes before the new one is added.
CREATE TRIGGER ideas_public_search_update
AFTER UPDATE OF state, title, body, municipality_id, field_id, answer_status, published_at ON ideas
WHEN old.state = 'published' OR new.state = 'published' BEGIN
    SELECT RAISE(ABORT, 'idea id beyond the public search key') WHERE new.id > 2147483647;
    DELETE FROM ideas_public_search WHERE old.state = 'published' AND rowid = (coalesce(unixepoch(old.published_at), 0) << 31) | old.id;
    INSERT INTO ideas_public_search (rowid, title, body, place)
    SELECT (coalesce(unixepoch(new.published_at), 0) << 31) | new.id, new.title, new.body,
           'g' || hex(new.municipality_id) || ' f' || hex(new.field_id) || ' a' || hex(coalesce(new.answer_status, ''))
    WHERE new.state = 'published';
END;
