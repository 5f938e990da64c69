using Dapper;
using MYK10.Participation.Data;

namespace MYK10.Participation.Ideas;

/// <summary>Which ideas a search for similar ones looks among.</summary>
public enum SimilarIdeaScope
{
    /// <summary>Published ideas only: all that a participant about to submit may see.</summary>
    Published,

    /// <summary>Published and pending ideas: what the moderation compares an idea with.</summary>
    PublishedAndPending,
}

/// <summary>
/// The ideas most like a title and text, by full-text rank over <c>ideas_fts</c>, the title weighing three times the
/// text: the moderation's possible duplicates, and the published ideas a participant is shown before submitting one.
/// </summary>
public sealed class SimilarIdeas(IDbConnectionFactory connections)
{
    /// <summary>At most this many ideas, the most similar first.</summary>
    public const int Limit = 5;

    /// <param name="exceptId">An idea to leave out (the one being compared), or none.</param>
    public async Task<IReadOnlyList<IdeaSummary>> FindAsync(string? title, string? body, SimilarIdeaScope scope, long? exceptId = null, CancellationToken cancellationToken = default)
    {
        // The ranked ids first, from the index alone; the joins then run for those few rows only.
        const string ranked = """
            WITH ranked AS (
                SELECT ideas.id AS id, bm25(ideas_fts, 3.0, 1.0) AS score
                FROM ideas_fts
                JOIN ideas ON ideas.id = ideas_fts.rowid
                WHERE ideas_fts MATCH @Query AND ideas.state IN @States AND ideas.id IS NOT @ExceptId
                ORDER BY score
                LIMIT @Limit
            )
            """;
        if (Query($"{title} {body}") is not { } query)
        {
            return [];
        }

        string[] states = scope == SimilarIdeaScope.Published ? [IdeaStates.Published] : [IdeaStates.Published, IdeaStates.Pending];
        var sql = $"{ranked} SELECT {IdeaStore.SummaryColumns} {IdeaStore.Joins} JOIN ranked r ON r.id = i.id ORDER BY r.score, i.id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<IdeaSummary>(new CommandDefinition(sql,
            new { Query = query, States = states, ExceptId = exceptId, Limit }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// Any of the longer words of the text (OR), each quoted so that no operator in it takes effect, so that similar
    /// ideas rank by how much they share. Null for a text without such words.
    /// </summary>
    internal static string? Query(string text)
    {
        var words = IdeaSearch.Words(text)
            .Where(w => w.Length >= 5)
            .Select(w => w.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Take(15)
            .Select(w => $"\"{w}\"")
            .ToList();
        return words.Count == 0 ? null : string.Join(" OR ", words);
    }
}
