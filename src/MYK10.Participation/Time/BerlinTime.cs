using System.Globalization;

namespace MYK10.Participation.Time;

/// <summary>Times are stored in UTC; people in Mayen-Koblenz read them in Europe/Berlin.</summary>
public static class BerlinTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static DateTimeOffset ToBerlin(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    /// <summary>For example "26.11.2026 06:03 Uhr" (German) or "26/11/2026 06:03" (British English).</summary>
    public static string Format(DateTimeOffset utc, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var local = ToBerlin(utc);
        var text = local.ToString("g", culture);
        return culture.TwoLetterISOLanguageName == "de" ? text + " Uhr" : text;
    }

    public static string FormatDate(DateTimeOffset utc, CultureInfo? culture = null) =>
        ToBerlin(utc).ToString("d", culture ?? CultureInfo.CurrentCulture);
}
