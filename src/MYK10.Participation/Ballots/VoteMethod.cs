namespace MYK10.Participation.Ballots;

/// <summary>How a participant fills in the ballot.</summary>
public enum VoteMethod
{
    /// <summary>Yes, no or abstain for each option.</summary>
    YesNoAbstain,

    /// <summary>Choose up to k options.</summary>
    Approval,

    /// <summary>Distribute N points, at most M per option.</summary>
    Points,

    /// <summary>Order up to k options (Borda count).</summary>
    Ranking,

    /// <summary>Choose options whose total cost fits the budget (knapsack).</summary>
    Budget,
}

/// <summary>How a budget is spent on the options, given the ballots.</summary>
public enum AllocationRule
{
    /// <summary>By votes, highest first; an option that no longer fits is skipped.</summary>
    Greedy,

    /// <summary>Method of Equal Shares with cost utilities, Add1 completion, then greedy completion.</summary>
    EqualShares,
}

public enum ResultVisibility
{
    AfterClose,
    Live,
}

/// <summary>The text forms stored in SQL and written to files.</summary>
public static class VoteTexts
{
    public static string ToText(this VoteMethod method) => method switch
    {
        VoteMethod.YesNoAbstain => "yes_no_abstain",
        VoteMethod.Approval => "approval",
        VoteMethod.Points => "points",
        VoteMethod.Ranking => "ranking",
        VoteMethod.Budget => "budget",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    public static VoteMethod ParseMethod(string text) => text switch
    {
        "yes_no_abstain" => VoteMethod.YesNoAbstain,
        "approval" => VoteMethod.Approval,
        "points" => VoteMethod.Points,
        "ranking" => VoteMethod.Ranking,
        "budget" => VoteMethod.Budget,
        _ => throw new FormatException($"Unknown vote method '{text}'."),
    };

    public static string ToText(this AllocationRule rule) => rule switch
    {
        AllocationRule.Greedy => "greedy",
        AllocationRule.EqualShares => "equal_shares",
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    public static AllocationRule? ParseRule(string? text) => text switch
    {
        null => null,
        "greedy" => AllocationRule.Greedy,
        "equal_shares" => AllocationRule.EqualShares,
        _ => throw new FormatException($"Unknown allocation rule '{text}'."),
    };

    /// <summary>Accepts the command line's spellings too: <c>greedy</c>, <c>equal-shares</c>, <c>equal_shares</c>, <c>mes</c>.</summary>
    public static bool TryParseRuleOption(string? text, out AllocationRule rule)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "greedy":
                rule = AllocationRule.Greedy;
                return true;
            case "equal-shares" or "equal_shares" or "equalshares" or "mes":
                rule = AllocationRule.EqualShares;
                return true;
            default:
                rule = default;
                return false;
        }
    }

    public static string ToText(this ResultVisibility visibility) => visibility == ResultVisibility.Live ? "live" : "after_close";

    public static ResultVisibility ParseVisibility(string text) => text == "live" ? ResultVisibility.Live : ResultVisibility.AfterClose;
}
