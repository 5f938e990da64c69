using MYK10.Participation.Digests;
using MYK10.Participation.Staff;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AdminLogBrowserTests(BrowserFixture browser, AdminLogBrowserTests.Site site) : IClassFixture<AdminLogBrowserTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site() => UseRealServer();
    }

    [Fact]
    public async Task AdminLog_WithEntriesAndEmpty_PassesAxe_OnDesktopAndPhone()
    {
        var councils = site.Get<CouncilStore>();
        var (_, council) = await councils.CreateAsync(new CouncilInput("Verbandsgemeinderat Pellenz", "pellenz", Council.DefaultCron, true, false));
        await councils.AddRecipientAsync(council, "Jonas Beispiel", "jonas.beispiel@pellenz.de");
        var (_, gone) = await councils.CreateAsync(new CouncilInput("Stadtrat Bendorf", "bendorf", Council.DefaultCron, true, false));
        await councils.DeleteAsync(gone);
        foreach (var (width, height) in new[] { (1280, 900), (360, 740) })
        {
            var page = await browser.OpenAsStaffAsync(site, StaffRole.Admin, width, height);
            foreach (var url in new[] { "/admin/protokoll", "/admin/protokoll?art=staff&person=niemand%40kvmyk.de" })
            {
                var response = await page.GotoAsync(url);
                Assert.Equal(200, response!.Status);
                await page.AssertNoAxeViolationsAsync();
                await page.AssertOneH1AndNoHorizontalScrollAsync();
            }
        }
    }

    [Fact]
    public async Task KindFilter_IsAPlainGetForm_AndKeepsToItsKind()
    {
        await site.Get<CouncilStore>().CreateAsync(new CouncilInput("Stadtrat Andernach", "andernach", Council.DefaultCron, true, false));
        var page = await browser.OpenAsStaffAsync(site, StaffRole.Admin);
        await page.GotoAsync("/admin/protokoll");

        await page.SelectOptionAsync("#art", "council");
        await page.ClickAsync("main form.filters button[type=submit]");
        await page.WaitForURLAsync("**/admin/protokoll?art=council*");

        var targets = await page.Locator("main table tbody td:nth-child(4)").AllTextContentsAsync();
        Assert.NotEmpty(targets);
        Assert.All(targets, t => Assert.StartsWith("Gremium Nr. ", t.Trim(), StringComparison.Ordinal));
    }
}
