using System.Net;
using MYK10.Participation.Digests;
using MYK10.Participation.Staff;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Digests;

public sealed class CouncilFormRobustnessTests(CouncilFormRobustnessTests.Site site) : IClassFixture<CouncilFormRobustnessTests.Site>
{
    public sealed class Site : SiteFactory;

    [Theory]
    [InlineData("@daily")]
    [InlineData("@weekly")]
    [InlineData("@yearly")]
    public async Task CronMacros_AreRefusedWithTheGermanMessage_WhenCreatingAndEditingACouncil(string cron)
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var (councilId, _) = await site.CouncilWithDigestAsync();
        var name = $"Gemeinderat Kruft {Guid.NewGuid():N}"[..28];

        using var created = await admin.PostFormAsync("/admin/gremien/neu", new() { ["Input.Name"] = name, ["Input.MunicipalityId"] = "mayen", ["Input.Cron"] = cron });
        using var saved = await admin.PostFormAsync($"/admin/gremien/{councilId}", new() { ["Input.Cron"] = cron }, "form[action*='handler=Save']");

        foreach (var response in new[] { created, saved })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("Der Zeitplan ist kein gültiger Cron-Ausdruck mit fünf Feldern", (await response.ReadDocumentAsync()).QuerySelector("#Input_Cron-error")!.TextContent.Trim(), StringComparison.Ordinal);
        }

        Assert.Equal(Council.DefaultCron, (await site.Get<CouncilStore>().FindAsync(councilId))!.Cron);
        Assert.DoesNotContain((await site.Get<CouncilStore>().ListAsync()), c => c.Name == name);
    }

    [Theory]
    [InlineData("* * * * *")]
    [InlineData("*/30 * * * *")]
    [InlineData("0,5 7 * * 1")]
    public async Task ASchedule_SendingMoreOftenThanHourly_IsRefusedInGerman(string cron)
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var (councilId, _) = await site.CouncilWithDigestAsync();

        using var saved = await admin.PostFormAsync($"/admin/gremien/{councilId}", new() { ["Input.Cron"] = cron }, "form[action*='handler=Save']");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.StartsWith("Der Zeitplan würde Berichte im Abstand von weniger als einer Stunde versenden.", (await saved.ReadDocumentAsync()).QuerySelector("#Input_Cron-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(Council.DefaultCron, (await site.Get<CouncilStore>().FindAsync(councilId))!.Cron);
    }

    [Theory]
    [InlineData("0 * * * *")]
    [InlineData("0 7,19 * * *")]
    public async Task AnHourlyOrLessFrequentSchedule_IsSaved(string cron)
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var (councilId, _) = await site.CouncilWithDigestAsync();
        var council = (await site.Get<CouncilStore>().FindAsync(councilId))!;

        using var saved = await admin.PostFormAsync($"/admin/gremien/{councilId}", new()
        {
            ["Input.Name"] = council.Name, ["Input.MunicipalityId"] = council.MunicipalityId, ["Input.Cron"] = cron, ["Input.Active"] = "true",
        }, "form[action*='handler=Save']");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(cron, (await site.Get<CouncilStore>().FindAsync(councilId))!.Cron);
    }

    [Fact]
    public async Task DeactivatingARecipient_PostedTwice_LeavesItDeactivated()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var (councilId, _) = await site.CouncilWithDigestAsync();
        var recipient = (await site.Get<CouncilStore>().RecipientsAsync(councilId))[0];
        var url = $"/admin/gremien/{councilId}/empfaenger";
        var page = await admin.GetDocumentAsync(url);
        var form = $"form[action*='recipientId={recipient.Id}']";

        using var first = await admin.SubmitFormAsync(page, url, [], form);
        using var second = await admin.SubmitFormAsync(page, url, [], form); // a double click: the same form again

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.False((await site.Get<CouncilStore>().FindRecipientAsync(councilId, recipient.Id))!.Receives);

        var again = await admin.GetDocumentAsync(url);
        using var activated = await admin.SubmitFormAsync(again, url, [], form);
        using var activatedAgain = await admin.SubmitFormAsync(again, url, [], form);
        Assert.True((await site.Get<CouncilStore>().FindRecipientAsync(councilId, recipient.Id))!.Receives);
    }
}
