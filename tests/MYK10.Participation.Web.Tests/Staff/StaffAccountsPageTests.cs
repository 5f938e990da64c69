using System.Net;
using Dapper;
using MYK10.Participation.Data;
using MYK10.Participation.Staff;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Staff;

/// <summary>/admin/mitarbeitende: admins deactivate and activate staff accounts and reset a lost second factor.</summary>
public sealed class StaffAccountsPageTests
{
    private const string Page = "/admin/mitarbeitende";

    private static string Form(string handler, long id) => $"form[action='{Page}?id={id}&handler={handler}']";

    private static async Task<long> IdAsync(SiteFactory site, string email) => (await site.Get<StaffStore>().FindIdAsync(email))!.Value;

    [Fact]
    public async Task Deactivating_EndsTheModeratorsOpenSession_AndActivatingLetsThemBackIn_EachInTheAdminLog()
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" });
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var moderatorEmail = await site.CreateStaffAsync(StaffRole.Moderator);
        var moderator = site.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.PostFormAsync("/staff/anmelden", new() { ["Input.Email"] = moderatorEmail, ["Input.Password"] = TestPasswords.Staff })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync("/moderation")).StatusCode);
        var id = await IdAsync(site, moderatorEmail);

        var list = await admin.GetDocumentAsync(Page);
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == moderatorEmail);
        Assert.Equal(["Moderation", "aktiv", "nicht eingerichtet"], row.QuerySelectorAll("td").Take(3).Select(c => c.TextContent.Trim()));
        Assert.Equal($"Deaktivieren ({moderatorEmail})", row.QuerySelector("button")!.TextContent.Trim());

        using (var deactivated = await admin.PostFormAsync(Page, [], Form("Deactivate", id)))
        {
            Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        }

        var after = await admin.GetDocumentAsync(Page);
        Assert.Equal($"Das Konto {moderatorEmail} ist deaktiviert. Offene Sitzungen dieses Kontos sind beendet.", after.QuerySelector("p.notice[role=status]")!.TextContent.Trim());
        Assert.Equal("deaktiviert", after.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == moderatorEmail).QuerySelectorAll("td")[1].TextContent.Trim());
        using (var shut = await moderator.GetAsync("/moderation"))
        {
            Assert.Equal(HttpStatusCode.Redirect, shut.StatusCode);
            Assert.Equal("/staff/anmelden", shut.Headers.Location!.AbsolutePath);
        }

        using (var activated = await admin.PostFormAsync(Page, [], Form("Activate", id)))
        {
            Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
        }

        Assert.Equal(SignInStatus.Succeeded, (await site.Get<StaffService>().SignInAsync(moderatorEmail, TestPasswords.Staff)).Status);
        await using var connection = await site.Get<IDbConnectionFactory>().OpenAsync();
        var log = (await connection.QueryAsync<(string Action, string StaffEmail)>(
            "SELECT action, staff_email FROM admin_log WHERE target_type = 'staff' AND target_id = @Id AND action <> 'create' ORDER BY id", new { Id = id })).ToList();
        Assert.Equal(["deactivate", "activate"], log.Select(entry => entry.Action));
        Assert.All(log, entry => Assert.StartsWith("admin-", entry.StaffEmail, StringComparison.Ordinal));
        // Staff accounts are never deleted: the log links each entry to the page of the accounts.
        var protokoll = await admin.GetDocumentAsync("/admin/protokoll");
        Assert.Contains(protokoll.QuerySelectorAll("main a"), a => a.GetAttribute("href") == Page);
    }

    [Fact]
    public async Task OwnAccount_HasNoButton_AndAForgedDeactivationIsRefusedInGerman()
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" });
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var list = await admin.GetDocumentAsync(Page);
        var own = list.QuerySelectorAll("tbody tr").Single();
        Assert.NotEqual("noch nie", own.QuerySelectorAll("td")[3].TextContent.Trim());
        Assert.Equal("Ihr eigenes Konto", own.QuerySelectorAll("td").Last().TextContent.Trim());
        var ownId = await IdAsync(site, own.QuerySelector("th")!.TextContent);
        // The form of another account, aimed at one's own.
        await site.CreateStaffAsync(StaffRole.Moderator);
        var document = await admin.GetDocumentAsync(Page);
        document.QuerySelector("form[action*='handler=Deactivate']")!.SetAttribute("action", $"{Page}?id={ownId}&handler=Deactivate");

        using var refused = await admin.SubmitFormAsync(document, Page, [], $"form[action='{Page}?id={ownId}&handler=Deactivate']");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadDocumentAsync();
        Assert.Contains("Ihr eigenes Konto können Sie hier nicht deaktivieren.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SignInStatus.Succeeded, (await site.Get<StaffService>().SignInAsync(own.QuerySelector("th")!.TextContent, TestPasswords.Staff)).Status);
    }

    [Fact]
    public async Task ResettingTheSecondFactor_LetsTheMemberSignInWithThePasswordAlone()
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" });
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var email = await site.CreateStaffAsync(StaffRole.Moderator);
        var id = await IdAsync(site, email);
        var twoFactor = site.Get<TwoFactorService>();
        Assert.True(await twoFactor.ConfirmEnrolmentAsync(id, twoFactor.CurrentCode((await twoFactor.BeginEnrolmentAsync(id))!)));
        var row = (await admin.GetDocumentAsync(Page)).QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == email);
        Assert.Equal("eingerichtet", row.QuerySelectorAll("td")[2].TextContent.Trim());

        using (var reset = await admin.PostFormAsync(Page, [], Form("ResetTwoFactor", id)))
        {
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        }

        Assert.False(await twoFactor.IsEnabledAsync(id));
        var after = await admin.GetDocumentAsync(Page);
        Assert.StartsWith($"Der zweite Faktor von {email} ist zurückgesetzt.", after.QuerySelector("p.notice")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(after.QuerySelector(Form("ResetTwoFactor", id)));
    }

    [Fact]
    public async Task DemotingAnAdmin_EndsTheirSession_AndSignedInAgainTheyNoLongerReachTheAdminPages()
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" });
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var email = await site.CreateStaffAsync(StaffRole.Admin);
        var demoted = await site.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await demoted.GetAsync(Page)).StatusCode);
        var row = (await admin.GetDocumentAsync(Page)).QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == email);
        var form = row.QuerySelectorAll("form").Single(f => f.GetAttribute("action")!.Contains("handler=Role", StringComparison.Ordinal));
        Assert.Equal($"Rolle Moderation geben ({email})", form.QuerySelector("button")!.TextContent.Trim());

        using (var changed = await admin.PostFormAsync(Page, [], $"form[action='{form.GetAttribute("action")}']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        var after = await admin.GetDocumentAsync(Page);
        Assert.StartsWith($"{email} hat jetzt die Rolle Moderation. Offene Sitzungen dieses Kontos sind beendet", after.QuerySelector("p.notice[role=status]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Moderation", after.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == email).QuerySelector("td")!.TextContent.Trim());
        Assert.False(await demoted.IsSignedInAsync());
        var again = await site.SignInAsync(email);
        using (var denied = await again.GetAsync(Page))
        {
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Equal("/staff/kein-zugriff", new Uri(again.BaseAddress!, denied.Headers.Location!).AbsolutePath);
        }

        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/moderation")).StatusCode);
        await using var connection = await site.Get<IDbConnectionFactory>().OpenAsync();
        var log = await connection.QuerySingleAsync<(string Before, string After, string StaffEmail)>(
            "SELECT before_json, after_json, staff_email FROM admin_log WHERE target_type = 'staff' AND target_id = @Id AND action = 'update'", new { Id = await IdAsync(site, email) });
        Assert.Equal(("""{"role":"admin"}""", """{"role":"moderator"}"""), (log.Before, log.After));
        Assert.StartsWith("admin-", log.StaffEmail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnRole_HasNoButton_AndAForgedChangeIsRefusedInGerman()
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" });
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var ownEmail = (await admin.GetDocumentAsync(Page)).QuerySelector("tbody th")!.TextContent;
        var ownId = await IdAsync(site, ownEmail);
        await site.CreateStaffAsync(StaffRole.Admin);
        var document = await admin.GetDocumentAsync(Page);
        var form = document.QuerySelectorAll("form").Single(f => f.GetAttribute("action")!.Contains("handler=Role", StringComparison.Ordinal));
        form.SetAttribute("action", $"{Page}?id={ownId}&role=moderator&handler=Role");

        using var refused = await admin.SubmitFormAsync(document, Page, [], $"form[action='{Page}?id={ownId}&role=moderator&handler=Role']");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Ihre eigene Rolle können Sie hier nicht ändern.", (await refused.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Page)).StatusCode);
    }

    [Fact]
    public async Task Moderators_CannotOpenThePage()
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" });
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);

        using var response = await moderator.GetAsync(Page);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
