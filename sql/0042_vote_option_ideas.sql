-- The ideas a vote's option grew from (optional; shown with the option when the idea is published).

CREATE TABLE vote_option_ideas (
    option_id INTEGER NOT NULL REFERENCES vote_options (id) ON DELETE CASCADE,
    idea_id   INTEGER NOT NULL REFERENCES ideas (id),
    PRIMARY KEY (option_id, idea_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX vote_option_ideas_idea ON vote_option_ideas (idea_id);
