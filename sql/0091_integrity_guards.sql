-- Rules the services kept alone until now, kept by the database as well, so that neither a bug nor a statement run by
-- hand stores what they forbid. Each is a trigger that reads a few rows by their key at most, on writes that are not the
-- busy ones: supports, ballots and survey responses get none, and the counter updates of a support do not name the
-- columns the triggers on ideas watch. They judge new writes only: rows stored before stay as they are.

-- An idea's state moves only as moderation moves it: a pending idea is published, rejected or merged; a published one
-- hidden or merged; a hidden one shown again. Nothing goes back to pending, and rejected and merged are final.
CREATE TRIGGER ideas_state_moves_forward BEFORE UPDATE OF state ON ideas
WHEN new.state <> old.state
     AND NOT ((old.state = 'pending' AND new.state IN ('published', 'rejected', 'merged'))
           OR (old.state = 'published' AND new.state IN ('hidden', 'merged'))
           OR (old.state = 'hidden' AND new.state = 'published'))
BEGIN
    SELECT RAISE(ABORT, 'an idea''s state moves only from pending to published, rejected or merged, from published to hidden or merged, and from hidden to published');
END;

-- An idea is merged into another idea that is public at the time: its page sends visitors there.
CREATE TRIGGER ideas_merged_into_published BEFORE UPDATE OF merged_into_id ON ideas
WHEN new.merged_into_id IS NOT NULL AND new.merged_into_id IS NOT old.merged_into_id
     AND (new.merged_into_id = new.id OR (SELECT state FROM ideas WHERE id = new.merged_into_id) <> 'published')
BEGIN
    SELECT RAISE(ABORT, 'an idea is merged only into another, published idea');
END;

-- An official answer is given to a published idea, always with its status, its text and its time (the digests and the
-- list's filter read them together), and is replaced, never taken back.
CREATE TRIGGER ideas_answer_complete BEFORE UPDATE OF answer_status, official_answer ON ideas
WHEN (new.answer_status IS NOT old.answer_status OR new.official_answer IS NOT old.official_answer)
     AND (new.state <> 'published' OR new.answer_status IS NULL OR new.official_answer IS NULL OR new.answered_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'an official answer is given to a published idea, with its status, text and time');
END;

-- Comments are written on published ideas only (merges move them to another published idea, which is no insert).
CREATE TRIGGER idea_comments_on_published_idea BEFORE INSERT ON idea_comments
WHEN (SELECT state FROM ideas WHERE id = new.idea_id) <> 'published'
BEGIN
    SELECT RAISE(ABORT, 'a comment is written on a published idea');
END;

-- A survey's status moves forward: draft to open (or archived unused), open to closed, closed to archived. A closed
-- survey never opens again (its results and the councils' digests were made on it being closed).
CREATE TRIGGER surveys_status_moves_forward BEFORE UPDATE OF status ON surveys
WHEN new.status <> old.status
     AND NOT ((old.status = 'draft' AND new.status IN ('open', 'archived'))
           OR (old.status = 'open' AND new.status = 'closed')
           OR (old.status = 'closed' AND new.status = 'archived'))
BEGIN
    SELECT RAISE(ABORT, 'a survey''s status moves only from draft to open or archived, from open to closed, and from closed to archived');
END;

-- A published vote stays published: its ballots and result would vanish from the public pages with it.
CREATE TRIGGER votes_stay_published BEFORE UPDATE OF status ON votes
WHEN old.status = 'published' AND new.status <> 'published'
BEGIN
    SELECT RAISE(ABORT, 'a published vote stays published');
END;

-- A report is decided once, with the moment of the decision: a dismissed or upheld report never counts as open again
-- (three open reports hide a comment).
CREATE TRIGGER reports_decided_once BEFORE UPDATE OF state, decided_at ON reports
WHEN (old.state <> 'open' AND new.state <> old.state) OR ((new.state = 'open') <> (new.decided_at IS NULL))
BEGIN
    SELECT RAISE(ABORT, 'a report is decided once, with the time of the decision');
END;

-- A question stands on a page of its own survey (both columns refer to the survey, nothing ties them together).
CREATE TRIGGER survey_questions_on_own_page_insert BEFORE INSERT ON survey_questions
WHEN (SELECT survey_id FROM survey_pages WHERE id = new.page_id) <> new.survey_id
BEGIN
    SELECT RAISE(ABORT, 'a survey question stands on a page of its own survey');
END;

CREATE TRIGGER survey_questions_on_own_page_update BEFORE UPDATE OF survey_id, page_id ON survey_questions
WHEN (SELECT survey_id FROM survey_pages WHERE id = new.page_id) <> new.survey_id
BEGIN
    SELECT RAISE(ABORT, 'a survey question stands on a page of its own survey');
END;

-- A condition shows a page or question of its survey on an answer to a question of the same survey.
CREATE TRIGGER survey_conditions_within_survey_insert BEFORE INSERT ON survey_conditions
WHEN (SELECT survey_id FROM survey_pages WHERE id = new.page_id) <> new.survey_id
     OR (SELECT survey_id FROM survey_questions WHERE id = new.question_id) <> new.survey_id
     OR (SELECT survey_id FROM survey_questions WHERE id = new.source_question_id) <> new.survey_id
BEGIN
    SELECT RAISE(ABORT, 'a survey condition refers only to pages and questions of its own survey');
END;

CREATE TRIGGER survey_conditions_within_survey_update BEFORE UPDATE OF survey_id, page_id, question_id, source_question_id ON survey_conditions
WHEN (SELECT survey_id FROM survey_pages WHERE id = new.page_id) <> new.survey_id
     OR (SELECT survey_id FROM survey_questions WHERE id = new.question_id) <> new.survey_id
     OR (SELECT survey_id FROM survey_questions WHERE id = new.source_question_id) <> new.survey_id
BEGIN
    SELECT RAISE(ABORT, 'a survey condition refers only to pages and questions of its own survey');
END;

-- Answers and ballots go with their question or option (ON DELETE CASCADE), which the builders delete only in drafts
-- and votes without ballots. A question someone answered, or an option some ballot chose, is therefore not deleted on
-- its own (nor with its page); deleting the whole survey or vote still takes everything with it, as the parent row is
-- gone by the time its children are deleted.
CREATE TRIGGER survey_questions_keep_answered BEFORE DELETE ON survey_questions
WHEN EXISTS (SELECT 1 FROM survey_answers WHERE question_id = old.id)
     AND EXISTS (SELECT 1 FROM surveys WHERE id = old.survey_id)
BEGIN
    SELECT RAISE(ABORT, 'a survey question with answers is not deleted');
END;

CREATE TRIGGER vote_options_keep_chosen BEFORE DELETE ON vote_options
WHEN EXISTS (SELECT 1 FROM ballot_choices WHERE option_id = old.id)
     AND EXISTS (SELECT 1 FROM votes WHERE id = old.vote_id)
BEGIN
    SELECT RAISE(ABORT, 'a vote option chosen on a ballot is not deleted');
END;
