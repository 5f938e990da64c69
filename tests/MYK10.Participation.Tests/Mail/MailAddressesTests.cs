using MYK10.Participation.Mail;

namespace MYK10.Participation.Tests.Mail;

public sealed class MailAddressesTests
{
    [Theory]
    [InlineData("max@web.de")]
    [InlineData("max.mustermann+umfrage@kvmyk.rlp.de")]
    [InlineData("a@b.de")]
    public void PlainAddressesWithADottedHost_AreDeliverable(string email) => Assert.True(MailAddresses.IsDeliverable(email));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("keine-adresse")]
    [InlineData("a@b")]
    [InlineData("max@webde")]
    [InlineData("max.m@webde")] // the staff check took any dot, also one before the "@"
    [InlineData("max mustermann@web.de")]
    [InlineData("max@web.de ")]
    [InlineData("Max <max@web.de>")]
    [InlineData("max@@web.de")]
    [InlineData("max@web.de,moritz@web.de")]
    public void TyposDisplayNamesAndLists_AreNot(string? email) => Assert.False(MailAddresses.IsDeliverable(email));

    [Fact]
    public void TheLongestAddressTheTablesKeep_IsTheLimit()
    {
        var host = "@" + string.Join('.', Enumerable.Repeat(new string('h', 60), 4)) + ".de";
        var longest = new string('m', MailAddresses.MaxLength - host.Length) + host;

        Assert.Equal(320, longest.Length);
        Assert.True(MailAddresses.IsDeliverable(longest));
        Assert.False(MailAddresses.IsDeliverable("m" + longest));
    }
}
