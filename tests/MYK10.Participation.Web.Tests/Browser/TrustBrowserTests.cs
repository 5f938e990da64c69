using Microsoft.Playwright;
using MYK10.Participation.Staff;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class TrustBrowserTests(BrowserFixture browser, TrustBrowserTests.Site site) : IClassFixture<TrustBrowserTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site() : base(new() { ["RateLimits:Writes:PermitLimit"] = "100000" }) => UseRealServer();
    }

    private static readonly string[] PublicPages = ["/", "/leichte-sprache", "/barrierefreiheit", "/datenschutz", "/impressum", "/regeln", "/konto/geloescht"];

    private static readonly string[] ParticipantPages = ["/konto", "/konto/daten", "/konto/loeschen"];

    private static readonly string[] AdminPages = ["/admin", "/admin/phase", "/admin/verarbeitungen", "/admin/mitarbeitende", "/staff", "/staff/passwort", "/staff/zwei-faktor"];

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task NewPages_PassAxe_InBothLanguages(string language)
    {
        var visitor = await browser.OpenAsync(site);
        var participant = await browser.OpenAsync(site);
        await participant.SignInParticipantAsync(site);
        var admin = await browser.OpenAsync(site);
        await admin.SignInStaffAsync(site, StaffRole.Admin);

        foreach (var (page, urls) in new[] { (visitor, PublicPages), (participant, ParticipantPages), (admin, AdminPages) })
        {
            await page.GotoAsync(urls[0]);
            if (language == "en")
            {
                // The switch in the header, as a visitor without JavaScript would use it.
                await page.ClickAsync("header .language-switch button");
                await page.WaitForURLAsync($"**{urls[0]}");
            }

            foreach (var url in urls)
            {
                await page.SetViewportSizeAsync(1280, 900);
                await page.GotoAsync(url);
                Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
                await page.AssertNoAxeViolationsAsync();
                await page.AssertOneH1AndNoHorizontalScrollAsync();
                await page.SetViewportSizeAsync(360, 740);
                await page.AssertOneH1AndNoHorizontalScrollAsync();
            }
        }
    }

    [Fact]
    public async Task AccessibilityFeedbackForm_WithErrors_PassesAxe()
    {
        var page = await browser.OpenAsync(site);
        await page.GotoAsync("/barrierefreiheit");
        await page.FillAsync("#Input_Email", "keine-adresse");
        await page.ClickAsync("section.feedback button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task OwnPasswordPage_WithAnErrorAndAfterTheChange_PassesAxe_AndStaysSignedIn()
    {
        var page = await browser.OpenAsStaffAsync(site, StaffRole.Moderator);
        await page.ClickAsync("main a[href='/staff/passwort']");
        await page.WaitForURLAsync("**/staff/passwort");

        await page.FillAsync("#Input_CurrentPassword", "falsch-falsch-falsch");
        await page.FillAsync("#Input_NewPassword", "Weissenthurm-Rheinbrücke-2027");
        await page.FillAsync("#Input_ConfirmPassword", "Weissenthurm-Rheinbrücke-2027");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        await page.AssertNoAxeViolationsAsync();
        await page.AssertOneH1AndNoHorizontalScrollAsync();

        await page.FillAsync("#Input_CurrentPassword", TestPasswords.Staff);
        await page.FillAsync("#Input_NewPassword", "Weissenthurm-Rheinbrücke-2027");
        await page.FillAsync("#Input_ConfirmPassword", "Weissenthurm-Rheinbrücke-2027");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync("p.notice[role=status]");
        await page.AssertNoAxeViolationsAsync();
        await page.GotoAsync("/staff");
        Assert.EndsWith("/staff", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrawlOfEveryPage_AsVisitorParticipantAndAdmin_NeverRequestsAnotherHost()
    {
        var origin = site.ServerAddress.GetLeftPart(UriPartial.Authority);
        var pages = SiteMap.GetPages(site).Where(u => !u.Contains("abmelden", StringComparison.Ordinal) && u != "/sprache").ToList();
        Assert.Contains("/leichte-sprache", pages);
        var visitor = await browser.OpenAsync(site);
        var participant = await browser.OpenAsync(site);
        await participant.SignInParticipantAsync(site);
        var admin = await browser.OpenAsync(site);
        await admin.SignInStaffAsync(site, StaffRole.Admin);

        var foreign = new List<string>();
        foreach (var page in new[] { visitor, participant, admin })
        {
            page.Request += (_, request) =>
            {
                if (!request.Url.StartsWith(origin, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
                {
                    foreign.Add($"{page.Url} -> {request.Url}");
                }
            };
            foreach (var url in pages)
            {
                await page.GotoAsync(url);
            }
        }

        await admin.GotoAsync("/admin/jobs", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Empty(foreign);
    }
}
