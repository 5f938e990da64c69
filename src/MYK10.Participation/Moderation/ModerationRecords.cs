using MYK10.Participation.Comments;

namespace MYK10.Participation.Moderation;

/// <summary>The staff member acting, as written to the audit log.</summary>
public sealed record StaffActor(long Id, string Email);

public sealed record QueueItem(
    long Id,
    string Title,
    string Body,
    string FieldId,
    string FieldName,
    string MunicipalityName,
    string? AuthorDisplayName,
    DateTimeOffset CreatedAt);

public sealed record QueueSummary(long Pending, DateTimeOffset? OldestPendingAt, long OpenReports);

/// <summary>An idea as the review page shows it, with what a moderator needs to decide.</summary>
public sealed record ReviewIdea(
    long Id,
    long AuthorId,
    string Title,
    string Body,
    string? Place,
    string FieldId,
    string FieldName,
    string MunicipalityId,
    string MunicipalityName,
    string? AuthorDisplayName,
    string State,
    string? AnswerStatus,
    string? OfficialAnswer,
    string? OriginalTitle,
    string? OriginalBody,
    long EditedByModeration,
    string? RejectionReason,
    string? RejectionNote,
    long? MergedIntoId,
    long Supporters,
    long Version,
    string? DecidedByEmail,
    DateTimeOffset? DecidedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? AuthorEditedAt)
{
    public bool WasEdited => EditedByModeration != 0;
}

/// <summary>All open reports on one idea or comment; <paramref name="Title"/> is the idea's or, for a comment on a measure, the measure's.</summary>
public sealed record ReportedItem(
    ReportTarget Target,
    long? MeasureId,
    string Title,
    string Text,
    string ItemState,
    long OpenReports,
    string Reasons,
    string Reporters,
    DateTimeOffset FirstReportedAt,
    IReadOnlyList<string> Details);

/// <summary>
/// A comment that is hidden, on an idea or on a measure (<paramref name="MeasureId"/>); <paramref name="Title"/> is its idea's
/// or measure's, <paramref name="HiddenBy"/> says whether a moderator or reports hid it (<see cref="CommentStates"/>).
/// </summary>
public sealed record HiddenComment(
    ReportTarget Target,
    long? MeasureId,
    string Title,
    string Body,
    string HiddenBy,
    string? AuthorDisplayName,
    DateTimeOffset? AuthorDeletedAt,
    DateTimeOffset CreatedAt)
{
    public bool AuthorDeleted => AuthorDeletedAt is not null;
}

public sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    string StaffEmail,
    string Action,
    string TargetType,
    long TargetId,
    long? IdeaId,
    long? MeasureId,
    string? BeforeJson,
    string? AfterJson,
    string? Note)
{
    public IReadOnlyList<AuditValue> Before => AuditValues.Parse(BeforeJson);

    public IReadOnlyList<AuditValue> After => AuditValues.Parse(AfterJson);
}

public sealed record AuditQuery(string? Action = null, string? StaffEmail = null, long? IdeaId = null, int Page = 1, int PageSize = 50);

public enum ModerationOutcome
{
    Done,
    Conflict,
    NotFound,
    Invalid,

    /// <summary>Nothing was changed because what was asked for already holds (a double click, or another moderator did the same).</summary>
    AlreadyDone,
}

/// <summary>What an action gave; on conflict or when it was already done, who handled the idea last.</summary>
public sealed record ModerationResult(ModerationOutcome Outcome, string? HandledBy = null, string? Error = null)
{
    public static readonly ModerationResult Done = new(ModerationOutcome.Done);
    public static readonly ModerationResult NotFound = new(ModerationOutcome.NotFound);

    public static ModerationResult Invalid(string error) => new(ModerationOutcome.Invalid, Error: error);
}

public static class RejectionReasons
{
    public static readonly IReadOnlyList<string> All = ["duplicate", "off_topic", "insult", "personal_data", "not_municipal", "advertising", "unlawful"];
}

public static class AnswerStatuses
{
    public static readonly IReadOnlyList<string> All = ["in_review", "adopted", "implemented", "not_feasible"];
}
