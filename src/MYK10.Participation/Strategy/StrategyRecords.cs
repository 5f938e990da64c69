namespace MYK10.Participation.Strategy;

public static class MeasureStatuses
{
    public const string Draft = "draft";
    public const string Discussion = "discussion";
    public const string Discarded = "discarded";

    public static readonly IReadOnlyList<string> All = [Draft, Discussion, "decided", "implementing", "implemented", Discarded];
}

public sealed record Goal(long Id, string FieldId, string Title, string Description, long Position);

public sealed record Measure(
    long Id,
    long GoalId,
    string FieldId,
    string Title,
    string Description,
    string? LeadOrganisation,
    long? CostEuros,
    string? TimeFrame,
    string Status,
    long Position,
    DateTimeOffset UpdatedAt);

public sealed record StatusChange(string Status, DateTimeOffset ChangedAt, string? Note);

public sealed record LinkedIdea(long Id, string Title, long Supporters, string State);

/// <summary>A comment in a measure's discussion; the text only while it is visible (<see cref="Comments.CommentStates"/>).</summary>
public sealed record MeasureComment(long Id, long AuthorId, string? AuthorDisplayName, DateTimeOffset? AuthorDeletedAt, string? Body, string State, string? HiddenBy, DateTimeOffset CreatedAt)
{
    public bool IsVisible => State == Comments.CommentStates.Visible;
}

/// <summary>A published vote in which the measure is an option; the figures only once the result may be shown.</summary>
public sealed record MeasureVote(long VoteId, string Title, DateTimeOffset ClosesAt, bool ResultVisible, long? Rank, bool Selected, long? Votes, long? Ballots);

/// <summary>Everything a measure's page shows.</summary>
public sealed record MeasureDetail(
    Measure Measure,
    Goal Goal,
    string FieldName,
    IReadOnlyList<string> MunicipalityNames,
    IReadOnlyList<StatusChange> History,
    IReadOnlyList<LinkedIdea> Ideas,
    long DistinctSupporters,
    IReadOnlyList<MeasureComment> Comments,
    IReadOnlyList<MeasureVote> Votes);

/// <summary>Goals with their measures, per field of action, in their order.</summary>
public sealed record StrategyField(string FieldId, string FieldName, IReadOnlyList<(Goal Goal, IReadOnlyList<Measure> Measures)> Goals)
{
    public int MeasureCount => Goals.Sum(g => g.Measures.Count);
}

public sealed record Phase(long Id, string Name, string Description, string CitizensCan, DateOnly StartsOn, DateOnly EndsOn)
{
    public bool IsCurrent(DateOnly today) => StartsOn <= today && today <= EndsOn;
}

public sealed record StrategyRevision(long Revision, DateTimeOffset ChangedAt);

public sealed record GoalInput(string? FieldId, string? Title, string? Description, long Position);

public sealed record MeasureInput(
    long? GoalId,
    string? Title,
    string? Description,
    string? LeadOrganisation,
    long? CostEuros,
    string? TimeFrame,
    string? Status,
    IReadOnlyList<string> MunicipalityIds,
    long Position,
    string? StatusNote);

public sealed record PhaseInput(string? Name, string? Description, string? CitizensCan, DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary>A field-keyed list of German-independent error codes ("Title.Required", …) for the page to word.</summary>
public sealed record SaveResult(long? Id, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0 && Id is not null;

    public static SaveResult Invalid(Dictionary<string, string> errors) => new(null, errors);
}

/// <summary>A participant's own comment on a measure, for the account page: where it is and when it was written.</summary>
public sealed record OwnMeasureComment(long Id, long MeasureId, string MeasureTitle, DateTimeOffset CreatedAt);
