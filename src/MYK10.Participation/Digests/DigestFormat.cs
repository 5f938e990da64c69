using System.Globalization;
using System.Net;
using MYK10.Participation.Time;

namespace MYK10.Participation.Digests;

/// <summary>German wording and inline styles shared by the digest sections (mail clients ignore style sheets).</summary>
public static class DigestFormat
{
    public static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public const string H2Style = "font-size:20px;line-height:1.3;margin:28px 0 8px;color:#0b4f6c;";
    public const string H3Style = "font-size:17px;line-height:1.3;margin:20px 0 6px;color:#1a1a1a;";
    public const string TextStyle = "font-size:16px;line-height:1.5;margin:0 0 12px;";
    public const string ListStyle = "margin:0 0 12px;padding-left:20px;font-size:16px;line-height:1.5;";
    public const string ItemStyle = "margin:0 0 10px;";
    public const string LinkStyle = "color:#0b4f6c;text-decoration:underline;";
    public const string MutedStyle = "color:#4a4a4a;";
    public const string TableStyle = "border-collapse:collapse;width:100%;margin:0 0 16px;font-size:15px;";
    public const string CaptionStyle = "text-align:left;font-weight:bold;padding:0 0 6px;";
    // On a phone (about 360 px) a table of four columns with words like "Kommunikationsinfrastruktur" or
    // "Berichtszeitraum" is wider than the screen and the mail scrolls sideways: words in headings and text cells may
    // break (hyphenated where the mail program can), figures stay whole.
    private const string Wrap = "overflow-wrap:anywhere;word-break:break-word;-webkit-hyphens:auto;hyphens:auto;";
    public const string ThStyle = "text-align:left;border-bottom:2px solid #0b4f6c;padding:6px 8px;" + Wrap;
    public const string TdStyle = "text-align:left;border-bottom:1px solid #d0d0d0;padding:6px 8px;" + Wrap;
    /// <summary>Appended to a heading or cell that must not break, such as "Platz" over a narrow column of ranks.</summary>
    public const string NoWrap = "white-space:nowrap;";
    public const string NumberStyle = "border-bottom:1px solid #d0d0d0;padding:6px 8px;text-align:right;white-space:nowrap;";

    public static string Html(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string Number(long value) => value.ToString("N0", German);

    /// <summary>"1 Unterstützer·in" / "12 Unterstützer·innen".</summary>
    public static string Supporters(long count) => Count(count, "Unterstützer·in", "Unterstützer·innen");

    /// <summary>"1 Antwort" / "1.234 Antworten".</summary>
    public static string Count(long count, string one, string many) => count == 1 ? $"1 {one}" : $"{Number(count)} {many}";

    /// <summary>
    /// "noch keine Antworten", or "12 Antworten" for the county, or "12 Antworten, davon 3 aus Andernach" for a
    /// municipality's council.
    /// </summary>
    public static string CountWithArea(long total, long inArea, string one, string many, DigestContext context) =>
        total == 0 ? $"noch keine {many}"
        : context.AreaId is null ? Count(total, one, many)
        : $"{Count(total, one, many)}, davon {Number(inArea)} aus {context.AreaName}";

    /// <summary>The title of a survey or vote of the whole county, marked as such in a municipality's digest.</summary>
    public static string TitleForArea(string title, string itemArea, DigestContext context) =>
        itemArea == "kreis" && context.AreaId is not null ? $"{title} (ganzer Landkreis)" : title;

    /// <summary>After "seit": "weniger als einem Tag", "1 Tag", "3 Tagen".</summary>
    public static string Days(long days) => days switch
    {
        <= 0 => "weniger als einem Tag",
        1 => "1 Tag",
        _ => $"{Number(days)} Tagen",
    };

    /// <summary>At most <paramref name="max"/> characters, cut at a word boundary, on one line.</summary>
    public static string Excerpt(string text, int max = 160)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= max)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', max - 1);
        return flat[..(cut > max / 2 ? cut : max - 1)].TrimEnd(',', ';', ':', '.', ' ') + " …";
    }

    /// <summary>"16.11.2026" in Europe/Berlin.</summary>
    public static string Date(DateTimeOffset utc) => BerlinTime.ToBerlin(utc).ToString("dd.MM.yyyy", German);

    /// <summary>"16.11.2026, 07:00 Uhr" in Europe/Berlin.</summary>
    public static string DateTime(DateTimeOffset utc) => BerlinTime.ToBerlin(utc).ToString("dd.MM.yyyy, HH:mm", German) + " Uhr";

    /// <summary>
    /// The days a period reports on, for the subject: "16.–22. November 2026", "30. November – 6. Dezember 2026",
    /// "28. Dezember 2026 – 3. Januar 2027". A period that ends in the morning (a digest sent at 07:00) reports on the
    /// days before it, so its last day is the day before the end.
    /// </summary>
    public static string DayRange(DigestPeriod period)
    {
        var first = DateOnly.FromDateTime(BerlinTime.ToBerlin(period.Start).DateTime);
        var endLocal = BerlinTime.ToBerlin(period.End);
        var last = DateOnly.FromDateTime(endLocal.DateTime);
        if (endLocal.TimeOfDay < TimeSpan.FromHours(12) && last > first)
        {
            last = last.AddDays(-1);
        }

        if (first == last)
        {
            return first.ToString("d. MMMM yyyy", German);
        }

        if (first.Year != last.Year)
        {
            return $"{first.ToString("d. MMMM yyyy", German)} – {last.ToString("d. MMMM yyyy", German)}";
        }

        return first.Month != last.Month
            ? $"{first.ToString("d. MMMM", German)} – {last.ToString("d. MMMM yyyy", German)}"
            : $"{first.Day}.–{last.ToString("d. MMMM yyyy", German)}";
    }

    /// <summary>"Tagesbericht", "Wochenbericht", "Monatsbericht" or "Bericht", from the length of the period.</summary>
    public static string ReportKind(DigestPeriod period) => period.Length.TotalDays switch
    {
        >= 0.5 and <= 1.5 => "Tagesbericht",
        >= 6 and <= 8 => "Wochenbericht",
        >= 27 and <= 32 => "Monatsbericht",
        _ => "Bericht",
    };
}
