using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;

namespace MYK10.Participation.Comments;

/// <summary>What participants do with comments of any thread: withdraw their own, report others'.</summary>
public sealed class CommentService(IDbConnectionFactory connections, TimeProvider clock)
{
    /// <summary>The author withdraws a comment; a placeholder keeps the thread readable.</summary>
    /// <param name="parentId">The idea or measure the comment is on: a comment is withdrawn only through its own page, whose cache then goes.</param>
    public async Task<ContributionOutcome> DeleteOwnAsync(CommentThread thread, long participantId, long parentId, long commentId)
    {
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var comment = await CommentRows.FindAsync(connection, transaction, thread, commentId);
        if (comment is null || comment.ParentId != parentId || comment.AuthorId != participantId || comment.State == CommentStates.Deleted)
        {
            return ContributionOutcome.NotAvailable;
        }

        await CommentRows.DeleteAsync(connection, transaction, thread, commentId, comment.State);
        await transaction.CommitAsync();
        return ContributionOutcome.Done;
    }

    /// <summary>Whether the participant has already reported exactly this target (a second report is not stored).</summary>
    public async Task<bool> HasReportedAsync(long reporterId, ReportTarget target)
    {
        const string sql = $"SELECT EXISTS (SELECT 1 FROM reports WHERE reporter_id = @ReporterId AND {ReportTarget.ReportsWhere})";
        var parameters = new DynamicParameters(target.Columns);
        parameters.Add("ReporterId", reporterId);
        await using var connection = await connections.OpenAsync();
        return await connection.ExecuteScalarAsync<bool>(sql, parameters);
    }

    /// <summary>
    /// Reports a published idea or a visible comment; a comment with <see cref="CommentRows.ReportsThatHide"/> open reports of
    /// different participants is hidden until a moderator decides.
    /// </summary>
    public async Task<ContributionOutcome> ReportAsync(long reporterId, ReportTarget target, string reason, string? details)
    {
        const string insert = """
            INSERT INTO reports (idea_id, comment_id, measure_comment_id, reporter_id, reason, details, created_at)
            VALUES (@IdeaId, @IdeaCommentId, @MeasureCommentId, @ReporterId, @Reason, @Details, @Now)
            ON CONFLICT DO NOTHING
            """;
        details = string.IsNullOrWhiteSpace(details) ? null : details.Trim();
        if (!ReportReasons.All.Contains(reason) || details is { Length: > 1000 })
        {
            return ContributionOutcome.Invalid;
        }

        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        if (!await ReportableAsync(connection, transaction, target))
        {
            return ContributionOutcome.NotAvailable;
        }

        var parameters = new DynamicParameters(target.Columns);
        parameters.AddDynamicParams(new { ReporterId = reporterId, Reason = reason, Details = details, Now = clock.GetUtcNow() });
        var inserted = await connection.ExecuteAsync(insert, parameters, transaction) == 1;
        // Reportable means visible: the comment was read in this transaction.
        if (inserted && target.Thread is { } thread)
        {
            await CommentRows.HideWhenReportedAsync(connection, transaction, thread, target.CommentId!.Value);
        }

        await transaction.CommitAsync();
        return inserted ? ContributionOutcome.Done : ContributionOutcome.AlreadyDone;
    }

    /// <summary>
    /// An idea is reportable while published; a comment while visible (a hidden one's text is for moderators only, and
    /// it already waits for them) and, on an idea, while that idea is published.
    /// </summary>
    private static async Task<bool> ReportableAsync(SqliteConnection connection, SqliteTransaction transaction, ReportTarget target)
    {
        if (target.IdeaId is { } ideaId && await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM ideas WHERE id = @Id AND state = 'published'", new { Id = ideaId }, transaction) == 0)
        {
            return false;
        }

        if (target.Thread is not { } thread)
        {
            return true;
        }

        var comment = await CommentRows.FindAsync(connection, transaction, thread, target.CommentId!.Value);
        return comment is { State: CommentStates.Visible } && (target.IdeaId is null || comment.ParentId == target.IdeaId);
    }
}
