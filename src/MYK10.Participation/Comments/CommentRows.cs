using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Ideas;

namespace MYK10.Participation.Comments;

/// <summary>A comment as the rules about its state need it.</summary>
internal sealed record CommentRow(long ParentId, long AuthorId, string State, string? HiddenBy);

/// <summary>
/// The changes of a comment's state, inside the caller's transaction, the same for every <see cref="CommentThread"/>:
/// the parent's counter of visible comments moves with the state.
/// </summary>
internal static class CommentRows
{
    /// <summary>Open reports that hide a comment until a moderator decides.</summary>
    public const int ReportsThatHide = 3;

    /// <summary>
    /// Stores a visible comment on <paramref name="parentId"/> under the comment form's one-time key (<see cref="OneTimeForm"/>):
    /// the same form sent twice gives the comment it stored the first time, and false for stored.
    /// </summary>
    public static Task<(long Id, bool Stored)> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, CommentThread thread,
        long parentId, long authorId, string body, DateTimeOffset now, string? formKey) =>
        OneTimeForm.InsertAsync(connection, transaction, $"""
            INSERT INTO {thread.Table} ({thread.ParentColumn}, author_id, body, created_at, submission_key) VALUES (@ParentId, @AuthorId, @Body, @Now, @Key)
            ON CONFLICT (author_id, submission_key) WHERE submission_key IS NOT NULL DO NOTHING
            RETURNING id
            """,
            $"SELECT id FROM {thread.Table} WHERE author_id = @AuthorId AND submission_key = @Key AND {thread.ParentColumn} = @ParentId AND body = @Body",
            key => new { ParentId = parentId, AuthorId = authorId, Body = body, Now = now, Key = key }, OneTimeForm.Key(formKey));

    public static Task<CommentRow?> FindAsync(SqliteConnection connection, SqliteTransaction transaction, CommentThread thread, long commentId) =>
        connection.QuerySingleOrDefaultAsync<CommentRow?>(
            $"SELECT {thread.ParentColumn} AS ParentId, author_id AS AuthorId, state AS State, hidden_by AS HiddenBy FROM {thread.Table} WHERE id = @Id",
            new { Id = commentId }, transaction);

    /// <summary>The author's withdrawal: the text goes, a placeholder stays.</summary>
    public static Task DeleteAsync(SqliteConnection connection, SqliteTransaction transaction, CommentThread thread, long commentId, string state) =>
        ChangeAsync(connection, transaction, thread, commentId, state, CommentStates.Deleted, null);

    public static Task HideAsync(SqliteConnection connection, SqliteTransaction transaction, CommentThread thread, long commentId, string state, string hiddenBy) =>
        ChangeAsync(connection, transaction, thread, commentId, state, CommentStates.Hidden, hiddenBy);

    /// <summary>Hides a comment, which the caller found visible in this transaction, once enough of its reports are open.</summary>
    public static async Task HideWhenReportedAsync(SqliteConnection connection, SqliteTransaction transaction, CommentThread thread, long commentId)
    {
        var open = await connection.ExecuteScalarAsync<long>(
            $"SELECT count(*) FROM reports WHERE {thread.ReportColumn} = @Id AND state = 'open'", new { Id = commentId }, transaction);
        if (open >= ReportsThatHide)
        {
            await HideAsync(connection, transaction, thread, commentId, CommentStates.Visible, CommentStates.HiddenByReports);
        }
    }

    /// <summary>Shows a comment again that reports hid (not one a moderator hid or its author deleted).</summary>
    public static async Task ShowAgainAsync(SqliteConnection connection, SqliteTransaction transaction, CommentThread thread, long commentId, CommentRow? comment)
    {
        if (comment is { State: CommentStates.Hidden, HiddenBy: CommentStates.HiddenByReports })
        {
            await ShowAsync(connection, transaction, thread, commentId);
        }
    }

    /// <summary>Makes a hidden comment visible again, whoever hid it (a moderator's restore); the parent's counter follows.</summary>
    public static Task ShowAsync(SqliteConnection connection, SqliteTransaction transaction, CommentThread thread, long commentId) =>
        ChangeAsync(connection, transaction, thread, commentId, CommentStates.Hidden, CommentStates.Visible, null);

    private static async Task ChangeAsync(SqliteConnection connection, SqliteTransaction transaction, CommentThread thread, long commentId, string from, string to, string? hiddenBy)
    {
        await connection.ExecuteAsync($"""
            UPDATE {thread.Table} SET state = @To, hidden_by = @HiddenBy, body = CASE WHEN @To = 'deleted' THEN '-' ELSE body END
            WHERE id = @Id
            """, new { Id = commentId, To = to, HiddenBy = hiddenBy }, transaction);
        var delta = (to == CommentStates.Visible ? 1 : 0) - (from == CommentStates.Visible ? 1 : 0);
        if (delta != 0 && thread.CountChange is { } countChange)
        {
            await connection.ExecuteAsync(countChange, new { Delta = delta, CommentId = commentId }, transaction);
        }
    }
}
