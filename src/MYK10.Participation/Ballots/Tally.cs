namespace MYK10.Participation.Ballots;

/// <summary>
/// The published counting rules: per-option totals for every method, Borda count and the pairwise Condorcet
/// winner for rankings, and the allocation of a budget by greedy or by the Method of Equal Shares.
/// Pure and deterministic: the same ballots give the same result on every machine.
/// </summary>
public static class Tally
{
    public static TallyResult Compute(TallyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options;
        var index = new Dictionary<long, int>(options.Count);
        for (var i = 0; i < options.Count; i++)
        {
            if (!index.TryAdd(options[i].Id, i))
            {
                throw new ArgumentException($"Option {options[i].Id} appears twice.", nameof(request));
            }
        }

        var score = new long[options.Count];
        var supporters = new long[options.Count];
        var yes = new long[options.Count];
        var no = new long[options.Count];
        var abstain = new long[options.Count];
        var approvers = Enumerable.Range(0, options.Count).Select(_ => new List<int>()).ToArray();
        var maxRanks = request.MaxRanks ?? (request.Method == VoteMethod.Ranking && request.Ballots.Count > 0
            ? request.Ballots.Max(b => b.Choices.Count == 0 ? 0 : b.Choices.Max(c => c.Value))
            : 0);

        for (var b = 0; b < request.Ballots.Count; b++)
        {
            foreach (var choice in request.Ballots[b].Choices)
            {
                if (!index.TryGetValue(choice.OptionId, out var o))
                {
                    throw new ArgumentException($"Ballot {b + 1} names option {choice.OptionId}, which is not part of the vote.", nameof(request));
                }

                switch (request.Method)
                {
                    case VoteMethod.Approval or VoteMethod.Budget:
                        score[o]++;
                        supporters[o]++;
                        approvers[o].Add(b);
                        break;
                    case VoteMethod.Points:
                        score[o] += choice.Value;
                        if (choice.Value > 0)
                        {
                            supporters[o]++;
                        }

                        break;
                    case VoteMethod.Ranking:
                        // Truncated Borda: place r of at most k earns k - r + 1 points; unranked options earn none.
                        score[o] += Math.Max(0, maxRanks - choice.Value + 1);
                        supporters[o]++;
                        break;
                    case VoteMethod.YesNoAbstain:
                        if (choice.Value > 0)
                        {
                            yes[o]++;
                            supporters[o]++;
                        }
                        else if (choice.Value < 0)
                        {
                            no[o]++;
                        }
                        else
                        {
                            abstain[o]++;
                        }

                        score[o] = yes[o] - no[o];
                        break;
                }
            }
        }

        var order = ByVotes(options, score);
        var selected = new List<int>();
        int? byEqualShares = null;
        var budget = request.Budget;
        if (budget is { } total && request.Rule is { } rule)
        {
            if (rule == AllocationRule.EqualShares)
            {
                if (request.Method is not (VoteMethod.Approval or VoteMethod.Budget))
                {
                    throw new ArgumentException("Equal Shares counts approval and budget ballots only.", nameof(request));
                }

                selected.AddRange(EqualSharesWithAdd1(request.Ballots.Count, options, approvers, score, total));
                byEqualShares = selected.Count;
            }

            GreedyComplete(selected, order, options, score, total);
        }
        else if (request.Method == VoteMethod.YesNoAbstain)
        {
            selected.AddRange(order.Where(o => yes[o] > no[o]));
        }
        else if (order.Count > 0 && score[order[0]] > 0)
        {
            selected.Add(order[0]);
        }

        var selectedOrder = new int?[options.Count];
        for (var i = 0; i < selected.Count; i++)
        {
            selectedOrder[selected[i]] = i + 1;
        }

        var results = order.Select((o, position) => new OptionResult(
                options[o].Id, options[o].Cost, score[o], supporters[o], yes[o], no[o], abstain[o], position + 1, selectedOrder[o]))
            .ToList();
        long? spent = budget is null ? null : selected.Sum(o => options[o].Cost ?? 0);
        long? condorcet = request.Method == VoteMethod.Ranking ? CondorcetWinner(options, request.Ballots, index) : null;
        return new TallyResult(request.Method, budget is null ? null : request.Rule, request.Ballots.Count, budget, spent,
            results, selected.Select(o => options[o].Id).ToList(), byEqualShares, condorcet);
    }

