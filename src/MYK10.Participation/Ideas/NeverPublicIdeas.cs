using Dapper;
using Microsoft.Data.Sqlite;

namespace MYK10.Participation.Ideas;

/// <summary>
/// Deletes ideas that were never public (waiting for moderation, or refused by it) for good: when their author deletes
/// the account, and when the author withdraws one while it waits. Their supports, comments, reports and measure links go
/// with them (ON DELETE CASCADE) and the search indexes follow by trigger; a vote option may name any idea, so its link
/// is removed first. Merges only ever point to published ideas, so nothing else refers to such an idea.
/// </summary>
internal static class NeverPublicIdeas
{
    // Only pending ideas are ever rejected, so neither kind was public.
    private const string AllOfAuthor = "author_id = @AuthorId AND state IN ('pending', 'rejected')";

    // The author's pending idea as they last saw it: the check that makes a withdrawal lose against a decision or an edit.
    private const string OnePending = "id = @IdeaId AND author_id = @AuthorId AND state = 'pending' AND version = @Version";

    /// <summary>Every idea of the author that was never public (account deletion).</summary>
    public static Task<int> DeleteAllOfAuthorAsync(SqliteConnection connection, SqliteTransaction transaction, long authorId, CancellationToken cancellationToken) =>
        DeleteAsync(connection, transaction, AllOfAuthor, new { AuthorId = authorId }, cancellationToken);

    /// <summary>One pending idea of the author, at the version they saw; 0 when it is not (any longer) so.</summary>
    public static Task<int> DeletePendingAsync(SqliteConnection connection, SqliteTransaction transaction, long authorId, long ideaId, long version, CancellationToken cancellationToken) =>
        DeleteAsync(connection, transaction, OnePending, new { AuthorId = authorId, IdeaId = ideaId, Version = version }, cancellationToken);

    /// <returns>How many ideas were deleted.</returns>
    private static async Task<int> DeleteAsync(SqliteConnection connection, SqliteTransaction transaction, string which, object parameters, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM vote_option_ideas WHERE idea_id IN (SELECT id FROM ideas WHERE {which})", parameters, transaction, cancellationToken: cancellationToken));
        return await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM ideas WHERE {which}", parameters, transaction, cancellationToken: cancellationToken));
    }
}
