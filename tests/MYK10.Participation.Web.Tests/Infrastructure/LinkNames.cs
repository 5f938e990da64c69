using AngleSharp.Html.Dom;

namespace MYK10.Participation.Web.Tests.Infrastructure;

/// <summary>Link texts read out of context, as a screen reader's list of links offers them (WCAG 2.4.4).</summary>
public static class LinkNames
{
    /// <summary>Fails when two links of the page share a name (their text, visually hidden parts included) but lead to different addresses.</summary>
    public static void AssertOneNameOneTarget(IHtmlDocument document)
    {
        var clashes = document.QuerySelectorAll("a[href]")
            .GroupBy(link => string.Join(' ', link.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(group => group.Select(link => link.GetAttribute("href")).Distinct().Count() > 1)
            .Select(group => $"\"{group.Key}\" → {string.Join(", ", group.Select(link => link.GetAttribute("href")).Distinct())}")
            .ToList();
        Assert.True(clashes.Count == 0, "Links of the same name lead to different pages: " + string.Join("; ", clashes));
    }
}
