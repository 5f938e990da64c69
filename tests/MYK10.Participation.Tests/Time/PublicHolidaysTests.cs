using MYK10.Participation.Time;

namespace MYK10.Participation.Tests.Time;

public sealed class PublicHolidaysTests
{
    [Theory]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void EasterSunday_IsTheGregorianOne(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), PublicHolidays.EasterSunday(year));

    [Fact]
    public void Holidays2026_AreTheElevenOfRhinelandPalatinate_AndNoOther()
    {
        var holidays = Enumerable.Range(0, 365).Select(n => new DateOnly(2026, 1, 1).AddDays(n))
            .Where(PublicHolidays.IsHoliday).Select(d => $"{d:MM-dd} {PublicHolidays.NameOf(d)}").ToList();

        Assert.Equal(
            [
                "01-01 Neujahr", "04-03 Karfreitag", "04-06 Ostermontag", "05-01 Tag der Arbeit", "05-14 Christi Himmelfahrt",
                "05-25 Pfingstmontag", "06-04 Fronleichnam", "10-03 Tag der Deutschen Einheit", "11-01 Allerheiligen",
                "12-25 1. Weihnachtsfeiertag", "12-26 2. Weihnachtsfeiertag",
            ],
            holidays);
    }

    [Fact]
    public void Holidays2027_MoveWithEaster()
    {
        var moving = Enumerable.Range(0, 365).Select(n => new DateOnly(2027, 1, 1).AddDays(n))
            .Where(d => PublicHolidays.IsHoliday(d) && d.Month is >= 3 and <= 6 && d.Day != 1).Select(d => d.ToString("MM-dd")).ToList();

        Assert.Equal(["03-26", "03-29", "05-06", "05-17", "05-27"], moving);
    }
}
