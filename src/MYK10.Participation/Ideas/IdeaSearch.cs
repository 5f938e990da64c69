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

        var query = new StringBuilder();
        foreach (var word in words)
        {
            // A quoted string is a literal for FTS5: no operator in the visitor's text can take effect.
            query.Append('"').Append(word).Append("\"* ");
        }

        return query.ToString().TrimEnd();
    }

    /// <summary>The words of a text, in order.</summary>
    public static IEnumerable<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
