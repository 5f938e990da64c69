using System.Text;
using System.Text.RegularExpressions;

namespace MYK10.Participation.Ideas;

/// <summary>Turns what a visitor types into a safe FTS5 query: words only, each as a quoted prefix, all required.</summary>
public static partial class IdeaSearch
{
    public static string? ToFtsQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = WordPattern().Matches(text).Select(m => m.Value).Take(8).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        // A quoted string is a literal for FTS5: no operator in the visitor's text can take effect. The words are joined
        // by an explicit AND: FTS5 takes whitespace as AND between phrases only, not next to a bracketed OR.
        return string.Join(" AND ", words.Select(word => Spellings(word) is { Count: > 1 } spellings
            ? $"({string.Join(" OR ", spellings.Select(spelling => $"\"{spelling}\"*"))})"
            : $"\"{word}\"*"));
    }

    private static readonly (string Written, string Indexed)[] GermanSpellings = [("ae", "a"), ("oe", "o"), ("ue", "u"), ("ss", "ß"), ("ß", "ss")];

    /// <summary>
    /// A word and the other ways German writes it: "ae", "oe", "ue" for ä, ö, ü (which the index folds to a, o, u) and
    /// "ss" for ß and back, each on its own and the three vowels together, so that "Weissenthurm" finds "Weißenthurm" and
    /// "Buergerbuero" "Bürgerbüro". A word with none of them is looked up as it is.
    /// </summary>
    public static IReadOnlyList<string> Spellings(string word)
    {
        var lower = word.ToLowerInvariant();
        var spellings = new List<string> { lower };
        foreach (var (written, indexed) in GermanSpellings)
        {
            if (lower.Contains(written, StringComparison.Ordinal))
            {
                spellings.Add(lower.Replace(written, indexed, StringComparison.Ordinal));
            }
        }

        spellings.Add(GermanSpellings.Take(3).Aggregate(lower, (text, pair) => text.Replace(pair.Written, pair.Indexed, StringComparison.Ordinal)));
        return spellings.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The public search index's query for a search of the list with its filters: the visitor's words in the title and
    /// body, each filter as its token in the place column (<c>sql/0072_public_search_by_place_and_date.sql</c>).
    /// Null without words to search for.
    /// </summary>
    public static string? ToPublicMatch(IdeaQuery query)
    {
        if (ToFtsQuery(query.Search) is not { } words)
        {
            return null;
        }

        var match = new StringBuilder("{title body} : (").Append(words).Append(')');
        if (!string.IsNullOrEmpty(query.MunicipalityId))
        {
            AppendPlace(match, 'g', query.MunicipalityId);
        }

        if (!string.IsNullOrEmpty(query.FieldId))
        {
            AppendPlace(match, 'f', query.FieldId);
        }

        if (query.FiltersByAnswer(out var answerStatus))
        {
            AppendPlace(match, 'a', answerStatus ?? "");
        }

        return match.ToString();
    }

    // The same token as the index's triggers write: the letter, then the value's UTF-8 bytes in hex.
    private static void AppendPlace(StringBuilder match, char filter, string value) =>
        match.Append(" AND place : \"").Append(filter).Append(Convert.ToHexString(Encoding.UTF8.GetBytes(value))).Append('"');

    /// <summary>The words of a text, in order.</summary>
    public static IEnumerable<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
