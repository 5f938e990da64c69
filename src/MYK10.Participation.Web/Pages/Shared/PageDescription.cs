using System.Text;

namespace MYK10.Participation.Web.Pages.Shared;

/// <summary>
/// The short description of a page that search engines and link previews (in messengers, social networks, news sites)
/// show under its title: <c>meta name="description"</c> and <c>og:description</c>. A page with its own text (an idea,
/// a survey, a vote, a measure) sets <see cref="Key"/> in its <c>ViewData</c> to the start of that text; every other
/// page has the site's description.
/// </summary>
public static class PageDescription
{
    public const string Key = "Description";

    /// <summary>About as much as a search result shows.</summary>
    public const int MaxLength = 160;

    /// <summary>
    /// The text on one line, cut after a whole word with "…" when longer than <see cref="MaxLength"/>; null for a text
    /// without any (the page then has the site's description).
    /// </summary>
    public static string? Excerpt(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var line = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
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
            if (line.Length > MaxLength)
            {
                break;
            }
        }

        if (line.Length <= MaxLength)
        {
            return line.ToString();
        }

        var cut = line.ToString(0, MaxLength).LastIndexOf(' ');
        return (cut > MaxLength / 2 ? line.ToString(0, cut) : line.ToString(0, MaxLength - 1)).TrimEnd(',', ';', ':', '.', '-', '–') + "…";
    }
}
