-- The results job reads a survey's answers response by response (answers of one response and question side by
-- side, so each response is counted once per question without a sort); this index hands it the responses of a
-- survey in id order, with the municipality, so the join to survey_answers follows its primary key.

CREATE INDEX survey_responses_survey_id ON survey_responses (survey_id, id, municipality_id);
