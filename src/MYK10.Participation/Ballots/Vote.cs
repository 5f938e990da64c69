namespace MYK10.Participation.Ballots;

/// <param name="IdeaIds">The ideas the option grew from.</param>
/// <param name="MeasureId">The measure of the strategy the option stands for, if any.</param>
public sealed record VoteOption(long Id, string Title, string Description, long? Cost, int Position, IReadOnlyList<long>? IdeaIds = null, long? MeasureId = null)
{
    public IReadOnlyList<long> Ideas => IdeaIds ?? [];
}

/// <summary>A published idea an option grew from, as the pages link it.</summary>
public sealed record LinkedIdea(long OptionId, long IdeaId, string Title);

/// <summary>A prioritisation vote with its options (in their published order).</summary>
public sealed record Vote(
    long Id,
    string Title,
    string Explanation,
    string AudienceId,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    VoteMethod Method,
    int? MaxChoices,
    int? TotalPoints,
    int? MaxPointsPerOption,
    long? Budget,
    int? MinBudgetSharePercent,
    AllocationRule? Rule,
    ResultVisibility Visibility,
    bool Published,
    bool Imported,
    IReadOnlyList<VoteOption> Options)
{
    public VoteRules Rules => new(Method, MaxChoices, TotalPoints, MaxPointsPerOption, Budget, MinBudgetSharePercent);

    public bool IsOpen(DateTimeOffset now) => Published && OpensAt <= now && now < ClosesAt;

    public bool IsClosed(DateTimeOffset now) => now >= ClosesAt;

    /// <summary>Whether staff may still move the end (<see cref="VoteService.ChangeEndAsync"/>): a published vote of the site that has not ended.</summary>
    public bool EndCanChange(DateTimeOffset now) => Published && !Imported && !IsClosed(now);

    /// <summary>Whether staff may end the vote now (<see cref="VoteService.EndNowAsync"/>): it runs, and is the site's own.</summary>
    public bool CanEndNow(DateTimeOffset now) => !Imported && IsOpen(now);

    /// <summary>Results are public live while open (when chosen so) and always after closing.</summary>
    public bool ResultsVisible(DateTimeOffset now) =>
        Published && (IsClosed(now) || (Visibility == ResultVisibility.Live && OpensAt <= now));

    public IReadOnlyDictionary<long, long?> Costs => Options.ToDictionary(o => o.Id, o => o.Cost);

    /// <summary>Whether the method spends a budget (budget votes, and approval or points votes given a budget).</summary>
    public bool HasBudget => Budget is not null && Rule is not null;
}

/// <param name="IdeaIds">The ideas the option grew from (optional).</param>
/// <param name="MeasureId">The measure of the strategy the option was taken from (optional).</param>
public sealed record OptionDraft(string Title, string Description, long? Cost, IReadOnlyList<long>? IdeaIds = null, long? MeasureId = null)
{
    public IReadOnlyList<long> Ideas => IdeaIds ?? [];
}

/// <summary>What staff (or an import) enter to create or change a vote.</summary>
public sealed record VoteDraft(
    string Title,
    string Explanation,
    string AudienceId,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    VoteMethod Method,
    IReadOnlyList<OptionDraft> Options,
    int? MaxChoices = null,
    int? TotalPoints = null,
    int? MaxPointsPerOption = null,
    long? Budget = null,
    int? MinBudgetSharePercent = null,
    AllocationRule? Rule = null,
    ResultVisibility Visibility = ResultVisibility.AfterClose);

/// <summary>Why the end of a vote cannot be moved to the time given; the admin page shows a German message for each.</summary>
public enum VoteEndProblem
{
    /// <summary>The vote has ended, is not published or was imported.</summary>
    EndCannotChange,
    EndInPast,
    ClosesBeforeOpens,
}

/// <summary>Why a draft cannot be saved; the admin page shows a German message for each.</summary>
public enum VoteDraftProblem
{
    TitleMissing,
    TooFewOptions,
    OptionTitleMissing,
    ClosesBeforeOpens,
    MaxChoicesMissing,
    PointsMissing,
    BudgetMissing,
    CostMissing,
    RuleNotAllowed,
    UnknownAudience,
    TooLong,
    MinimumShareOutOfRange,
    UnknownIdea,
    TooManyOptions,
}

public static class VoteDrafts
{
    /// <summary>The most options a vote can have: a ballot longer than that cannot be read through, and the editor's form stays within the form value limit.</summary>
    public const int MaxOptions = 100;

    public static IReadOnlyList<VoteDraftProblem> Check(VoteDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<VoteDraftProblem>();
        if (string.IsNullOrWhiteSpace(draft.Title))
        {
            problems.Add(VoteDraftProblem.TitleMissing);
        }

        if (draft.Title.Trim().Length > 200 || draft.Explanation.Length > 20000
            || draft.Options.Any(o => o.Title.Trim().Length > 200 || o.Description.Length > 5000))
        {
            problems.Add(VoteDraftProblem.TooLong);
        }

        if (draft.MinBudgetSharePercent is < 0 or > 100)
        {
            problems.Add(VoteDraftProblem.MinimumShareOutOfRange);
        }

        if (draft.Options.Count < 2)
        {
            problems.Add(VoteDraftProblem.TooFewOptions);
        }

        if (draft.Options.Count > MaxOptions)
        {
            problems.Add(VoteDraftProblem.TooManyOptions);
        }

        if (draft.Options.Any(o => string.IsNullOrWhiteSpace(o.Title)))
        {
            problems.Add(VoteDraftProblem.OptionTitleMissing);
        }

        if (draft.ClosesAt <= draft.OpensAt)
        {
            problems.Add(VoteDraftProblem.ClosesBeforeOpens);
        }

        if (draft.Method is VoteMethod.Approval or VoteMethod.Ranking && draft.MaxChoices is null or < 1)
        {
            problems.Add(VoteDraftProblem.MaxChoicesMissing);
        }

        if (draft.Method == VoteMethod.Points && (draft.TotalPoints is null or < 1 || draft.MaxPointsPerOption is null or < 1))
        {
            problems.Add(VoteDraftProblem.PointsMissing);
        }

        var usesBudget = draft.Method == VoteMethod.Budget || draft.Rule is not null;
        if (usesBudget && draft.Budget is null or < 1)
        {
            problems.Add(VoteDraftProblem.BudgetMissing);
        }

        if ((usesBudget && draft.Options.Any(o => o.Cost is null)) || draft.Options.Any(o => o.Cost < 0))
        {
            problems.Add(VoteDraftProblem.CostMissing);
        }

        if ((draft.Rule is not null && draft.Method is VoteMethod.YesNoAbstain or VoteMethod.Ranking)
            || (draft.Rule == AllocationRule.EqualShares && draft.Method == VoteMethod.Points)
            || (draft.Method == VoteMethod.Budget && draft.Rule is null))
        {
            problems.Add(VoteDraftProblem.RuleNotAllowed);
        }

        return problems;
    }
}
