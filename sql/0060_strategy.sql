-- The digital strategy itself: goals and measures per field of action, the process timeline, and the
-- links from citizens' ideas to the measures they grew into.

CREATE TABLE strategy_goals (
    id          INTEGER NOT NULL PRIMARY KEY,
    field_id    TEXT    NOT NULL REFERENCES fields_of_action (id),
    title       TEXT    NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
    description TEXT    NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
) STRICT;

CREATE INDEX strategy_goals_field ON strategy_goals (field_id, position, id);

CREATE TABLE strategy_measures (
    id                INTEGER NOT NULL PRIMARY KEY,
    goal_id           INTEGER NOT NULL REFERENCES strategy_goals (id),
    title             TEXT    NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
    description       TEXT    NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
    lead_organisation TEXT    CHECK (lead_organisation IS NULL OR length(lead_organisation) <= 200),
    cost_euros        INTEGER CHECK (cost_euros IS NULL OR cost_euros >= 0),
    time_frame        TEXT    CHECK (time_frame IS NULL OR length(time_frame) <= 100),
    status            TEXT    NOT NULL DEFAULT 'draft'
                              CHECK (status IN ('draft', 'discussion', 'decided', 'implementing', 'implemented', 'discarded')),
    position          INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
) STRICT;

CREATE INDEX strategy_measures_goal ON strategy_measures (goal_id, position, id);

CREATE TABLE measure_municipalities (
    measure_id      INTEGER NOT NULL REFERENCES strategy_measures (id) ON DELETE CASCADE,
    municipality_id TEXT    NOT NULL REFERENCES municipalities (id),
    PRIMARY KEY (measure_id, municipality_id)
) STRICT, WITHOUT ROWID;

-- Every status a measure has had, with the date; the current one is strategy_measures.status.
CREATE TABLE measure_status_history (
    id         INTEGER NOT NULL PRIMARY KEY,
    measure_id INTEGER NOT NULL REFERENCES strategy_measures (id) ON DELETE CASCADE,
    status     TEXT    NOT NULL CHECK (status IN ('draft', 'discussion', 'decided', 'implementing', 'implemented', 'discarded')),
    changed_at TEXT    NOT NULL,
    staff_id   INTEGER REFERENCES staff (id),
    note       TEXT    CHECK (note IS NULL OR length(note) <= 1000)
) STRICT;

CREATE INDEX measure_status_history_measure ON measure_status_history (measure_id, changed_at, id);

CREATE TABLE idea_measures (
    idea_id    INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    measure_id INTEGER NOT NULL REFERENCES strategy_measures (id) ON DELETE CASCADE,
    linked_at  TEXT    NOT NULL,
    PRIMARY KEY (idea_id, measure_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX idea_measures_measure ON idea_measures (measure_id);

CREATE TABLE measure_comments (
    id         INTEGER NOT NULL PRIMARY KEY,
    measure_id INTEGER NOT NULL REFERENCES strategy_measures (id) ON DELETE CASCADE,
    author_id  INTEGER NOT NULL REFERENCES participants (id),
    body       TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    created_at TEXT    NOT NULL
) STRICT;

CREATE INDEX measure_comments_measure ON measure_comments (measure_id, id);

CREATE TABLE process_phases (
    id          INTEGER NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(name) BETWEEN 3 AND 120),
    description TEXT    NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    citizens_can TEXT   NOT NULL DEFAULT '' CHECK (length(citizens_can) <= 1000),
    starts_on   TEXT    NOT NULL CHECK (starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    ends_on     TEXT    NOT NULL CHECK (ends_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    CHECK (ends_on >= starts_on)
) STRICT;

-- One row: a counter raised with every change to goals, measures or phases, for the printed version line.
CREATE TABLE strategy_revision (
    id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    revision   INTEGER NOT NULL,
    changed_at TEXT    NOT NULL
) STRICT;

INSERT INTO strategy_revision (id, revision, changed_at) VALUES (1, 0, '2026-01-01T00:00:00.0000000Z');
