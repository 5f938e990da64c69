using MYK10.Participation.Ideas;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AccountBrowserTests(BrowserFixture browser, AccountBrowserTests.Site site) : IClassFixture<AccountBrowserTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site() => UseRealServer();
    }

    [Fact]
    public async Task SignInPages_PassAxe_EmptyAndWithErrors()
    {
        var page = await browser.OpenAsync(site);
        await page.GotoAsync("/konto/anmelden");
        await page.AssertNoAxeViolationsAsync();

        await page.FillAsync("#Input_Email", "keine-adresse");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        await page.AssertNoAxeViolationsAsync();
        await page.AssertOneH1AndNoHorizontalScrollAsync();

        await page.GotoAsync("/konto/link/ungueltig");
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task AccountPage_WithALongOwnIdeaTitle_FitsAPhoneScreen()
    {
        const string title = "Breitbandinfrastrukturausbaubeschleunigungsgesetzgebungsverfahren für Verbandsgemeinden";
        var page = await browser.OpenAsync(site, width: 360, height: 740);
        var participant = await page.SignInParticipantAsync(site);
        var submitted = await site.Get<IdeaService>().SubmitAsync(participant, new IdeaSubmission(title, "Ein Vorschlag mit einer ausführlichen Beschreibung für die ganze Region.", "kommunikationsinfrastruktur", "mendig", null));
        Assert.NotNull(submitted.IdeaId);

        await page.GotoAsync("/konto");

        Assert.Contains(title, await page.InnerTextAsync(".own-list"), StringComparison.Ordinal);
        await page.AssertOneH1AndNoHorizontalScrollAsync();
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task AnswerMailSetting_SavedOnAPhone_ShowsItsNotice_AndPassesAxe()
    {
        var page = await browser.OpenAsync(site, width: 360, height: 740);
        await page.SignInParticipantAsync(site);
        await page.GotoAsync("/konto");

        // On from the start; a click on the label switches it off.
        await page.ClickAsync("label[for=Input_SupportedAnswerMails]");
        await page.ClickAsync("form[action*='handler=Notifications'] button[type=submit]");
        await page.WaitForURLAsync("**/konto?hinweis=gespeichert#benachrichtigungen");

        Assert.False(await page.IsCheckedAsync("#Input_SupportedAnswerMails"));
        Assert.StartsWith("Gespeichert: Sie erhalten keine E-Mails", await page.InnerTextAsync("#benachrichtigungen ~ .notice"), StringComparison.Ordinal);
        await page.AssertOneH1AndNoHorizontalScrollAsync();
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task WholeFlow_WithTheKeyboardAlone_EndsOnTheAccountPage()
    {
        var page = await browser.OpenAsync(site, width: 390, height: 800);
        await page.GotoAsync("/konto/anmelden");
        await page.FocusAsync("#Input_Email");
        await page.Keyboard.TypeAsync("tastatur@example.org");
        await page.TabToAsync("#Input_StaySignedIn");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.IsCheckedAsync("#Input_StaySignedIn"));
        await page.TabToAsync("button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/konto/link-gesendet");
        await page.AssertNoAxeViolationsAsync();

        var link = await site.WaitForSignInLinkAsync("tastatur@example.org");
        await page.GotoAsync(link);
        await page.AssertNoAxeViolationsAsync();
        await page.TabToAsync("button", "Jetzt anmelden");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/konto/profil**");
        await page.AssertNoAxeViolationsAsync();

        await page.FocusAsync("#Input_DisplayName");
        await page.Keyboard.TypeAsync("Tastatur-Tina");
        await page.TabToAsync("#Input_AcceptPrivacy");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.IsCheckedAsync("#Input_AcceptPrivacy"));
        await page.TabToAsync("button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/konto");

        Assert.Contains("Tastatur-Tina", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.AssertNoAxeViolationsAsync();
        await page.AssertOneH1AndNoHorizontalScrollAsync();
    }
}
