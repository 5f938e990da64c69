-- The public results page lists the free-text answers chosen for publication: few rows among a million answers.
CREATE INDEX survey_answers_published ON survey_answers (question_id, item) WHERE published = 1;
