namespace MYK10.Participation.Data;

/// <summary>
/// A text's length as the tables' CHECK constraints measure it: SQLite's <c>length()</c> counts characters (code
/// points), .NET's <c>string.Length</c> UTF-16 units, so an emoji is one for the database and two for .NET. Validation
/// that uses this agrees with the database on both bounds.
/// </summary>
public static class TextLength
{
    public static int Of(string? text)
    {
        var count = 0;
        foreach (var _ in (text ?? string.Empty).EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
