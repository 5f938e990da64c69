namespace MYK10.Participation.Ideas;

public sealed record SubmitResult(long? IdeaId, IReadOnlyDictionary<IdeaField, IdeaError> Errors)
{
    public bool Succeeded => IdeaId is not null;
}

/// <summary>The idea form checked before storing: its errors, and the published ideas similar to it.</summary>
public sealed record IdeaCheck(IReadOnlyDictionary<IdeaField, IdeaError> Errors, IReadOnlyList<IdeaSummary> Similar)
{
    public bool IsValid => Errors.Count == 0;
}

public enum SupportOutcome
{
    Supported,
    Withdrawn,
    Unchanged,
    OwnIdea,
    NotAvailable,
}

public sealed record SupportResult(SupportOutcome Outcome, long Supporters);

public enum ContributionOutcome
{
    Done,
    AlreadyDone,
    NotAvailable,
    Invalid,
}

public static class ReportReasons
{
    public static readonly IReadOnlyList<string> All = ["insult", "personal_data", "spam", "off_topic", "other"];
}
