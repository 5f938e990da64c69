using System.Globalization;

namespace MYK10.Participation.Time;

/// <summary>Times are stored in UTC; people in Mayen-Koblenz read them in Europe/Berlin.</summary>
public static class BerlinTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static DateTimeOffset ToBerlin(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    /// <summary>
    /// The instant of a wall-clock time in Berlin as people enter it; null for a time the clock skips when summer time
    /// begins (02:00 to 02:59 on the last Sunday in March). A time that occurs twice in October is taken as winter time.
    /// </summary>
    public static DateTimeOffset? FromBerlin(DateTime local)
    {
        var wallClock = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return Zone.IsInvalidTime(wallClock) ? null : new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(wallClock, Zone));
    }

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
