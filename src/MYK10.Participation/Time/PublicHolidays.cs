namespace MYK10.Participation.Time;

/// <summary>
/// The statutory public holidays of Rhineland-Palatinate, where the county and its staff work: on these days the
/// offices are closed, so nothing that addresses staff as "this working day" should go out.
/// </summary>
public static class PublicHolidays
{
    /// <summary>True when <paramref name="day"/> is a public holiday in Rhineland-Palatinate.</summary>
    public static bool IsHoliday(DateOnly day) => NameOf(day) is not null;

    /// <summary>The holiday's German name, or null for any other day.</summary>
    public static string? NameOf(DateOnly day)
    {
        var fixedName = (day.Month, day.Day) switch
        {
            (1, 1) => "Neujahr",
            (5, 1) => "Tag der Arbeit",
            (10, 3) => "Tag der Deutschen Einheit",
            (11, 1) => "Allerheiligen",
            (12, 25) => "1. Weihnachtsfeiertag",
            (12, 26) => "2. Weihnachtsfeiertag",
            _ => null,
        };
        if (fixedName is not null)
        {
            return fixedName;
        }

        return (day.DayNumber - EasterSunday(day.Year).DayNumber) switch
        {
            -2 => "Karfreitag",
            1 => "Ostermontag",
            39 => "Christi Himmelfahrt",
            50 => "Pfingstmontag",
            60 => "Fronleichnam",
            _ => null,
        };
    }

    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var dayOfMonth = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, dayOfMonth);
    }
}
