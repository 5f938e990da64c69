-- Who cast a site ballot: one ballot per participant and vote (changed ballots are replaced in place).
-- Imported and paper ballots have no participant. Deleted accounts keep their row (0004), so ballots keep counting.

ALTER TABLE ballots ADD COLUMN participant_id INTEGER REFERENCES participants (id);

CREATE UNIQUE INDEX ballots_one_per_participant ON ballots (vote_id, participant_id);
