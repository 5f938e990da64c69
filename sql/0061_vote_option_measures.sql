-- A vote's option can stand for a measure of the strategy (its title, text and cost were copied from it);
-- the measure's page then shows the vote's result.

CREATE TABLE vote_option_measures (
    option_id  INTEGER NOT NULL REFERENCES vote_options (id) ON DELETE CASCADE,
    measure_id INTEGER NOT NULL REFERENCES strategy_measures (id),
    PRIMARY KEY (option_id, measure_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX vote_option_measures_measure ON vote_option_measures (measure_id);
