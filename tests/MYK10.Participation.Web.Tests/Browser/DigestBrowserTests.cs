using Microsoft.Playwright;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;
using MYK10.Participation.Staff;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DigestBrowserTests(BrowserFixture browser, DigestBrowserTests.Site site) : IClassFixture<DigestBrowserTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site() => UseRealServer();
    }

    [Fact]
    public async Task CouncilPagesDigestListViewAndPreview_PassAxe_OnDesktopAndPhone()
    {
        var (councilId, digestId) = await site.CouncilWithDigestAsync("Stadtrat Andernach");
        var recipientId = (await site.Get<MYK10.Participation.Digests.CouncilStore>().RecipientsAsync(councilId))[0].Id;
        string[] urls =
        [
            "/admin/gremien",
            "/admin/gremien/neu",
            $"/admin/gremien/{councilId}",
            $"/admin/gremien/{councilId}/loeschen",
            $"/admin/gremien/{councilId}/empfaenger",
            $"/admin/gremien/{councilId}/empfaenger/{recipientId}/entfernen",
            $"/admin/gremien/{councilId}/berichte",
            $"/admin/gremien/{councilId}/berichte/{digestId}",
            $"/admin/gremien/{councilId}/vorschau",
        ];
        foreach (var (width, height) in new[] { (1280, 900), (360, 740) })
        {
            var page = await browser.OpenAsStaffAsync(site, StaffRole.Admin, width, height);
            foreach (var url in urls)
            {
                var response = await page.GotoAsync(url);
                Assert.Equal(200, response!.Status);
                await page.AssertNoAxeViolationsAsync();
                await page.AssertOneH1AndNoHorizontalScrollAsync();
            }
        }
    }

    [Fact]
    public async Task FormErrors_AndImportErrors_PassAxe()
    {
        var (councilId, _) = await site.CouncilWithDigestAsync();
        var page = await browser.OpenAsStaffAsync(site, StaffRole.Admin);

        await page.GotoAsync("/admin/gremien/neu");
        await page.FillAsync("#Input_Cron", "irgendwann");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync($"/admin/gremien/{councilId}/empfaenger");
        await page.FillAsync("#Input_List", "nur ein Name");
        await page.ClickAsync("form[action*='handler=Import'] button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        Assert.Contains("Zeile 1", await page.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task DigestHtmlPart_InTheBrowser_PassesAxe_AndLoadsNothingElse()
    {
        var (councilId, digestId) = await site.CouncilWithDigestAsync();
        var page = await browser.OpenAsStaffAsync(site, StaffRole.Admin);
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        await page.GotoAsync($"/admin/gremien/{councilId}/berichte/{digestId}?handler=Html", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Equal("de", await page.GetAttributeAsync("html", "lang"));
        await page.AssertNoAxeViolationsAsync();
        // Only the document itself (and the browser's own favicon probe): no styles, scripts or images from anywhere.
        Assert.Contains(requests, url => url.Contains("handler=Html", StringComparison.Ordinal));
        Assert.All(requests, url => Assert.True(url.Contains("handler=Html", StringComparison.Ordinal) || url.Contains("/favicon.", StringComparison.Ordinal), url));
    }

    [Fact]
    public async Task DigestHtmlPart_OnAPhone_FitsTheScreen_ItsTablesWrapLongWords()
    {
        var connections = site.Get<IDbConnectionFactory>();
        var submission = new IdeaSubmission("Karte der Funklöcher zum Mitmachen", "Funklöcher melden und auf einer Karte sehen.", "kommunikationsinfrastruktur", "andernach", null);
        var idea = (await site.Get<IdeaService>().SubmitAsync(await connections.ParticipantAsync(), submission)).IdeaId!.Value;
        await connections.PublishAsync(idea, DateTimeOffset.UtcNow.AddDays(-1));
        var (councilId, digestId) = await site.CouncilWithDigestAsync();
        var page = await browser.OpenAsStaffAsync(site, StaffRole.Admin, 360, 740);

        await page.GotoAsync($"/admin/gremien/{councilId}/berichte/{digestId}?handler=Html");

        // The most supported ideas ("Kommunikationsinfrastruktur") and the figures ("Berichtszeitraum") are tables of
        // four columns: they must fit a phone's screen, not make the mail scroll sideways.
        Assert.True(await page.Locator("table").CountAsync() >= 2);
        await page.AssertOneH1AndNoHorizontalScrollAsync();
    }

    [Fact]
    public async Task Unsubscribe_WithTheKeyboard_PassesAxe()
    {
        var (councilId, _) = await site.CouncilWithDigestAsync();
        var path = await site.UnsubscribePathAsync($"thomas.{councilId}@andernach.example.org");
        var page = await browser.OpenAsync(site);

        await page.GotoAsync(path);
        await page.AssertNoAxeViolationsAsync();
        await page.AssertOneH1AndNoHorizontalScrollAsync();
        await page.FocusAsync("main form button");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("main .notice");

        Assert.Contains("keine Berichte mehr", await page.InnerTextAsync("main .notice"), StringComparison.Ordinal);
        await page.AssertNoAxeViolationsAsync();
    }
}
