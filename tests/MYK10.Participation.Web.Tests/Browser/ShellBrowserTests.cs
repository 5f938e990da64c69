using Microsoft.Playwright;
using MYK10.Participation.Staff;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ShellBrowserTests(BrowserFixture browser, ShellBrowserTests.Site site) : IClassFixture<ShellBrowserTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site() => UseRealServer();
    }

    public static TheoryData<string> PublicPages => ["/", "/datenschutz", "/impressum", "/regeln", "/barrierefreiheit", "/staff/anmelden", "/gibt-es-nicht"];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task PublicPage_PassesAxe_OnDesktopAndPhone(string url)
    {
        var page = await browser.OpenAsync(site);
        await page.GotoAsync(url);
        await page.AssertNoAxeViolationsAsync();
        await page.AssertOneH1AndNoHorizontalScrollAsync();

        var phone = await browser.OpenAsync(site, width: 360, height: 740);
        await phone.GotoAsync(url);
        await phone.AssertNoAxeViolationsAsync();
        await phone.AssertOneH1AndNoHorizontalScrollAsync();
    }

    [Fact]
    public async Task StartPage_LoadsNothingFromOtherHostsAndBreaksNoCsp()
    {
        var page = await browser.OpenAsync(site);
        var requests = new List<string>();
        var consoleErrors = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };

        await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.NotEmpty(requests);
        Assert.All(requests, url => Assert.StartsWith(site.ServerAddress.GetLeftPart(UriPartial.Authority), url, StringComparison.Ordinal));
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task SkipLink_IsTheFirstTabStop_AndMovesFocusToTheContent()
    {
        var page = await browser.OpenAsync(site);
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Zum Inhalt springen", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.getBoundingClientRect().top >= 0"), "skip link visible when focused");

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("inhalt", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Fact]
    public async Task FocusedLink_HasAVisibleOutline()
    {
        var page = await browser.OpenAsync(site);
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");

        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.Equal("solid", outline);
    }

    [Fact]
    public async Task StaffSignIn_WithTheKeyboardAlone_ReachesTheStaffArea_AndErrorsPassAxe()
    {
        var email = await site.CreateStaffAsync(StaffRole.Admin);
        var page = await browser.OpenAsync(site);
        await page.GotoAsync("/staff/anmelden");

        // First a wrong password: the error state must be accessible too.
        await page.FocusAsync("#Input_Email");
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("falsch-falsch-falsch");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".error-summary");
        await page.AssertNoAxeViolationsAsync();

        await page.FocusAsync("#Input_Password");
        await page.Keyboard.TypeAsync(TestPasswords.Staff);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/staff");

        Assert.Contains(email, await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task AdminPages_PassAxe()
    {
        var page = await browser.OpenAsStaffAsync(site, StaffRole.Admin);

        await page.GotoAsync("/admin");
        await page.AssertNoAxeViolationsAsync();
        await page.AssertOneH1AndNoHorizontalScrollAsync();

        var dashboard = await page.GotoAsync("/admin/jobs");
        Assert.Equal(200, dashboard!.Status);
    }
}
