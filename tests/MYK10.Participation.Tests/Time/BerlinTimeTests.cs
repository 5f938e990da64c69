using MYK10.Participation.Time;

namespace MYK10.Participation.Tests.Time;

public sealed class BerlinTimeTests
{
    [Fact]
    public void FromBerlin_TheHourSkippedInMarch_IsNoTime_AndTheHoursAroundItConvert()
    {
        Assert.Null(BerlinTime.FromBerlin(new DateTime(2027, 3, 28, 2, 30, 0)));
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 0, 59, 0, TimeSpan.Zero), BerlinTime.FromBerlin(new DateTime(2027, 3, 28, 1, 59, 0)));
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero), BerlinTime.FromBerlin(new DateTime(2027, 3, 28, 3, 0, 0)));
    }

    [Fact]
    public void FromBerlin_TheHourRepeatedInOctober_IsTakenAsWinterTime()
    {
        Assert.Equal(new DateTimeOffset(2027, 10, 31, 1, 30, 0, TimeSpan.Zero), BerlinTime.FromBerlin(new DateTime(2027, 10, 31, 2, 30, 0)));
    }
}
