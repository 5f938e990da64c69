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

    /// <summary>
    /// The title a link preview shows (<c>og:title</c>) where it differs from the page's title: a survey's page is shared
    /// by the survey's title, not by "Seite 1 von 3", which says where the sharing person was.
    /// </summary>
    public const string ShareTitleKey = "ShareTitle";

    /// <summary>About as much as a search result shows.</summary>
    public const int MaxLength = 160;

    /// <summary>The start of <paramref name="text"/> as a description, or null without any text (the site's description then).</summary>
    public static string? Excerpt(string? text) => MYK10.Participation.Text.TextExcerpt.Of(text, MaxLength);
}
