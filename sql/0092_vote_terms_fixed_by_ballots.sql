-- Once a vote has ballots, what they were cast on stays as it was: the method and its numbers (k, N, M), the budget,
-- its minimum share and rule, the beginning and the audience of the vote, and its options (none added, none changed;
-- 0091 keeps a chosen option from being deleted). Its end may still move, later or earlier (staff end a running vote
-- early, or correct its end), and its title, explanation and result visibility are not judged here. Like 0091 these
-- judge new writes only, and the ballot count is read by the ballots' vote_id index on the rare writes that name the
-- columns; ballots themselves get no trigger.
CREATE TRIGGER votes_terms_fixed_by_ballots BEFORE UPDATE OF
    method, max_choices, total_points, max_points_per_option, budget, min_budget_share_percent, allocation_rule, opens_at, audience_id
ON votes
WHEN (new.method IS NOT old.method
      OR new.max_choices IS NOT old.max_choices
      OR new.total_points IS NOT old.total_points
      OR new.max_points_per_option IS NOT old.max_points_per_option
      OR new.budget IS NOT old.budget
      OR new.min_budget_share_percent IS NOT old.min_budget_share_percent
      OR new.allocation_rule IS NOT old.allocation_rule
      OR new.opens_at IS NOT old.opens_at
      OR new.audience_id IS NOT old.audience_id)
     AND EXISTS (SELECT 1 FROM ballots WHERE vote_id = old.id)
BEGIN
    SELECT RAISE(ABORT, 'a vote with ballots keeps its method, numbers, budget, beginning and audience; only its end moves');
END;

CREATE TRIGGER vote_options_fixed_by_ballots_insert BEFORE INSERT ON vote_options
WHEN EXISTS (SELECT 1 FROM ballots WHERE vote_id = new.vote_id)
BEGIN
    SELECT RAISE(ABORT, 'a vote with ballots keeps its options as they are');
END;

CREATE TRIGGER vote_options_fixed_by_ballots_update BEFORE UPDATE OF vote_id, title, description, cost, position ON vote_options
WHEN (new.vote_id IS NOT old.vote_id
      OR new.title IS NOT old.title
      OR new.description IS NOT old.description
      OR new.cost IS NOT old.cost
      OR new.position IS NOT old.position)
     AND EXISTS (SELECT 1 FROM ballots WHERE vote_id IN (old.vote_id, new.vote_id))
BEGIN
    SELECT RAISE(ABORT, 'a vote with ballots keeps its options as they are');
END;
