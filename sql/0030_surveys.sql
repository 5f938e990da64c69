-- Surveys: definitions (surveys, pages, questions, conditions), invitation codes, the record of who took
-- part, the responses and their answers, and the materialised results.
--
-- Anonymity: who took part (survey_participations) and what was answered (survey_responses, survey_answers)
-- are stored apart. A response of an anonymous survey carries no participant, no code, no draft token and
-- no exact time: only the day, and a random id so that neither row order nor id order links it to the
-- participation record.

CREATE TABLE surveys (
    id                  INTEGER NOT NULL PRIMARY KEY,
    title               TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    introduction        TEXT    NOT NULL DEFAULT '' CHECK (length(introduction) <= 4000),
    municipality_id     TEXT    NOT NULL REFERENCES municipalities (id),   -- 'kreis': the whole county
    opens_at            TEXT,
    closes_at           TEXT,
    mode                TEXT    NOT NULL CHECK (mode IN ('open', 'verified', 'codes')),
    anonymous           INTEGER NOT NULL DEFAULT 1 CHECK (anonymous IN (0, 1)),
    thank_you           TEXT    NOT NULL DEFAULT '' CHECK (length(thank_you) <= 4000),
    status              TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed', 'archived')),
    results_published   INTEGER NOT NULL DEFAULT 0 CHECK (results_published IN (0, 1)),
    results_computed_at TEXT,
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL,
    CHECK (opens_at IS NULL OR closes_at IS NULL OR opens_at < closes_at)
) STRICT;

CREATE INDEX surveys_status ON surveys (status, municipality_id);

CREATE TABLE survey_pages (
    id             INTEGER NOT NULL PRIMARY KEY,
    survey_id      INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL CHECK (position >= 1),
    title          TEXT    NOT NULL DEFAULT '' CHECK (length(title) <= 200),
    condition_mode TEXT    NOT NULL DEFAULT 'all' CHECK (condition_mode IN ('all', 'any')),
    UNIQUE (survey_id, position)
) STRICT;

CREATE TABLE survey_questions (
    id             INTEGER NOT NULL PRIMARY KEY,
    survey_id      INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    page_id        INTEGER NOT NULL REFERENCES survey_pages (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL CHECK (position >= 1),
    kind           TEXT    NOT NULL CHECK (kind IN ('single', 'dropdown', 'multiple', 'yesno', 'rating', 'matrix',
                                                    'ranking', 'number', 'date', 'short_text', 'long_text', 'consent', 'info')),
    text           TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    help           TEXT    NOT NULL DEFAULT '' CHECK (length(help) <= 2000),
    required       INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
    settings_json  TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(settings_json)),  -- options, rows, scale, min/max, labels
    condition_mode TEXT    NOT NULL DEFAULT 'all' CHECK (condition_mode IN ('all', 'any')),
    UNIQUE (page_id, position)
) STRICT;

CREATE INDEX survey_questions_survey ON survey_questions (survey_id);

-- A page or a question is shown only when its conditions hold (all of them, or any, per condition_mode).
CREATE TABLE survey_conditions (
    id                 INTEGER NOT NULL PRIMARY KEY,
    survey_id          INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    page_id            INTEGER REFERENCES survey_pages (id) ON DELETE CASCADE,
    question_id        INTEGER REFERENCES survey_questions (id) ON DELETE CASCADE,
    source_question_id INTEGER NOT NULL REFERENCES survey_questions (id) ON DELETE CASCADE,
    operator           TEXT    NOT NULL CHECK (operator IN ('equals', 'not_equals', 'any_of', 'none_of', 'greater', 'less',
                                                            'answered', 'not_answered')),
    item               TEXT    NOT NULL DEFAULT '',   -- a matrix row; '' for other questions
    values_json        TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(values_json)),
    CHECK ((page_id IS NULL) <> (question_id IS NULL))
) STRICT;

CREATE INDEX survey_conditions_survey ON survey_conditions (survey_id);

-- Invitation codes: only a hash is stored; the printable list is shown once, when the codes are made.
CREATE TABLE survey_codes (
    id         INTEGER NOT NULL PRIMARY KEY,
    survey_id  INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    code_hash  TEXT    NOT NULL UNIQUE,
    used       INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1)),
    created_at TEXT    NOT NULL
) STRICT;

