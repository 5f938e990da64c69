namespace MYK10.Participation.Comments;

/// <summary>
/// One of the places where participants comment: ideas and measures. Comments of both have the same states
/// (<see cref="CommentStates"/>), are reported and moderated the same way; the thread names the tables and columns.
/// </summary>
public sealed class CommentThread
{
    /// <summary>Comments on ideas; a published idea counts its visible comments in <c>ideas.comments</c>.</summary>
    public static readonly CommentThread Idea = new(
        "idea_comments", "idea_id", "comment_id", "comment",
        "UPDATE ideas SET comments = comments + @Delta WHERE id = (SELECT idea_id FROM idea_comments WHERE id = @CommentId)");

    /// <summary>Comments on measures of the strategy (no counter).</summary>
    public static readonly CommentThread Measure = new("measure_comments", "measure_id", "measure_comment_id", "measure_comment", null);

    private CommentThread(string table, string parentColumn, string reportColumn, string auditTargetType, string? countChange)
    {
        Table = table;
        ParentColumn = parentColumn;
        ReportColumn = reportColumn;
        AuditTargetType = auditTargetType;
        CountChange = countChange;
    }

    /// <summary>The comments' table.</summary>
    internal string Table { get; }

    /// <summary>The column of <see cref="Table"/> naming what is commented on.</summary>
    internal string ParentColumn { get; }

    /// <summary>The column of <c>reports</c> naming a comment of this thread.</summary>
    internal string ReportColumn { get; }

    /// <summary>The comment's <c>target_type</c> in the audit log.</summary>
    internal string AuditTargetType { get; }

    /// <summary>Moves the parent's counter of visible comments by <c>@Delta</c> for <c>@CommentId</c>; null: no counter.</summary>
    internal string? CountChange { get; }
}

/// <summary>The states of a comment (column <c>state</c> of both comment tables) and who hid it (<c>hidden_by</c>).</summary>
public static class CommentStates
{
    public const string Visible = "visible";
    public const string Hidden = "hidden";
    public const string Deleted = "deleted";

    /// <summary>Hidden because three participants reported it, until a moderator decides.</summary>
    public const string HiddenByReports = "reports";

    /// <summary>Hidden by a moderator's decision.</summary>
    public const string HiddenByModeration = "moderation";
}

/// <summary>What a report is about: an idea, a comment on an idea, or a comment on a measure.</summary>
public sealed record ReportTarget
{
    private ReportTarget(long? ideaId, CommentThread? thread, long? commentId)
    {
        IdeaId = ideaId;
        Thread = thread;
        CommentId = commentId;
    }

    /// <summary>The idea reported, or whose comment is reported; null for a comment on a measure.</summary>
    public long? IdeaId { get; }

    /// <summary>The thread of the reported comment; null when the idea itself is reported.</summary>
    public CommentThread? Thread { get; }

    public long? CommentId { get; }

    public static ReportTarget Idea(long ideaId) => new(ideaId, null, null);

    public static ReportTarget IdeaComment(long ideaId, long commentId) => new(ideaId, CommentThread.Idea, commentId);

    public static ReportTarget MeasureComment(long commentId) => new(null, CommentThread.Measure, commentId);

    /// <summary>The target named by a form's fields, or null when they name none or more than one.</summary>
    public static ReportTarget? From(long? ideaId, long? ideaCommentId, long? measureCommentId) => (ideaId, ideaCommentId, measureCommentId) switch
    {
        ({ } idea, null, null) => Idea(idea),
        ({ } idea, { } comment, null) => IdeaComment(idea, comment),
        (null, null, { } comment) => MeasureComment(comment),
        _ => null,
    };

    /// <summary>The report columns naming this target, as parameters: <c>@IdeaId</c>, <c>@IdeaCommentId</c>, <c>@MeasureCommentId</c>.</summary>
    internal object Columns => new
    {
        IdeaId,
        IdeaCommentId = Thread == CommentThread.Idea ? CommentId : null,
        MeasureCommentId = Thread == CommentThread.Measure ? CommentId : null,
    };

    /// <summary>The reports on exactly this target (with <see cref="Columns"/>).</summary>
    internal const string ReportsWhere = """
        coalesce(idea_id, 0) = coalesce(@IdeaId, 0) AND coalesce(comment_id, 0) = coalesce(@IdeaCommentId, 0)
        AND coalesce(measure_comment_id, 0) = coalesce(@MeasureCommentId, 0)
        """;
}
