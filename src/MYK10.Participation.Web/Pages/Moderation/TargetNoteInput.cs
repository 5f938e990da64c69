using System.Globalization;
using MYK10.Participation.Comments;

namespace MYK10.Participation.Web.Pages.Moderation;

/// <summary>
/// A moderator's form about one of several ideas or comments listed on a page, with a note for the log: the fields
/// _ReportTargetFields writes, and the note.
/// </summary>
public class TargetNoteInput
{
    public long? IdeaId { get; set; }

    public long? CommentId { get; set; }

    public long? MeasureCommentId { get; set; }

    public string? Note { get; set; }

    public ReportTarget? Target => ReportTarget.From(IdeaId, CommentId, MeasureCommentId);

    /// <summary>Each listed item has its own note field, so an error lands beside the right one.</summary>
    public static string NoteField(ReportTarget target) => string.Create(CultureInfo.InvariantCulture,
        $"note-{target.IdeaId ?? 0}-{(target.Thread == CommentThread.Measure ? "m" : "")}{target.CommentId ?? 0}");
}

/// <summary>What the note field partial shows: the field's id (its model-state key too), its label and an optional hint.</summary>
public sealed record NoteFieldView(string Id, string Label, string? Hint = null);
