using System.Net;
using MYK10.Participation.Staff;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Staff;

public sealed class StaffAccessTests(StaffAccessTests.Site site) : IClassFixture<StaffAccessTests.Site>
{
    public sealed class Site : SiteFactory;

    [Fact]
    public async Task SignIn_WithRightPassword_RedirectsToStaffArea()
    {
        var email = await site.CreateStaffAsync(StaffRole.Moderator);
        var client = site.CreateBrowserLikeClient();

        using var response = await client.PostFormAsync("/staff/anmelden", new() { ["Input.Email"] = email, ["Input.Password"] = TestPasswords.Staff });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff", response.Headers.Location!.OriginalString);

        var area = await client.GetDocumentAsync("/staff");
        Assert.Contains(email, area.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminStartPage_NamesItsLinkToTheVoteAdministration_UnlikeThePublicVotes()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);

        var page = await admin.GetDocumentAsync("/admin");

        LinkNames.AssertOneNameOneTarget(page);
        Assert.Equal("Abstimmungen verwalten", page.QuerySelector("main a[href='/admin/abstimmungen']")!.TextContent.Trim());
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsGermanErrorBesideTheFieldAndKeepsTheEmail()
    {
        var email = await site.CreateStaffAsync(StaffRole.Moderator);
        var client = site.CreateBrowserLikeClient();

        using var response = await client.PostFormAsync("/staff/anmelden", new() { ["Input.Email"] = email, ["Input.Password"] = "falsch-falsch-falsch" });
        var document = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("E-Mail-Adresse oder Passwort ist nicht korrekt.", document.QuerySelector("#Input_Password-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("true", document.QuerySelector("#Input_Password")!.GetAttribute("aria-invalid"));
        Assert.Equal("Input_Password-error", document.QuerySelector("#Input_Password")!.GetAttribute("aria-describedby"));
        Assert.Equal(email, document.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.NotNull(document.QuerySelector(".error-summary a[href='#Input_Password']"));
    }

    [Fact]
    public async Task SignIn_EmptyFields_GiveGermanRequiredMessages()
    {
        var client = site.CreateBrowserLikeClient();

        using var response = await client.PostFormAsync("/staff/anmelden", new() { ["Input.Email"] = "", ["Input.Password"] = "" });
        var document = await response.ReadDocumentAsync();

        Assert.Equal("Bitte füllen Sie das Feld „E-Mail-Adresse“ aus.", document.QuerySelector("#Input_Email-error")!.TextContent.Trim());
        Assert.Equal("Bitte füllen Sie das Feld „Passwort“ aus.", document.QuerySelector("#Input_Password-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccount()
    {
        var email = await site.CreateStaffAsync(StaffRole.Admin);
        var client = site.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/staff/anmelden", new() { ["Input.Email"] = email, ["Input.Password"] = "falsch-falsch-falsch" });
        }

        using var response = await client.PostFormAsync("/staff/anmelden", new() { ["Input.Email"] = email, ["Input.Password"] = TestPasswords.Staff });
        var document = await response.ReadDocumentAsync();
        // The same attempts for an address without an account give the same answer: the lockout does not tell who has one.
        var stranger = site.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++)
        {
            (await stranger.PostFormAsync("/staff/anmelden", new() { ["Input.Email"] = "niemand@kvmyk.de", ["Input.Password"] = "falsch-falsch-falsch" })).Dispose();
        }

        using var unknown = await stranger.PostFormAsync("/staff/anmelden", new() { ["Input.Email"] = "niemand@kvmyk.de", ["Input.Password"] = TestPasswords.Staff });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MYK10.Participation.Staff.SignInStatus.LockedOut, (await site.Get<MYK10.Participation.Staff.StaffService>().SignInAsync(email, TestPasswords.Staff)).Status);
        var message = document.QuerySelector("#Input_Password-error")!.TextContent.Trim();
        Assert.Contains("vorübergehend gesperrt", message, StringComparison.Ordinal);
        Assert.Equal(message, (await unknown.ReadDocumentAsync()).QuerySelector("#Input_Password-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task SignIn_PostWithoutAntiforgeryToken_IsRejected()
    {
        var email = await site.CreateStaffAsync(StaffRole.Admin);
        var client = site.CreateBrowserLikeClient();

        using var response = await client.PostAsync("/staff/anmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestPasswords.Staff,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("myk10.staff", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task JobsDashboard_Anonymous_RedirectsToSignIn()
    {
        using var response = await site.CreateBrowserLikeClient().GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/anmelden", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsDashboard_Moderator_IsForbidden()
    {
        var client = await site.StaffClientAsync(StaffRole.Moderator);

        using var response = await client.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/kein-zugriff", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var denied = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.DoesNotContain("Hangfire", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsDashboard_Admin_SeesTheDashboardWithTheRecurringOutboxJob()
    {
        var client = await site.StaffClientAsync(StaffRole.Admin);

        using var response = await client.GetAsync("/admin/jobs/recurring");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("mail-outbox", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/staff")]
    public async Task StaffPages_Anonymous_RedirectToSignIn(string url)
    {
        using var response = await site.CreateBrowserLikeClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/anmelden", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperationsPage_Admin_ShowsMailBacklog_ModeratorForbidden()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);

        var page = await admin.GetDocumentAsync("/admin");
        using var forbidden = await moderator.GetAsync("/admin");

        Assert.Contains("Wartende E-Mails", page.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.StartsWith("/staff/kein-zugriff", forbidden.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var client = await site.StaffClientAsync(StaffRole.Admin);

        using var signOut = await client.PostFormAsync("/staff", [], "form.sign-out");
        using var after = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/staff/anmelden", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
