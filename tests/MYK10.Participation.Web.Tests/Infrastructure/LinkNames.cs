using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace MYK10.Participation.Web.Tests.Infrastructure;

/// <summary>Names of links and buttons read out of context, as a screen reader's list of links or buttons offers them (WCAG 2.4.4, 2.4.6).</summary>
public static class LinkNames
{
    /// <summary>Fails when two links of the page share a name (their text, visually hidden parts included) but lead to different addresses.</summary>
    public static void AssertOneNameOneTarget(IHtmlDocument document)
    {
        var clashes = document.QuerySelectorAll("a[href]")
            .GroupBy(Name)
            .Where(group => group.Select(link => link.GetAttribute("href")).Distinct().Count() > 1)
            .Select(group => $"\"{group.Key}\" → {string.Join(", ", group.Select(link => link.GetAttribute("href")).Distinct())}")
            .ToList();
        Assert.True(clashes.Count == 0, "Links of the same name lead to different pages: " + string.Join("; ", clashes));
    }

    /// <summary>Fails unless each of <paramref name="controls"/> (links or buttons repeated for every item of a list) has a name of its own.</summary>
    public static void AssertDistinct(IEnumerable<IElement> controls)
    {
        var names = controls.Select(Name).ToList();
        var repeated = names.GroupBy(name => name).Where(group => group.Count() > 1).Select(group => $"\"{group.Key}\" ×{group.Count()}").ToList();
        Assert.True(repeated.Count == 0, "Controls share a name: " + string.Join("; ", repeated));
    }

    private static string Name(IElement control) => string.Join(' ', control.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
