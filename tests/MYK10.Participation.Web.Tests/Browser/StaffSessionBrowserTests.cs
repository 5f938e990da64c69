using MYK10.Participation.Staff;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Browser;

/// <summary>A staff member who writes in a form for longer than the idle limit stays signed in, with the page's script.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffSessionBrowserTests(BrowserFixture browser, StaffSessionBrowserTests.Site site) : IClassFixture<StaffSessionBrowserTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site() : base(new() { ["Staff:IdleTimeout"] = "00:00:06" }) => UseRealServer();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WritingInAForm_LongerThanTheIdleLimit_KeepsTheSessionOpen_OnlyWithTheScript(bool script)
    {
        var page = await browser.OpenAsStaffAsync(site, StaffRole.Moderator);
        if (!script)
        {
            await page.RouteAsync("**/js/staff-session.js*", route => route.AbortAsync());
        }

        await page.GotoAsync("/barrierefreiheit");
        await page.FocusAsync("#Input_Message");
        for (var second = 0; second < 10; second++)
        {
            await page.Keyboard.TypeAsync("x");
            await page.WaitForTimeoutAsync(1000);
        }

        await page.GotoAsync("/staff");
        Assert.Equal(script, !page.Url.Contains("/staff/anmelden", StringComparison.Ordinal));
    }
}