    /// <summary>The published tie rule: more votes, then lower cost, then lower option id.</summary>
    private static List<int> ByVotes(IReadOnlyList<TallyOption> options, long[] score) =>
        Enumerable.Range(0, options.Count)
            .OrderByDescending(o => score[o])
            .ThenBy(o => options[o].Cost ?? 0)
            .ThenBy(o => options[o].Id)
            .ToList();

    /// <summary>
    /// Greedy by votes, as in Pabulib's <c>rule;greedy</c>: each option with at least one vote, highest first, is
    /// chosen when it still fits the remaining budget; one that does not fit is skipped and the next is tried.
    /// </summary>
    private static void GreedyComplete(List<int> selected, List<int> order, IReadOnlyList<TallyOption> options, long[] score, long budget)
    {
        var chosen = selected.ToHashSet();
        var spent = selected.Sum(o => options[o].Cost ?? 0);
        foreach (var o in order)
        {
            var cost = options[o].Cost ?? 0;
            if (score[o] > 0 && !chosen.Contains(o) && spent + cost <= budget)
            {
                selected.Add(o);
                chosen.Add(o);
                spent += cost;
            }
        }
    }

    /// <summary>
    /// Method of Equal Shares with cost utilities and Add1 completion, as equalshares.net computes it: run with the
    /// real budget; while some supported option would still fit, rerun with each voter's share raised by one euro
    /// (starting from the whole-euro share) and keep the outcome as long as it stays within the real budget.
    /// </summary>
    private static List<int> EqualSharesWithAdd1(int voters, IReadOnlyList<TallyOption> options, List<int>[] approvers, long[] score, long budget)
    {
        var outcome = EqualSharesFixedBudget(voters, options, approvers, score, budget);
        if (voters == 0)
        {
            return outcome;
        }

        var candidates = Enumerable.Range(0, options.Count).Where(o => approvers[o].Count > 0 && (options[o].Cost ?? 0) > 0).ToList();
        var virtualBudget = budget / voters * voters;
        var spent = Spent(outcome, options);
        while (candidates.Any(o => !outcome.Contains(o) && spent + (options[o].Cost ?? 0) <= budget))
        {
            virtualBudget += voters;
            var next = EqualSharesFixedBudget(voters, options, approvers, score, virtualBudget);
            var nextSpent = Spent(next, options);
            if (nextSpent > budget)
            {
                break;
            }

            outcome = next;
            spent = nextSpent;
        }

        return outcome;
    }

    private static long Spent(List<int> outcome, IReadOnlyList<TallyOption> options) => outcome.Sum(o => options[o].Cost ?? 0);

