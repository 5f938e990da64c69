namespace MYK10.Participation.Ideas;

/// <summary>An idea in a list.</summary>
public sealed record IdeaSummary(
    long Id,
    string Title,
    string Body,
    string FieldId,
    string FieldName,
    string MunicipalityId,
    string MunicipalityName,
    string? AuthorDisplayName,
    DateTimeOffset? AuthorDeletedAt,
    string State,
    string? AnswerStatus,
    long Supporters,
    long Comments,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt)
{
    public const int ExcerptLength = 240;

    public bool AuthorDeleted => AuthorDeletedAt is not null;

    /// <summary>The start of the text, cut after a whole word.</summary>
    public string Excerpt => Text.TextExcerpt.Of(Body, ExcerptLength) ?? string.Empty;
}

/// <summary>An idea with everything its page shows.</summary>
public sealed record IdeaDetail(
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
    DateTimeOffset? AuthorDeletedAt,
    string State,
    string? AnswerStatus,
    string? OfficialAnswer,
    DateTimeOffset? AnsweredAt,
    long? MergedIntoId,
    long Supporters,
    long Comments,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    long EditedByModeration,
    string? RejectionReason,
    string? RejectionNote)
{
    public bool IsPublished => State == IdeaStates.Published;

    public bool WasEditedByModeration => EditedByModeration != 0;

    public bool AuthorDeleted => AuthorDeletedAt is not null;
}

/// <summary>An idea as its author's edit form needs it: the fields of the form, its state, and the version it was loaded at.</summary>
public sealed record OwnIdea(
    long Id,
    string Title,
    string Body,
    string FieldId,
    string MunicipalityId,
    string? Place,
    string State,
    long Version)
{
    public bool IsPending => State == IdeaStates.Pending;
}

public sealed record IdeaComment(
    long Id,
    long IdeaId,
    long AuthorId,
    string? AuthorDisplayName,
    DateTimeOffset? AuthorDeletedAt,
    string Body,
    string State,
    string? HiddenBy,
    DateTimeOffset CreatedAt)
{
    public bool IsVisible => State == "visible";

    public bool AuthorDeleted => AuthorDeletedAt is not null;
}

/// <summary>A comment in its author's account overview.</summary>
public sealed record OwnComment(long Id, long IdeaId, string IdeaTitle, string Body, string State, DateTimeOffset CreatedAt);

/// <summary>Filters, search and order of the public list; every combination has its own URL.</summary>
public sealed record IdeaQuery(
    string? MunicipalityId = null,
    string? FieldId = null,
    string? Status = null,
    string? Search = null,
    IdeaSort Sort = IdeaSort.Newest,
    int Page = 1,
    int PageSize = 20)
{
    /// <summary>
    /// Whether the list is filtered by answer status, and by which (null: not answered yet). An empty or unknown
    /// <see cref="Status"/> filters nothing.
    /// </summary>
    public bool FiltersByAnswer(out string? answerStatus)
    {
        answerStatus = null;
        return Status is not null && PublicStatus.ByUrlValue.TryGetValue(Status, out answerStatus);
    }
}

public enum IdeaSort
{
    Newest,
    MostSupported,
}

public sealed record IdeaPage(IReadOnlyList<IdeaSummary> Items, long Total, int Page, int PageSize)
{
    public int PageCount => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Headline figures for the start page.</summary>
/// <summary>A published idea's id and the times its page changed in substance: its publication and its official answer.</summary>
public sealed record PublishedIdeaDates(long Id, DateTimeOffset? PublishedAt, DateTimeOffset? AnsweredAt)
{
    public DateTimeOffset? LastChanged => AnsweredAt > PublishedAt ? AnsweredAt : PublishedAt ?? AnsweredAt;
}

public sealed record IdeaFigures(long PublishedIdeas, long Supports, long Comments, long Participants);
