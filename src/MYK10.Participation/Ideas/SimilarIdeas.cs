using System.Globalization;
using System.Text;
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
        // Moderators weigh the ranked five themselves; a participant is only held up by ideas that resemble theirs.
        var candidates = (await connection.QueryAsync<IdeaSummary>(new CommandDefinition(sql,
            new { Query = query, States = states, ExceptId = exceptId, Limit = scope == SimilarIdeaScope.Published ? 4 * Limit : Limit }, cancellationToken: cancellationToken))).AsList();
        return scope == SimilarIdeaScope.Published
            ? candidates.Where(candidate => Resembles(title ?? "", body ?? "", candidate.Title, candidate.Body)).Take(Limit).ToList()
            : candidates;
    }

    /// <summary>
    /// Whether an idea resembles a new one closely enough to show it before submitting: their titles share a word, or
    /// they share two words of which one stands in a title. Words are those of five letters or more that are not among
    /// the common <see cref="StopWords"/>, compared as the index does (case and diacritics folded). One word shared
    /// between two texts, such as a place name, is not enough.
    /// </summary>
    internal static bool Resembles(string title, string body, string otherTitle, string otherBody)
    {
        var ownTitle = Significant(title);
        var otherTitleWords = Significant(otherTitle);
        if (ownTitle.Overlaps(otherTitleWords))
        {
            return true;
        }

        var shared = Significant($"{title} {body}");
        shared.IntersectWith(Significant($"{otherTitle} {otherBody}"));
        return shared.Count >= 2 && (shared.Overlaps(ownTitle) || shared.Overlaps(otherTitleWords));
    }

    private static HashSet<string> Significant(string text) => SignificantWords(text).ToHashSet(StringComparer.Ordinal);

    /// <summary>The words that say what a text is about, in order and folded: five letters or more, not a stop word.</summary>
    private static IEnumerable<string> SignificantWords(string text) =>
        IdeaSearch.Words(text).Where(w => w.Length >= 5).Select(Fold).Where(w => !StopWords.Contains(w));

    // Lower case without diacritics, as the index's tokenizer (unicode61 remove_diacritics 2) compares words.
    private static string Fold(string word) =>
        new(word.ToLowerInvariant().Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());

    /// <summary>Common German words of five letters or more (folded), which say nothing about what an idea is about.</summary>
    private static readonly HashSet<string> StopWords = new(
        """
        allem allen alles andere anderen anderer anderes bekommen bereits besonders besser bieten bisher bitte brauchen
        braucht damit danach daher finden geben gemeinsam helfen macht moglich nutzen schaffen sinnvoll stehen wichtig zukunft
        darauf darum dabei dadurch dafur dagegen deren deshalb dessen diese diesem diesen dieser dieses durch eigentlich
        einem einen einer eines einfach endlich etwas gegen genau gerade gerne heute immer jeden jeder jedes jetzt
        keine keinem keinen keiner konnen konnte konnten leider machen mehrere meine meinen meiner meines mussen musste
        nicht obwohl seine seinen seiner selbst sollen sollte sollten sondern sowie unter unsere
        unseren unserer viele vielen vielleicht wahrend warum weiter welche welchem welchen welcher welches werden
        wieder wirklich wurde wurden waren zwischen zurzeit
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    /// <summary>
    /// Any of the significant words of the text (OR; folded as the index folds them), each quoted so that no operator in it takes effect, so that similar
    /// ideas rank by how much they share. Null for a text without such words.
    /// </summary>
    internal static string? Query(string text)
    {
        var words = SignificantWords(text)
            .Distinct(StringComparer.Ordinal)
            .Take(15)
            .Select(w => $"\"{w}\"")
            .ToList();
        return words.Count == 0 ? null : string.Join(" OR ", words);
    }
}
