using Microsoft.Playwright;
using MYK10.Participation.Staff;

namespace MYK10.Participation.Web.Tests.Infrastructure;

/// <summary>Signs a Playwright page in as a new staff member through the real sign-in form.</summary>
public static class StaffSignIn
{
    public static async Task<IPage> OpenAsStaffAsync(this BrowserFixture browser, SiteFactory site, StaffRole role, int width = 1280, int height = 900)
    {
        var page = await browser.OpenAsync(site, width, height);
        await page.SignInStaffAsync(site, role);
        return page;
    }

    /// <summary>Creates a staff account with <paramref name="role"/> and signs this page in through the sign-in form.</summary>
    public static async Task SignInStaffAsync(this IPage page, SiteFactory site, StaffRole role)
    {
        var email = await site.CreateStaffAsync(role);
        await page.GotoAsync("/staff/anmelden");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", TestPasswords.Staff);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/staff");
    }
}
