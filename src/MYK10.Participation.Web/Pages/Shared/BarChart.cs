using System.Globalization;

namespace MYK10.Participation.Web.Pages.Shared;

/// <summary>
/// One bar: its label, its length as a share of the longest possible bar (0..1), the figure shown with it, and
/// whether it is drawn lighter than the others (a measure a vote did not choose).
/// </summary>
public sealed record Bar(string Label, decimal Share, string ValueText, bool Muted = false);

/// <summary>
/// A horizontal bar chart drawn on the server without script: each label and its figure are page text on a line of
/// their own, the bar below them spans the chart's width. Text that wraps and keeps the page's font size stays
/// legible on a phone, where a scaled-down SVG drawing shrank its labels with it. The same numbers are always in a
/// table next to it, so the chart is one image to assistive technology, named by <paramref name="Name"/>.
/// </summary>
public sealed record BarChart(string Name, IReadOnlyList<Bar> Bars)
{
    /// <summary>The bar's length as an SVG percentage; a share above zero stays visible as a sliver.</summary>
    public static string Length(Bar bar)
    {
        var percent = Math.Clamp(bar.Share, 0, 1) * 100;
        return Math.Max(bar.Share > 0 ? 0.5m : 0, percent).ToString("0.##", CultureInfo.InvariantCulture) + "%";
    }
}
