namespace MYK10.Participation.Ballots;

/// <summary>An option as the tally sees it: its id and its cost in whole euros (null when the vote has no budget).</summary>
public sealed record TallyOption(long Id, long? Cost);

/// <summary>
/// One mark on a ballot. Value: approval and budget 1; points the points given; ranking the position
/// (1 = first); yes/no/abstain 1, -1 or 0.
/// </summary>
public sealed record BallotChoice(long OptionId, int Value);

public sealed record TallyBallot(IReadOnlyList<BallotChoice> Choices)
{
    public static TallyBallot Of(params BallotChoice[] choices) => new(choices);

    public static TallyBallot Approving(params long[] optionIds) => new(optionIds.Select(id => new BallotChoice(id, 1)).ToList());

    public static TallyBallot Ranking(params long[] optionIdsInOrder) =>
        new(optionIdsInOrder.Select((id, index) => new BallotChoice(id, index + 1)).ToList());
}

/// <param name="MaxRanks">k of a ranking vote: the first place gets k Borda points; null = the longest ballot.</param>
public sealed record TallyRequest(
    VoteMethod Method,
    IReadOnlyList<TallyOption> Options,
    IReadOnlyList<TallyBallot> Ballots,
    long? Budget = null,
    AllocationRule? Rule = null,
    int? MaxRanks = null);

/// <param name="Score">
/// What the options are ordered by: approvals (approval, budget), points (points), Borda points (ranking),
/// yes minus no (yes/no/abstain).
/// </param>
/// <param name="Supporters">Ballots that chose, gave points to, ranked or said yes to the option.</param>
/// <param name="Rank">Position in the order by score, ties broken by lower cost, then lower id.</param>
/// <param name="SelectedOrder">1, 2, … in the order the rule chose the option; null when not chosen.</param>
public sealed record OptionResult(long OptionId, long? Cost, long Score, long Supporters, long Yes, long No, long Abstain, int Rank, int? SelectedOrder)
{
    public bool Selected => SelectedOrder is not null;
}

/// <param name="Selected">The chosen options in the order they were chosen.</param>
/// <param name="SelectedByEqualShares">For Equal Shares: how many of <paramref name="Selected"/> came from the method itself (with Add1); the rest from greedy completion.</param>
/// <param name="CondorcetWinner">Ranking votes: the option that beats every other in pairwise comparison, when one exists.</param>
public sealed record TallyResult(
    VoteMethod Method,
    AllocationRule? Rule,
    long BallotCount,
    long? Budget,
    long? Spent,
    IReadOnlyList<OptionResult> Options,
    IReadOnlyList<long> Selected,
    int? SelectedByEqualShares,
    long? CondorcetWinner)
{
    public OptionResult Option(long id) => Options.Single(o => o.OptionId == id);
}