CREATE INDEX survey_codes_survey ON survey_codes (survey_id);

-- Who took part: one row per participant (verified mode), per code (codes mode) or per browser token
-- (open mode). The UNIQUE constraints are the one-response rule. response_id is filled only for surveys
-- that are not anonymous; for anonymous ones only the day is kept.
CREATE TABLE survey_participations (
    id              INTEGER NOT NULL PRIMARY KEY,
    survey_id       INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    participant_id  INTEGER REFERENCES participants (id),
    code_id         INTEGER REFERENCES survey_codes (id) ON DELETE CASCADE,
    token_hash      TEXT,
    response_id     INTEGER,
    participated_on TEXT    NOT NULL,
    CHECK ((participant_id IS NOT NULL) + (code_id IS NOT NULL) + (token_hash IS NOT NULL) = 1),
    UNIQUE (survey_id, participant_id),
    UNIQUE (survey_id, code_id),
    UNIQUE (survey_id, token_hash)
) STRICT;

-- What was answered. id is random (see top); submitted_on is a day (YYYY-MM-DD, Europe/Berlin).
CREATE TABLE survey_responses (
    id              INTEGER NOT NULL PRIMARY KEY,
    survey_id       INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    submitted_on    TEXT    NOT NULL CHECK (submitted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    municipality_id TEXT    REFERENCES municipalities (id)
) STRICT;

CREATE INDEX survey_responses_survey ON survey_responses (survey_id, municipality_id);

-- One row per answered question and item: item is '' for single-valued questions, the option key for
-- multiple choice and ranking, the row key for a matrix, 'other' for the free text of "Sonstiges".
CREATE TABLE survey_answers (
    response_id INTEGER NOT NULL REFERENCES survey_responses (id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES survey_questions (id) ON DELETE CASCADE,
    item        TEXT    NOT NULL DEFAULT '',
    value       TEXT    NOT NULL,
    published   INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),  -- free text shown publicly after moderation
    PRIMARY KEY (response_id, question_id, item)
) STRICT, WITHOUT ROWID;

CREATE INDEX survey_answers_question ON survey_answers (question_id, item, value);

-- Answers in progress between pages, keyed by the hash of a random browser token; deleted on submit.
CREATE TABLE survey_drafts (
    token_hash   TEXT    NOT NULL PRIMARY KEY,
    survey_id    INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    answers_json TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(answers_json)),
    code_hash    TEXT,
    updated_at   TEXT    NOT NULL
) STRICT;

-- Materialised results, recomputed by the aggregation job (upsert, stale rows removed; never incremented).
-- segment: '' for all respondents, else a municipality id. Counts: per value of an item.
CREATE TABLE survey_result_counts (
    survey_id   INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    segment     TEXT    NOT NULL,
    question_id INTEGER NOT NULL REFERENCES survey_questions (id) ON DELETE CASCADE,
    item        TEXT    NOT NULL,
    value       TEXT    NOT NULL,
    count       INTEGER NOT NULL CHECK (count >= 0),
    run_id      TEXT    NOT NULL,
    PRIMARY KEY (survey_id, segment, question_id, item, value)
) STRICT, WITHOUT ROWID;

-- Per question and item: how many responses answered it, and the average for scales, numbers and ranks.
CREATE TABLE survey_result_stats (
    survey_id   INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    segment     TEXT    NOT NULL,
    question_id INTEGER NOT NULL REFERENCES survey_questions (id) ON DELETE CASCADE,
    item        TEXT    NOT NULL,
    responses   INTEGER NOT NULL CHECK (responses >= 0),
    average     REAL,
    minimum     REAL,
    maximum     REAL,
    run_id      TEXT    NOT NULL,
    PRIMARY KEY (survey_id, segment, question_id, item)
) STRICT, WITHOUT ROWID;

-- Number of responses per segment (the denominator for the survey as a whole).
CREATE TABLE survey_result_totals (
    survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    segment   TEXT    NOT NULL,
    responses INTEGER NOT NULL CHECK (responses >= 0),
    run_id    TEXT    NOT NULL,
    PRIMARY KEY (survey_id, segment)
) STRICT, WITHOUT ROWID;
