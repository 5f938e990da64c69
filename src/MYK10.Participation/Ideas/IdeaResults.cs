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

/// <summary>What became of an author's change to their idea while it waits for moderation: an edit or a withdrawal.</summary>
public enum PendingChangeOutcome
{
    Done,

    /// <summary>The edit form has errors; nothing was stored.</summary>
    Invalid,

    /// <summary>A moderator has decided on the idea meanwhile: it is no longer the author's to change, and nothing was.</summary>
    Decided,

    /// <summary>Still pending, but changed since the author opened the form (by the moderation, or in another window); nothing was changed.</summary>
    Changed,

    /// <summary>No such idea, or not this participant's.</summary>
    NotFound,
}

public sealed record PendingEditResult(PendingChangeOutcome Outcome, IReadOnlyDictionary<IdeaField, IdeaError> Errors)
{
    public static PendingEditResult Of(PendingChangeOutcome outcome) => new(outcome, new Dictionary<IdeaField, IdeaError>());
}
