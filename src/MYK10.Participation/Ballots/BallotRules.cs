namespace MYK10.Participation.Ballots;

/// <summary>The constraints a ballot of a vote must meet, from the vote's settings.</summary>
public sealed record VoteRules(VoteMethod Method, int? MaxChoices, int? TotalPoints, int? MaxPointsPerOption, long? Budget, int? MinBudgetSharePercent)
{
    /// <summary>The least a budget ballot must spend, in whole euros (the share rounded up).</summary>
    public long MinimumSpend => Budget is { } b && MinBudgetSharePercent is { } p ? (b * p + 99) / 100 : 0;
}

/// <summary>Why a ballot is refused; the site shows a German message for each.</summary>
public enum BallotProblem
{
    Empty,
    UnknownOption,
    DuplicateOption,
    InvalidValue,
    TooManyChoices,
    PointsOverTotal,
    PointsOverMaximum,
    RanksNotConsecutive,
    OverBudget,
    BelowMinimumShare,

    /// <summary>The vote is not open (not yet, or closed already, or not published).</summary>
    VoteNotOpen,

    /// <summary>The vote is for one municipality and the participant lives elsewhere (or gave no municipality).</summary>
    NotInAudience,

    /// <summary>The participant's account does not exist or is deleted.</summary>
    UnknownParticipant,
}

/// <summary>Checks a ballot before it is stored; the same checks run in the browser as a convenience only.</summary>
public static class BallotRules
{
    /// <param name="costs">The vote's options and their costs.</param>
    /// <returns>The problems found, each once, in a stable order; empty when the ballot is valid.</returns>
    public static IReadOnlyList<BallotProblem> Check(VoteRules rules, IReadOnlyDictionary<long, long?> costs, IReadOnlyList<BallotChoice> choices)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(costs);
        ArgumentNullException.ThrowIfNull(choices);
        var problems = new SortedSet<BallotProblem>();
        if (choices.Count == 0)
        {
            problems.Add(BallotProblem.Empty);
        }

        if (choices.Any(c => !costs.ContainsKey(c.OptionId)))
        {
            problems.Add(BallotProblem.UnknownOption);
        }

        if (choices.Select(c => c.OptionId).Distinct().Count() != choices.Count)
        {
            problems.Add(BallotProblem.DuplicateOption);
        }

        switch (rules.Method)
        {
            case VoteMethod.YesNoAbstain:
                if (choices.Any(c => c.Value is < -1 or > 1))
                {
                    problems.Add(BallotProblem.InvalidValue);
                }

                break;
            case VoteMethod.Approval:
                if (choices.Any(c => c.Value != 1))
                {
                    problems.Add(BallotProblem.InvalidValue);
                }

                if (rules.MaxChoices is { } k && choices.Count > k)
                {
                    problems.Add(BallotProblem.TooManyChoices);
                }

                break;
            case VoteMethod.Points:
                if (choices.Any(c => c.Value < 1))
                {
                    problems.Add(BallotProblem.InvalidValue);
                }

                if (rules.MaxPointsPerOption is { } m && choices.Any(c => c.Value > m))
                {
                    problems.Add(BallotProblem.PointsOverMaximum);
                }

                if (rules.TotalPoints is { } n && choices.Sum(c => (long)c.Value) > n)
                {
                    problems.Add(BallotProblem.PointsOverTotal);
                }

                break;
            case VoteMethod.Ranking:
                if (rules.MaxChoices is { } maxRanks && choices.Count > maxRanks)
                {
                    problems.Add(BallotProblem.TooManyChoices);
                }

                if (!choices.Select(c => c.Value).Order().SequenceEqual(Enumerable.Range(1, choices.Count)))
                {
                    problems.Add(BallotProblem.RanksNotConsecutive);
                }

                break;
            case VoteMethod.Budget:
                if (choices.Any(c => c.Value != 1))
                {
                    problems.Add(BallotProblem.InvalidValue);
                }

                var spend = choices.Sum(c => costs.TryGetValue(c.OptionId, out var cost) ? cost ?? 0 : 0);
                if (rules.Budget is { } budget && spend > budget)
                {
                    problems.Add(BallotProblem.OverBudget);
                }

                if (choices.Count > 0 && spend < rules.MinimumSpend)
                {
                    problems.Add(BallotProblem.BelowMinimumShare);
                }

                break;
        }

        return problems.ToList();
    }
}
