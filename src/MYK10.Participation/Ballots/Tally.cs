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

                selected.AddRange(EqualShares.WithAdd1(request.Ballots.Count, options, approvers, score, total));
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
