using MYK10.Participation.Data;
using MYK10.Participation.Staff;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Moderation;

/// <summary>Counts of one read in the singular on the staff pages (a site of its own, so the queue holds exactly one idea).</summary>
public sealed class StaffWordingTests(StaffWordingTests.Site site) : IClassFixture<StaffWordingTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site()
        {
            Clock = new ManualClock(DateTimeOffset.UtcNow);
        }
    }

    [Fact]
    public async Task OnePendingIdea_OneDay_OneReport_AreSingular()
    {
        var (author, _) = await site.ParticipantClientAsync();
        using var submitted = await author.PostFormAsync("/ideen/neu", new()
        {
            ["Input.Title"] = "Eine Bank am Spielplatz",
            ["Input.Body"] = "Eine Beschreibung, die lang genug ist, um geprüft zu werden.",
            ["Input.FieldId"] = "bildung",
            ["Input.MunicipalityId"] = "bendorf",
        });
        var idea = long.Parse(submitted.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        site.Clock!.Advance(TimeSpan.FromHours(30));
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);

        var queue = (await moderator.GetDocumentAsync("/moderation")).QuerySelector("main")!.TextContent;
        Assert.Contains("1 Idee wartet auf Prüfung, seit", queue, StringComparison.Ordinal);
        Assert.Contains("1 Tag", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("1 Tagen", queue, StringComparison.Ordinal);
        var review = (await moderator.GetDocumentAsync($"/moderation/ideen/{idea}")).QuerySelector("main")!.TextContent;
        Assert.Contains("(hat insgesamt 1 Idee eingereicht)", review, StringComparison.Ordinal);

        await site.Get<IDbConnectionFactory>().PublishAsync(idea);
        var (reporter, _) = await site.ParticipantClientAsync();
        using var reported = await reporter.PostFormAsync($"/ideen/{idea}/melden", new() { ["Input.Reason"] = "insult" });
        var reports = (await moderator.GetDocumentAsync("/moderation/meldungen")).QuerySelector(".report-list")!.TextContent;
        Assert.Contains("1 offene Meldung seit", reports, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminHome_DescribesTheMailRouteInGerman()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);

        var row = (await admin.GetDocumentAsync("/admin")).QuerySelectorAll("table.figures tr").Single(r => r.QuerySelector("th")!.TextContent == "Versandweg");

        Assert.StartsWith("Dateien im Ordner ", row.QuerySelector("td")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("pickup", row.QuerySelector("td")!.TextContent, StringComparison.Ordinal);
    }
}
