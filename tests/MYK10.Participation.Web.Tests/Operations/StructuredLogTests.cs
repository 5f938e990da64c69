using System.Text.Json;
using MYK10.Participation.Benchmarks;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Tests.Operations;

/// <summary>The real site as its own process in Production: what it writes to standard output.</summary>
public sealed class StructuredLogTests
{
    [Fact]
    public async Task Production_LogsOneJsonObjectPerLine_AndRequestLinesNameTheRoute_NeverTheTokenOrQuery()
    {
        using var directory = new TempDirectory();
        var settings = new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Information", ["Jobs:Server"] = "false" };
        List<JsonElement> entries;
        await using (var server = await ServerProcess.StartAsync(directory.Path, settings))
        {
            using var client = new HttpClient { BaseAddress = server.Address };
            (await client.GetAsync("/konto/link/geheimes-token-4711")).Dispose();
            (await client.GetAsync("/ideen?q=geheime-suche")).Dispose();
            (await client.GetAsync("/ideen/987654")).Dispose();
            (await client.GetAsync("/gibt-es-nicht/geheim-404")).Dispose();

            var deadline = DateTime.UtcNow.AddSeconds(20);
            do
            {
                await Task.Delay(100);
                entries = server.Output.Where(l => l.Length > 0).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
            }
            while (entries.Count(e => e.GetProperty("Category").GetString() == StructuredLogging.RequestCategory) < 5 && DateTime.UtcNow < deadline);

            Assert.All(server.Output, line => Assert.DoesNotContain("geheim", line, StringComparison.Ordinal));
        }

        Assert.All(entries, e =>
        {
            Assert.True(DateTimeOffset.TryParse(e.GetProperty("Timestamp").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.False(string.IsNullOrEmpty(e.GetProperty("LogLevel").GetString()));
            Assert.False(string.IsNullOrEmpty(e.GetProperty("Message").GetString()));
        });
        Assert.Contains(entries, e => e.GetProperty("Category").GetString() == "Microsoft.Hosting.Lifetime");
        var requests = entries.Where(e => e.GetProperty("Category").GetString() == StructuredLogging.RequestCategory)
            .Select(e => e.GetProperty("State"))
            .Select(s => (Route: s.GetProperty("Route").GetString(), Status: s.GetProperty("StatusCode").GetInt32()))
            .ToList();
        Assert.True(requests.Contains(("/konto/link/{token}", 410)), string.Join(" | ", requests)); // an unknown link: "Gone"
        Assert.Contains(("/ideen", 200), requests);
        Assert.Contains(("/ideen/{id:long}", 404), requests);
        Assert.Contains(("(ohne Route)", 404), requests);
    }
}
