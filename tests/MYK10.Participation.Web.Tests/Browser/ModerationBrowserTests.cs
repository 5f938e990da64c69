using Microsoft.Playwright;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;
using MYK10.Participation.Staff;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Tests.Infrastructure;
using MYK10.Participation.Comments;

namespace MYK10.Participation.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ModerationBrowserTests(BrowserFixture browser, ModerationBrowserTests.Site site) : IClassFixture<ModerationBrowserTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site() => UseRealServer();
    }

    [Fact]
    public async Task Queue_Review_Reports_HiddenComments_AndLog_PassAxe()
    {
        var pending = await IdeaAsync("Glasfaserausbau in Mendig beschleunigen", publish: false);
        var published = await IdeaAsync("Glasfaserausbau in Mendig", publish: true);
        var connections = site.Get<IDbConnectionFactory>();
        var (_, comment) = await site.Get<IdeaService>().CommentAsync(await connections.ParticipantAsync(), published, "Das ist Unsinn!");
        await site.Get<CommentService>().ReportAsync(await connections.ParticipantAsync("Melder"), ReportTarget.IdeaComment(published, comment!.Value), "insult", "beleidigend");
        var page = await SignedInModeratorAsync();

        await page.GotoAsync("/moderation");
        await page.AssertNoAxeViolationsAsync();
        await page.AssertOneH1AndNoHorizontalScrollAsync();

        await page.GotoAsync("/moderation/kommentare");
        Assert.Equal("Zurzeit ist kein Kommentar ausgeblendet.", (await page.InnerTextAsync(".empty-state")).Trim());
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync($"/moderation/ideen/{pending}");
        Assert.True(await page.Locator(".duplicate-list li").CountAsync() >= 1);
        await page.AssertNoAxeViolationsAsync();
        await page.ClickAsync("form[action*='handler=Reject'] button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync($"/moderation/ideen/{published}");
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync("/moderation/meldungen");
        await page.AssertNoAxeViolationsAsync();
        await page.ClickAsync("form[action*='handler=Hide'] button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        await page.AssertNoAxeViolationsAsync();
        await page.FillAsync("form[action*='handler=Hide'] textarea", "Beleidigend");
        await page.ClickAsync("form[action*='handler=Hide'] button[type=submit]");
        await page.WaitForURLAsync("**/moderation/meldungen?hinweis=hidden");

        await page.GotoAsync("/moderation/kommentare");
        await page.AssertNoAxeViolationsAsync();
        await page.AssertOneH1AndNoHorizontalScrollAsync();
        await page.ClickAsync(".report-item form button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        await page.AssertNoAxeViolationsAsync();
        await page.FillAsync(".report-item textarea", "Doch zulässig");
        await page.ClickAsync(".report-item form button[type=submit]");
        await page.WaitForURLAsync("**/moderation/kommentare?hinweis=restored");
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync("/moderation/protokoll");
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task PublishingAnIdea_WithTheKeyboardAlone()
    {
        var idea = await IdeaAsync("Digitale Mitfahrbank in Plaidt", publish: false);
        var page = await SignedInModeratorAsync(width: 390);
        await page.GotoAsync("/moderation");

        await page.TabToAsync("a", "Digitale Mitfahrbank in Plaidt");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/moderation/ideen/{idea}");
        await page.TabToAsync("button", "Idee veröffentlichen");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/moderation?hinweis=published");

        Assert.Contains("veröffentlicht", await page.InnerTextAsync(".notice"), StringComparison.Ordinal);
        Assert.Equal(IdeaStates.Published, (await site.Get<IdeaStore>().FindAsync(idea))!.State);
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Reports_WithALongWordInTheExplanation_FitAPhoneScreen()
    {
        const string longWord = "Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung";
        var published = await IdeaAsync("Glasfaser für Kruft", publish: true);
        var connections = site.Get<IDbConnectionFactory>();
        var (_, comment) = await site.Get<IdeaService>().CommentAsync(await connections.ParticipantAsync(), published, "Ein Kommentar zur Idee.");
        await site.Get<CommentService>().ReportAsync(await connections.ParticipantAsync("Melderin"), ReportTarget.IdeaComment(published, comment!.Value), "insult", longWord);
        var page = await SignedInModeratorAsync(width: 360);

        await page.GotoAsync("/moderation/meldungen");

        Assert.Contains(longWord, await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.AssertOneH1AndNoHorizontalScrollAsync();
        await page.AssertNoAxeViolationsAsync();
    }

    private Task<IPage> SignedInModeratorAsync(int width = 1280) => browser.OpenAsStaffAsync(site, StaffRole.Moderator, width);

    private async Task<long> IdeaAsync(string title, bool publish)
    {
        var connections = site.Get<IDbConnectionFactory>();
        var author = await connections.ParticipantAsync("Autor");
        var result = await site.Get<IdeaService>().SubmitAsync(author, new IdeaSubmission(title, $"{title}: eine ausführliche Beschreibung des Vorschlags für die Region.", "kommunikationsinfrastruktur", "mendig", null));
        if (publish)
        {
            await connections.PublishAsync(result.IdeaId!.Value);
        }

        return result.IdeaId!.Value;
    }
}
