using Microsoft.Playwright;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class IdeaBrowserTests(BrowserFixture browser, IdeaBrowserTests.Site site) : IClassFixture<IdeaBrowserTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site() => UseRealServer();
    }

    [Fact]
    public async Task SubmitForm_PassesAxe_EmptyAndWithErrors()
    {
        var page = await browser.OpenAsync(site);
        await page.SignInParticipantAsync(site);
        await page.GotoAsync("/ideen/neu");
        await page.AssertNoAxeViolationsAsync();

        await page.FillAsync("#Input_Title", "Bus");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        await page.AssertNoAxeViolationsAsync();
        await page.AssertOneH1AndNoHorizontalScrollAsync();
    }

    [Fact]
    public async Task AFormSentBackWithErrors_PutsTheKeyboardFocusOnItsErrorSummary()
    {
        var page = await browser.OpenAsync(site);
        await page.SignInParticipantAsync(site);
        await page.GotoAsync("/ideen/neu");

        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");

        Assert.True(await page.EvaluateAsync<bool>("document.activeElement === document.querySelector('.error-summary')"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("#Input_Title", await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));
    }

    [Fact]
    public async Task SimilarIdeasShownBeforeSubmitting_PassAxeOnAPhone_TheNoticeHasTheFocus_AndTheIdeaCanBeSentAnyway()
    {
        var connections = site.Get<IDbConnectionFactory>();
        var similar = await site.Get<IdeaService>().SubmitAsync(await connections.ParticipantAsync("Autorin"), new IdeaSubmission(
            "Offener Bücherschrank in Bendorf", "Ein offener Bücherschrank vor dem Rathaus, gefüllt von allen für alle.", "bildung", "bendorf", null));
        await connections.PublishAsync(similar.IdeaId!.Value);
        var page = await browser.OpenAsync(site, width: 360, height: 740);
        await page.SignInParticipantAsync(site);
        await page.GotoAsync("/ideen/neu");

        await page.FillAsync("#Input_Title", "Bücherschrank für die Stadtbücherei");
        await page.FillAsync("#Input_Body", "Ein Bücherschrank vor der Stadtbücherei, den alle füllen und leeren dürfen.");
        await page.SelectOptionAsync("#Input_FieldId", "bildung");
        await page.SelectOptionAsync("#Input_MunicipalityId", "bendorf");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync("#aehnliche-ideen .idea-card");

        Assert.True(await page.EvaluateAsync<bool>("document.activeElement === document.querySelector('main p.notice')"));
        await page.AssertNoAxeViolationsAsync();
        await page.AssertOneH1AndNoHorizontalScrollAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("#aehnliche-ideen", await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));
        Assert.Equal("Bücherschrank für die Stadtbücherei", await page.InputValueAsync("#Input_Title"));

        // A look at a similar idea and back: the page is as it was, not a browser's offer to send the form again.
        await page.ClickAsync("#aehnliche-ideen .idea-card a");
        await page.WaitForURLAsync($"**/ideen/{similar.IdeaId}");
        await page.GoBackAsync();
        Assert.Equal("Bücherschrank für die Stadtbücherei", await page.InputValueAsync("#Input_Title"));
        Assert.True(await page.IsVisibleAsync("#aehnliche-ideen .idea-card"));

        await page.ClickAsync("main form button:has-text('Idee trotzdem einreichen')");
        await page.WaitForURLAsync("**/ideen/eingereicht/**");
    }

    [Fact]
    public async Task ListWithFilters_Detail_Report_AndAccount_PassAxe()
    {
        var idea = await PublishedIdeaAsync("Glasfaser für Vordereifel", "vordereifel");
        var page = await browser.OpenAsync(site);
        await page.SignInParticipantAsync(site);
        await page.GotoAsync("/ideen?gemeinde=vordereifel&feld=kommunikationsinfrastruktur&q=glasfaser");
        Assert.Equal(1, await page.Locator(".idea-card").CountAsync());
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync("/ideen?q=nichtsdergleichen");
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync($"/ideen/{idea}");
        await page.ClickAsync("form[action*='handler=Support'] button");
        await page.WaitForSelectorAsync("p.notice");
        // Just supported, with answer mails off: the support box points to the account's setting.
        Assert.True(await page.IsVisibleAsync("#unterstuetzen a[href='/konto#benachrichtigungen']"));
        await page.AssertNoAxeViolationsAsync();
        await page.FillAsync("#Input_Comment", "Sehr gute Idee, bitte schnell umsetzen.");
        await page.ClickAsync("form#kommentieren button");
        await page.WaitForSelectorAsync(".comment-list");
        await page.AssertNoAxeViolationsAsync();
        await page.AssertOneH1AndNoHorizontalScrollAsync();

        await page.GotoAsync($"/ideen/{idea}/melden");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync("/konto");
        await page.AssertNoAxeViolationsAsync();
        await page.GotoAsync("/");
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task ScriptInAnIdea_NeverRuns()
    {
        var idea = await PublishedIdeaAsync("<img src=x onerror=alert(1)><script>alert(2)</script>", "mayen");
        var page = await browser.OpenAsync(site);
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        await page.GotoAsync($"/ideen/{idea}", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.GotoAsync("/ideen", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Equal(0, dialogs);
        Assert.Contains("<script>alert(2)</script>", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main img").CountAsync());
    }

    [Fact]
    public async Task SignIn_Submit_SeePendingInAccount_WithTheKeyboardAlone()
    {
        var page = await browser.OpenAsync(site);
        await page.GotoAsync("/ideen/neu");
        await page.WaitForURLAsync("**/konto/anmelden**");
        await page.FocusAsync("#Input_Email");
        await page.Keyboard.TypeAsync("tastatur-idee@example.org");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/konto/link-gesendet");
        await page.GotoAsync(await site.WaitForSignInLinkAsync("tastatur-idee@example.org"));
        await page.FocusAsync("main form button");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/konto/profil**");
        await page.FocusAsync("#Input_AcceptPrivacy");
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync("button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/ideen/neu");

        await page.FocusAsync("#Input_Title");
        await page.Keyboard.TypeAsync("Digitale Mitfahrbank in Kruft");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Eine digitale Mitfahrbank zeigt an, wer in welche Richtung mitgenommen werden möchte.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Verkehr");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Verbandsgemeinde Pellenz");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Kruft, Marktplatz");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/ideen/eingereicht/**");
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync("/konto");
        var account = await page.InnerTextAsync("main");
        Assert.Contains("Digitale Mitfahrbank in Kruft", account, StringComparison.Ordinal);
        Assert.Contains("wird geprüft", account, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PendingIdea_EditWithAnError_AndWithdrawal_PassAxeOnAPhone_WithTheKeyboard()
    {
        var page = await browser.OpenAsync(site, width: 360, height: 740);
        var author = await page.SignInParticipantAsync(site);
        var submitted = await site.Get<IdeaService>().SubmitAsync(author, new IdeaSubmission(
            "Eine Seilbahn auf den Hochsimmer bei Ettringen", "Eine Seilbahn brächte Gäste ohne Auto auf den Berg.", "tourismus", "vordereifel", null));
        var id = submitted.IdeaId!.Value;
        await page.GotoAsync("/konto");
        await page.AssertOneH1AndNoHorizontalScrollAsync();

        await page.ClickAsync($"main a[href='/ideen/{id}/bearbeiten']");
        await page.FillAsync("#Input_Title", "Bus");
        await page.FocusAsync("#Input_Place");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".error-summary");
        Assert.True(await page.EvaluateAsync<bool>("document.activeElement === document.querySelector('.error-summary')"));
        await page.AssertNoAxeViolationsAsync();
        await page.AssertOneH1AndNoHorizontalScrollAsync();

        await page.GotoAsync($"/ideen/{id}/zurueckziehen");
        await page.AssertNoAxeViolationsAsync();
        await page.AssertOneH1AndNoHorizontalScrollAsync();
        await page.FocusAsync("main form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/ideen/zurueckgezogen");
        await page.AssertNoAxeViolationsAsync();
        Assert.Null(await site.Get<IdeaStore>().FindAsync(id));
    }

    private async Task<long> PublishedIdeaAsync(string title, string municipality)
    {
        var connections = site.Get<IDbConnectionFactory>();
        var author = await connections.ParticipantAsync("Autorin");
        var result = await site.Get<IdeaService>().SubmitAsync(author, new IdeaSubmission(title, "Schnelles Internet für alle Ortsteile, auch die kleinen.", "kommunikationsinfrastruktur", municipality, null));
        await connections.PublishAsync(result.IdeaId!.Value);
        return result.IdeaId.Value;
    }
}
