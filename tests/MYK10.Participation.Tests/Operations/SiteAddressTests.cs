using MYK10.Participation.Hosting;

namespace MYK10.Participation.Tests.Operations;

public sealed class SiteAddressTests
{
    [Theory]
    [InlineData("https://beteiligung.kvmyk.de", null)]
    [InlineData("https://beteiligung.kvmyk.de/", null)]
    [InlineData("http://localhost:5000", "it points to this machine")]
    [InlineData("https://127.0.0.1", "it points to this machine")]
    [InlineData("http://beteiligung.kvmyk.de", "it is not https")]
    [InlineData("beteiligung.kvmyk.de", "it is not an absolute address")]
    public void PublicAddressProblem_NamesWhyMailLinksWouldNotWork(string baseUrl, string? problem) =>
        Assert.Equal(problem, new SiteOptions { BaseUrl = baseUrl }.PublicAddressProblem());
}
