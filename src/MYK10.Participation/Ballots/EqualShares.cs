namespace MYK10.Participation.Ballots;

/// <summary>
/// Method of Equal Shares with cost utilities and Add1 completion, as equalshares.net computes it: run with the
/// real budget; while some supported option would still fit, rerun with each voter's share raised by one euro
/// (starting from the whole-euro share) and keep the outcome as long as it stays within the real budget.
/// </summary>
/// <remarks>
/// Every decision of a run is made in exact arithmetic. Beside it, a run works out up to which virtual budget it would
/// make the same decisions (see <see cref="SameBelow"/>); the Add1 steps below that budget would repeat the outcome,
/// so they are passed over. With a large budget per voter that saves most of the reruns.
/// </remarks>
internal static class EqualShares
{
    private const double Tolerance = EqualSharesRun.Tolerance;

    public static List<int> WithAdd1(int voters, IReadOnlyList<TallyOption> options, List<int>[] approvers, long[] score, long budget)
    {
        var outcome = FixedBudget(voters, options, approvers, score, budget).Winners;
        if (voters == 0)
        {
            return outcome;
        }

        var candidates = Enumerable.Range(0, options.Count).Where(o => approvers[o].Count > 0 && Cost(options, o) > 0).ToList();
        var virtualBudget = budget / voters * voters;
        var spent = Spent(outcome, options);
        while (candidates.Any(o => !outcome.Contains(o) && spent + Cost(options, o) <= budget))
        {
            virtualBudget += voters;
            var (next, sameBelow) = FixedBudget(voters, options, approvers, score, virtualBudget);
            var nextSpent = Spent(next, options);
            if (nextSpent > budget)
            {
                break;
            }

            outcome = next;
            spent = nextSpent;

            // The steps below sameBelow would give this outcome again, hence the same spending and the same loop test.
            var repeats = Math.Floor((sameBelow - virtualBudget) / voters) - 1;
            if (repeats >= 1 && repeats < (long.MaxValue / 2 - virtualBudget) / voters)
            {
                virtualBudget += (long)repeats * voters;
            }
        }

        return outcome;
    }

    private static long Cost(IReadOnlyList<TallyOption> options, int o) => options[o].Cost ?? 0;

    private static long Spent(List<int> outcome, IReadOnlyList<TallyOption> options) => outcome.Sum(o => Cost(options, o));

    /// <summary>
    /// One run of Equal Shares: every voter holds budget/n; each round the option whose supporters can pay for it at
    /// the lowest price per unit of utility (with cost utilities: the highest "effective vote count" cost ÷ largest
    /// single payment) is chosen and its supporters pay equally, those with too little paying all they have.
    /// </summary>
    /// <remarks>
    /// Voters who have paid for the same options hold the same amount, so money is kept per class of voters rather
    /// than per voter. Options are compared in doubles; where two come within rounding of each other, and for the
    /// price the winner's supporters pay, the exact fractions decide, so the outcome is that of exact arithmetic.
    /// </remarks>
    private static (List<int> Winners, double SameBelow) FixedBudget(int voters, IReadOnlyList<TallyOption> options, List<int>[] approvers, long[] score, long budget)
    {
        var run = new EqualSharesRun(voters, options, approvers, budget);
        var winners = new List<int>();
        if (voters == 0)
        {
            return (winners, run.Certificate.Below);
        }

        // Effective vote counts only fall as voters spend, so the previous value bounds the next one; likewise the
        // last price found for an option is a lower bound of its later prices.
        var bound = Enumerable.Range(0, options.Count)
            .Where(o => Cost(options, o) > 0 && approvers[o].Count > 0)
            .ToDictionary(o => o, o => (double)approvers[o].Count);
        var lowestPrice = bound.Keys.ToDictionary(o => o, o => Line.Share(Cost(options, o), approvers[o].Count));
        var near = new List<(int Option, double Count)>();
        while (true)
        {
            var top = 0.0;
            near.Clear();
            foreach (var o in bound.Keys.OrderByDescending(o => bound[o]).ToList())
            {
                if (bound[o] < top * (1 - Tolerance))
                {
                    break;
                }

                if (run.Price(o) is not { } price)
                {
                    // Unaffordable now stays unaffordable in later rounds (money only falls); not so for larger budgets.
                    run.Certificate.Require(Line.Constant(Cost(options, o)) - run.Behind(o));
                    bound.Remove(o);
                    continue;
                }

                lowestPrice[o] = price.Line;
                var count = Cost(options, o) / price.Approximate;
                bound[o] = count;
                top = Math.Max(top, count);
                near.Add((o, count));
            }

            if (near.Count == 0)
            {
                return (winners, run.Certificate.Below);
            }

            var best = -1;
            var bestCount = Fraction.Zero;
            foreach (var (o, _) in near.Where(n => n.Count >= top * (1 - Tolerance)))
            {
                var effectiveCount = (Fraction)Cost(options, o) / run.ExactPrice(o);
                if (best < 0 || effectiveCount > bestCount || (effectiveCount == bestCount && Before(o, best, options, score)))
                {
                    best = o;
                    bestCount = effectiveCount;
                }
            }

            winners.Add(best);
            bound.Remove(best);
            var priceLine = lowestPrice[best];
            foreach (var o in bound.Keys)
            {
                // No other option may become the better buy: its lowest possible price against the winner's price.
                run.Certificate.Require(lowestPrice[o] * Cost(options, best) - priceLine * Cost(options, o),
                    exactTie: lowestPrice[o].Shares is { } shares && priceLine.Shares == shares && Before(best, o, options, score));
            }

            run.Pay(best, (Fraction)Cost(options, best) / bestCount, priceLine);
        }
    }

    private static bool Before(int a, int b, IReadOnlyList<TallyOption> options, long[] score) =>
        score[a] != score[b] ? score[a] > score[b]
        : Cost(options, a) != Cost(options, b) ? Cost(options, a) < Cost(options, b)
        : options[a].Id < options[b].Id;
}