    /// <summary>
    /// One run of Equal Shares: every voter holds budget/n; each round the option whose supporters can pay for it at
    /// the lowest price per unit of utility (with cost utilities: the highest "effective vote count" cost ÷ largest
    /// single payment) is chosen and its supporters pay equally, those with too little paying all they have.
    /// </summary>
    /// <remarks>
    /// Voters who have paid for the same options hold the same amount, so money is kept per class of voters rather
    /// than per voter: a round costs integer counting over the supporters plus exact arithmetic over a few classes.
    /// </remarks>
    private static List<int> EqualSharesFixedBudget(int voters, IReadOnlyList<TallyOption> options, List<int>[] approvers, long[] score, long budget)
    {
        var winners = new List<int>();
        if (voters == 0)
        {
            return winners;
        }

        var classMoney = new List<Fraction> { new(budget, voters) };
        var approximate = new List<double> { (double)budget / voters };

        // Sorting by the double first and deciding only near-ties exactly keeps the order exact and the sort cheap.
        int ByMoney(int a, int b)
        {
            var x = approximate[a];
            var y = approximate[b];
            return Math.Abs(x - y) > 1e-9 * Math.Max(Math.Abs(x), Math.Abs(y)) ? x.CompareTo(y) : classMoney[a].CompareTo(classMoney[b]);
        }

        var voterClass = new int[voters];
        var counts = new Dictionary<int, int>();

        // Effective vote counts only fall as voters spend, so the previous value bounds the next one.
        var remaining = Enumerable.Range(0, options.Count)
            .Where(o => (options[o].Cost ?? 0) > 0 && approvers[o].Count > 0)
            .ToDictionary(o => o, o => (Fraction)approvers[o].Count);
        while (true)
        {
            var best = -1;
            var bestCount = Fraction.Zero;
            foreach (var o in remaining.Keys.OrderByDescending(o => remaining[o]).ThenBy(o => o).ToList())
            {
                if (best >= 0 && remaining[o] < bestCount)
                {
                    break;
                }

                counts.Clear();
                foreach (var voter in approvers[o])
                {
                    counts[voterClass[voter]] = counts.GetValueOrDefault(voterClass[voter]) + 1;
                }

                var cost = (Fraction)(options[o].Cost ?? 0);
                var behind = Fraction.Zero;
                foreach (var (c, count) in counts)
                {
                    behind += classMoney[c] * count;
                }

                if (behind < cost)
                {
                    remaining.Remove(o);
                    continue;
                }

                var paid = Fraction.Zero;
                long payers = approvers[o].Count;
                var ascending = counts.Keys.ToList();
                ascending.Sort(ByMoney);
                foreach (var c in ascending)
                {
                    var count = counts[c];
                    var share = (cost - paid) / payers;
                    if (share > classMoney[c])
                    {
                        paid += classMoney[c] * count;
                        payers -= count;
                        continue;
                    }

                    var effectiveCount = cost / share;
                    remaining[o] = effectiveCount;
                    if (best < 0 || effectiveCount > bestCount || (effectiveCount == bestCount && Before(o, best, options, score)))
                    {
                        best = o;
                        bestCount = effectiveCount;
                    }

                    break;
                }
            }

            if (best < 0)
            {
                return winners;
            }

            winners.Add(best);
            remaining.Remove(best);
            var payment = (Fraction)(options[best].Cost ?? 0) / bestCount;
            var after = new Dictionary<int, int>();
            foreach (var voter in approvers[best])
            {
                var before = voterClass[voter];
                if (!after.TryGetValue(before, out var next))
                {
                    next = classMoney.Count;
                    var left = classMoney[before] > payment ? classMoney[before] - payment : Fraction.Zero;
                    classMoney.Add(left);
                    approximate.Add((double)left.Numerator / (double)left.Denominator);
                    after[before] = next;
                }

                voterClass[voter] = next;
            }
        }
    }

    private static bool Before(int a, int b, IReadOnlyList<TallyOption> options, long[] score) =>
        score[a] != score[b] ? score[a] > score[b]
        : (options[a].Cost ?? 0) != (options[b].Cost ?? 0) ? (options[a].Cost ?? 0) < (options[b].Cost ?? 0)
        : options[a].Id < options[b].Id;

    /// <summary>
    /// The option that more voters rank above each other option than the other way round, if one exists.
    /// A ranked option counts as preferred to an unranked one; two unranked options are no preference.
    /// </summary>
    private static long? CondorcetWinner(IReadOnlyList<TallyOption> options, IReadOnlyList<TallyBallot> ballots, Dictionary<long, int> index)
    {
        if (ballots.Count == 0 || options.Count == 0)
        {
            return null;
        }

        var n = options.Count;
        var prefer = new long[n, n];
        foreach (var ballot in ballots)
        {
            var place = new int[n];
            Array.Fill(place, int.MaxValue);
            foreach (var choice in ballot.Choices)
            {
                place[index[choice.OptionId]] = choice.Value;
            }

            for (var a = 0; a < n; a++)
            {
                for (var b = 0; b < n; b++)
                {
                    if (place[a] < place[b])
                    {
                        prefer[a, b]++;
                    }
                }
            }
        }

        for (var a = 0; a < n; a++)
        {
            var beatsAll = true;
            for (var b = 0; b < n && beatsAll; b++)
            {
                beatsAll = a == b || prefer[a, b] > prefer[b, a];
            }

            if (beatsAll)
            {
                return options[a].Id;
            }
        }

        return null;
    }
}
