-- A digest round asks every council's area for its most supported ideas (ties: the earlier published first) and for
-- the ideas answered in the period; both are read from an index instead of every idea.
CREATE INDEX ideas_most_supported ON ideas (state, supporters DESC, published_at, id);
CREATE INDEX ideas_answered ON ideas (answered_at) WHERE official_answer IS NOT NULL;
