-- Ideas of citizens, their supporters, comments and reports.
-- An idea is public only once a moderator publishes it (state 'published'); answer_status follows the
-- strategy workflow after publication.

CREATE TABLE ideas (
    id              INTEGER NOT NULL PRIMARY KEY,
    author_id       INTEGER NOT NULL REFERENCES participants (id),
    title           TEXT    NOT NULL CHECK (length(title) BETWEEN 5 AND 120),
    body            TEXT    NOT NULL CHECK (length(body) BETWEEN 20 AND 5000),
    field_id        TEXT    NOT NULL REFERENCES fields_of_action (id),
    municipality_id TEXT    NOT NULL REFERENCES municipalities (id),
    place           TEXT    CHECK (place IS NULL OR length(place) <= 200),
    state           TEXT    NOT NULL DEFAULT 'pending'
                            CHECK (state IN ('pending', 'published', 'rejected', 'merged', 'hidden')),
    answer_status   TEXT    CHECK (answer_status IN ('in_review', 'adopted', 'implemented', 'not_feasible')),
    official_answer TEXT    CHECK (official_answer IS NULL OR length(official_answer) <= 5000),
    answered_at     TEXT,
    merged_into_id  INTEGER REFERENCES ideas (id),
    supporters      INTEGER NOT NULL DEFAULT 0 CHECK (supporters >= 0),
    comments        INTEGER NOT NULL DEFAULT 0 CHECK (comments >= 0),
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT    NOT NULL,
    published_at    TEXT,
    CHECK ((state = 'merged') = (merged_into_id IS NOT NULL)),
    CHECK (state <> 'published' OR published_at IS NOT NULL)
) STRICT;

CREATE INDEX ideas_public_newest ON ideas (state, published_at DESC, id DESC);
CREATE INDEX ideas_public_supported ON ideas (state, supporters DESC, id DESC);
CREATE INDEX ideas_author ON ideas (author_id, created_at DESC);
CREATE INDEX ideas_municipality ON ideas (municipality_id, state, published_at DESC);
CREATE INDEX ideas_field ON ideas (field_id, state, published_at DESC);

-- One support per participant and idea; ideas.supporters is kept in step in the same transaction.
CREATE TABLE idea_supports (
    idea_id        INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id),
    created_at     TEXT    NOT NULL,
    PRIMARY KEY (idea_id, participant_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX idea_supports_participant ON idea_supports (participant_id);

CREATE TABLE idea_comments (
    id          INTEGER NOT NULL PRIMARY KEY,
    idea_id     INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    author_id   INTEGER NOT NULL REFERENCES participants (id),
    body        TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    state       TEXT    NOT NULL DEFAULT 'visible' CHECK (state IN ('visible', 'hidden', 'deleted')),
    hidden_by   TEXT    CHECK (hidden_by IN ('reports', 'moderation')),
    created_at  TEXT    NOT NULL,
    CHECK ((state = 'hidden') = (hidden_by IS NOT NULL))
) STRICT;

CREATE INDEX idea_comments_idea ON idea_comments (idea_id, id);
CREATE INDEX idea_comments_author ON idea_comments (author_id);

-- Reports of ideas or comments; one per reporter and item.
CREATE TABLE reports (
    id          INTEGER NOT NULL PRIMARY KEY,
    idea_id     INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    comment_id  INTEGER REFERENCES idea_comments (id) ON DELETE CASCADE,
    reporter_id INTEGER NOT NULL REFERENCES participants (id),
    reason      TEXT    NOT NULL CHECK (reason IN ('insult', 'personal_data', 'spam', 'off_topic', 'other')),
    details     TEXT    CHECK (details IS NULL OR length(details) <= 1000),
    state       TEXT    NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'dismissed', 'upheld')),
    created_at  TEXT    NOT NULL,
    decided_at  TEXT
) STRICT;

CREATE UNIQUE INDEX reports_one_per_reporter ON reports (reporter_id, idea_id, coalesce(comment_id, 0));
CREATE INDEX reports_open ON reports (state, created_at) WHERE state = 'open';

-- Full-text search over title and text; German umlauts fold ("Mobilitat" finds "Mobilität").
CREATE VIRTUAL TABLE ideas_fts USING fts5 (
    title, body,
    content = 'ideas', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER ideas_fts_insert AFTER INSERT ON ideas BEGIN
    INSERT INTO ideas_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER ideas_fts_delete AFTER DELETE ON ideas BEGIN
    INSERT INTO ideas_fts (ideas_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;

CREATE TRIGGER ideas_fts_update AFTER UPDATE OF title, body ON ideas BEGIN
    INSERT INTO ideas_fts (ideas_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO ideas_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
