using System.Globalization;

namespace MYK10.Participation.Web.Surveys;

/// <summary>One bar: its label, its length as a share of the longest possible bar (0..1) and the text beside it.</summary>
public sealed record Bar(string Label, decimal Share, string ValueText);

/// <summary>
/// A horizontal bar chart drawn as SVG on the server: label above each bar, value beside it. The same numbers are
/// always in a table next to it; the SVG carries a title and is an image to assistive technology.
/// </summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<Bar> Bars)
{
    public const int Width = 640;
    public const int RowHeight = 46;
    public const int BarArea = 500;
    private const int MaxLabel = 80;

    public int Height => Bars.Count * RowHeight + 4;

    public static string Coordinate(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string BarWidth(Bar bar) => Coordinate(Math.Max(bar.Share > 0 ? 2 : 0, Math.Clamp(bar.Share, 0, 1) * BarArea));

    public static string ValueX(Bar bar) => Coordinate(Math.Clamp(bar.Share, 0, 1) * BarArea + 8);

    public static string Label(Bar bar) => bar.Label.Length <= MaxLabel ? bar.Label : bar.Label[..(MaxLabel - 1)] + "…";
}
