namespace MYK10.Participation.Ideas;

public sealed record SubmitResult(long? IdeaId, IReadOnlyDictionary<IdeaField, IdeaError> Errors)
{
    public bool Succeeded => IdeaId is not null;
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
