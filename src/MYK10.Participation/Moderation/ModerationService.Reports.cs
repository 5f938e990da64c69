using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Comments;
using MYK10.Participation.Ideas;

namespace MYK10.Participation.Moderation;

/// <summary>
/// The moderators' decisions about reported ideas and comments and about hidden comments: dismissing reports, hiding,
/// showing a hidden comment again. Each writes its audit entry in the same transaction as the change.
/// </summary>
public sealed partial class ModerationService
{
    /// <summary>Closes the open reports on an idea or comment without action; a comment hidden by reports shows again.</summary>
    public async Task<ModerationResult> DismissReportsAsync(StaffActor actor, ReportTarget target)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var closed = await CloseReportsAsync(connection, transaction, target, "dismissed", now);
        if (closed == 0)
        {
            // Reports that exist but are all closed were handled a moment ago (a double click or another moderator).
            var handled = await connection.ExecuteScalarAsync<long>(
                $"SELECT count(*) FROM reports WHERE {ReportTarget.ReportsWhere}", new DynamicParameters(target.Columns), transaction);
            return handled > 0 ? new ModerationResult(ModerationOutcome.AlreadyDone) : ModerationResult.NotFound;
        }

        CommentRow? comment = null;
        if (target.Thread is { } thread)
        {
            comment = await CommentRows.FindAsync(connection, transaction, thread, target.CommentId!.Value);
            await CommentRows.ShowAgainAsync(connection, transaction, thread, target.CommentId.Value, comment);
        }

        await WriteAuditAsync(connection, transaction, actor, now, "dismiss_reports", target, comment, null, new { reportsClosed = closed });
        await transaction.CommitAsync();
        return ModerationResult.Done;
    }

    /// <summary>Hides an idea or comment with a reason and closes its reports as upheld.</summary>
    public async Task<ModerationResult> HideAsync(StaffActor actor, ReportTarget target, string? note)
    {
        note = ReasonForLog(note);
        if (note is null)
        {
            return ModerationResult.Invalid("note");
        }

        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        if (target.Thread is { } thread)
        {
            var comment = await FindCommentAsync(connection, transaction, thread, target);
            if (comment is null)
            {
                return ModerationResult.NotFound;
            }

            await CommentRows.HideAsync(connection, transaction, thread, target.CommentId!.Value, comment.State, CommentStates.HiddenByModeration);
            await WriteAuditAsync(connection, transaction, actor, now, "hide_comment", target, comment, new { state = comment.State }, new { state = CommentStates.Hidden }, note);
        }
        else
        {
            var state = await connection.ExecuteScalarAsync<string?>("SELECT state FROM ideas WHERE id = @Id", new { Id = target.IdeaId }, transaction);
            if (state is null)
            {
                return ModerationResult.NotFound;
            }

            // Merged, rejected or already hidden: nothing public to hide (a merged idea must keep its state and target).
            if (state != IdeaStates.Published)
            {
                return new ModerationResult(ModerationOutcome.Conflict);
            }

            await connection.ExecuteAsync(
                "UPDATE ideas SET state = 'hidden', decided_by = @StaffId, decided_at = @Now, version = version + 1 WHERE id = @Id",
                new { Id = target.IdeaId, StaffId = actor.Id, Now = now }, transaction);
            await WriteAuditAsync(connection, transaction, actor, now, "hide_idea", target, null, new { state }, new { state = IdeaStates.Hidden }, note);
        }

        await CloseReportsAsync(connection, transaction, target, "upheld", now);
        await transaction.CommitAsync();
        return ModerationResult.Done;
    }

    /// <summary>
    /// Shows a hidden comment on an idea or a measure again, whoever hid it (a hiding by mistake, or its reason gone); the
    /// note says why and goes into the log. A comment that is visible already counts as done: restored, or its reports
    /// dismissed, a moment ago.
    /// </summary>
    public async Task<ModerationResult> RestoreCommentAsync(StaffActor actor, ReportTarget target, string? note)
    {
        note = ReasonForLog(note);
        if (note is null)
        {
            return ModerationResult.Invalid("note");
        }

        if (target.Thread is not { } thread)
        {
            return ModerationResult.NotFound;
        }

        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var comment = await FindCommentAsync(connection, transaction, thread, target);
        if (comment is null)
        {
            return ModerationResult.NotFound;
        }

        if (comment.State != CommentStates.Hidden)
        {
            return new ModerationResult(ModerationOutcome.AlreadyDone);
        }

        await CommentRows.ShowAsync(connection, transaction, thread, target.CommentId!.Value);
        // Showing the comment again decides that its open reports do not hold, as dismissing them does: 'dismissed', not
        // 'upheld'. Reports a moderator's hiding upheld earlier are closed already and keep that decision.
        var closed = await CloseReportsAsync(connection, transaction, target, "dismissed", now);
        await WriteAuditAsync(connection, transaction, actor, now, "restore_comment", target, comment,
            new { state = comment.State, hiddenBy = comment.HiddenBy }, new { state = CommentStates.Visible, reportsClosed = closed }, note);
        await transaction.CommitAsync();
        return ModerationResult.Done;
    }

    /// <summary>The comment a target names, or null when there is none to act on: unknown, withdrawn by its author, or under another idea.</summary>
    private static async Task<CommentRow?> FindCommentAsync(SqliteConnection connection, SqliteTransaction transaction, CommentThread thread, ReportTarget target)
    {
        var comment = await CommentRows.FindAsync(connection, transaction, thread, target.CommentId!.Value);
        return comment is null || comment.State == CommentStates.Deleted || (target.IdeaId is { } ideaId && comment.ParentId != ideaId) ? null : comment;
    }

    private static Task<int> CloseReportsAsync(SqliteConnection connection, SqliteTransaction transaction, ReportTarget target, string state, DateTimeOffset now)
    {
        var parameters = new DynamicParameters(target.Columns);
        parameters.AddDynamicParams(new { State = state, Now = now });
        return connection.ExecuteAsync($"""
            UPDATE reports SET state = @State, decided_at = @Now
            WHERE state = 'open' AND {ReportTarget.ReportsWhere}
            """, parameters, transaction);
    }

    /// <summary>An entry about the target: a comment on a measure belongs to its measure, everything else to its idea.</summary>
    private static Task WriteAuditAsync(SqliteConnection connection, SqliteTransaction transaction, StaffActor actor, DateTimeOffset now,
        string action, ReportTarget target, CommentRow? comment, object? before, object? after, string? note = null) =>
        target.Thread is { } thread
            ? AuditLog.WriteAsync(connection, transaction, actor, now, action, thread.AuditTargetType, target.CommentId!.Value,
                target.IdeaId, before, after, note, thread == CommentThread.Measure ? comment!.ParentId : null)
            : AuditLog.WriteAsync(connection, transaction, actor, now, action, "idea", target.IdeaId!.Value, target.IdeaId, before, after, note);
}
