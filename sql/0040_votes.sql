-- Prioritisation votes: a vote with its options, anonymous ballots with receipt codes, and the
-- materialised tally. Money is in whole euros. Times are UTC ISO-8601 text.
-- The link from a ballot to the participant who cast it is added in 0041 (it needs the participants table).

CREATE TABLE votes (
    id                       INTEGER NOT NULL PRIMARY KEY,
    title                    TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    explanation              TEXT    NOT NULL DEFAULT '' CHECK (length(explanation) <= 20000),
    audience_id              TEXT    NOT NULL DEFAULT 'kreis' REFERENCES municipalities (id), -- 'kreis' = the whole county
    opens_at                 TEXT    NOT NULL,
    closes_at                TEXT    NOT NULL,
    method                   TEXT    NOT NULL CHECK (method IN ('yes_no_abstain', 'approval', 'points', 'ranking', 'budget')),
    max_choices              INTEGER CHECK (max_choices >= 1),            -- k: approval and ranking
    total_points             INTEGER CHECK (total_points >= 1),           -- N: points
    max_points_per_option    INTEGER CHECK (max_points_per_option >= 1),  -- M: points
    budget                   INTEGER CHECK (budget >= 1),                 -- euros: budget votes, optional for approval and points
    min_budget_share_percent INTEGER CHECK (min_budget_share_percent BETWEEN 0 AND 100),
    allocation_rule          TEXT    CHECK (allocation_rule IN ('greedy', 'equal_shares')),
    result_visibility        TEXT    NOT NULL DEFAULT 'after_close' CHECK (result_visibility IN ('live', 'after_close')),
    status                   TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    source                   TEXT    NOT NULL DEFAULT 'site' CHECK (source IN ('site', 'import')),
    created_at               TEXT    NOT NULL,
    updated_at               TEXT    NOT NULL,
    CHECK (closes_at >= opens_at),
    CHECK (method <> 'points' OR (total_points IS NOT NULL AND max_points_per_option IS NOT NULL)),
    CHECK (method NOT IN ('approval', 'ranking') OR max_choices IS NOT NULL),
    CHECK (method <> 'budget' OR (budget IS NOT NULL AND allocation_rule IS NOT NULL)),
    CHECK (allocation_rule IS NULL OR (budget IS NOT NULL AND method IN ('approval', 'budget', 'points'))),
    CHECK (allocation_rule <> 'equal_shares' OR method IN ('approval', 'budget')),
    CHECK (min_budget_share_percent IS NULL OR method = 'budget')
) STRICT;

CREATE INDEX votes_open ON votes (status, closes_at);

CREATE TABLE vote_options (
    id          INTEGER NOT NULL PRIMARY KEY,
    vote_id     INTEGER NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    title       TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description TEXT    NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
    cost        INTEGER CHECK (cost >= 0),                 -- whole euros; NULL when the vote has no budget
    position    INTEGER NOT NULL CHECK (position >= 1),
    external_id TEXT    CHECK (length(external_id) BETWEEN 1 AND 100), -- project id of an imported Pabulib file
    UNIQUE (vote_id, position),
    UNIQUE (vote_id, external_id)
) STRICT;

CREATE TABLE ballots (
    id                INTEGER NOT NULL PRIMARY KEY,
    vote_id           INTEGER NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    receipt_code      TEXT    NOT NULL UNIQUE CHECK (length(receipt_code) BETWEEN 6 AND 40),
    municipality_id   TEXT    REFERENCES municipalities (id), -- where the voter lives, for participation figures
    external_voter_id TEXT    CHECK (length(external_voter_id) BETWEEN 1 AND 100), -- voter id of an imported file
    cast_at           TEXT    NOT NULL,
    UNIQUE (vote_id, external_voter_id)
) STRICT;

-- value: approval and budget 1; points 1..M; ranking the position 1..k; yes/no/abstain 1, -1, 0.
CREATE TABLE ballot_choices (
    ballot_id INTEGER NOT NULL REFERENCES ballots (id) ON DELETE CASCADE,
    option_id INTEGER NOT NULL REFERENCES vote_options (id) ON DELETE CASCADE,
    value     INTEGER NOT NULL CHECK (value BETWEEN -1 AND 1000000),
    PRIMARY KEY (ballot_id, option_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX ballot_choices_option ON ballot_choices (option_id);

-- The materialised tally, replaced as a whole by the tally job (upserts, safe to run twice).
CREATE TABLE vote_tallies (
    vote_id          INTEGER NOT NULL PRIMARY KEY REFERENCES votes (id) ON DELETE CASCADE,
    ballot_count     INTEGER NOT NULL CHECK (ballot_count >= 0),
    rule             TEXT,
    condorcet_winner INTEGER REFERENCES vote_options (id) ON DELETE SET NULL,
    spent            INTEGER,
    result_json      TEXT    NOT NULL,
    computed_at      TEXT    NOT NULL
) STRICT;

CREATE TABLE vote_option_tallies (
    option_id    INTEGER NOT NULL PRIMARY KEY REFERENCES vote_options (id) ON DELETE CASCADE,
    vote_id      INTEGER NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    score        INTEGER NOT NULL,
    supporters   INTEGER NOT NULL CHECK (supporters >= 0),
    yes_count    INTEGER NOT NULL CHECK (yes_count >= 0),
    no_count     INTEGER NOT NULL CHECK (no_count >= 0),
    abstain_count INTEGER NOT NULL CHECK (abstain_count >= 0),
    rank         INTEGER NOT NULL CHECK (rank >= 1),
    selected     INTEGER NOT NULL CHECK (selected IN (0, 1)),
    selected_order INTEGER CHECK (selected_order >= 1),
    CHECK ((selected = 1) = (selected_order IS NOT NULL))
) STRICT;

CREATE INDEX vote_option_tallies_vote ON vote_option_tallies (vote_id);

CREATE TABLE vote_participation (
    vote_id         INTEGER NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    municipality_id TEXT    NOT NULL, -- a municipality id, or 'unbekannt' for imported and unknown ballots
    ballots         INTEGER NOT NULL CHECK (ballots >= 0),
    PRIMARY KEY (vote_id, municipality_id)
) STRICT, WITHOUT ROWID;
