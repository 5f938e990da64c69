using System.Text;

namespace MYK10.Participation.Text;

/// <summary>The start of a text for a card, a preview or a feed: one line, cut after a whole word.</summary>
public static class TextExcerpt
{
    /// <summary>
    /// The text on one line (every run of white space one space), cut after a whole word with "…" when longer than
    /// <paramref name="maxLength"/>; a single word longer than half of it is cut inside (never between the two halves of
    /// a surrogate pair). Null for a text without any.
    /// </summary>
    public static string? Of(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var line = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = line.Length > 0;
                continue;
            }

            if (space)
            {
                line.Append(' ');
                space = false;
            }

            line.Append(c);
            if (line.Length > maxLength)
            {
                break;
            }
        }

        if (line.Length <= maxLength)
        {
            return line.ToString();
        }

        var cut = line.ToString(0, maxLength).LastIndexOf(' ');
        // Inside a long word, never between the two halves of a character beyond the first plane (an emoji).
        var inside = maxLength > 1 && char.IsHighSurrogate(line[maxLength - 2]) ? maxLength - 2 : maxLength - 1;
        return (cut > maxLength / 2 ? line.ToString(0, cut) : line.ToString(0, inside)).TrimEnd(',', ';', ':', '.', '-', '–') + "…";
    }
}
