namespace MYK10.Participation.Comments;

/// <summary>The rules for a comment's text, the same for ideas and measures, and for the form and the store.</summary>
public static class CommentText
{
    public const int MaxLength = 2000;

    /// <summary>A comment's text as stored (line ends as LF, trimmed), or null when it is empty or longer than <see cref="MaxLength"/> characters.</summary>
    public static string? Body(string? text) => Normalised(text) is { Length: >= 1 and <= MaxLength } body ? body : null;

    /// <summary>Whether the text is empty once trimmed (rather than too long), for the form's message.</summary>
    public static bool IsEmpty(string? text) => Normalised(text).Length == 0;

    private static string Normalised(string? text) => (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
