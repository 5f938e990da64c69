using System.Net;
using Dapper;
using MYK10.Participation.Data;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Participants;

public sealed class SignInFlowTests
{
    [Fact]
    public async Task EmailLink_EndToEndThroughTheRealSmtpServer_SignsInOnce()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var site = new SiteFactory(smtp.Settings());
        var client = site.CreateBrowserLikeClient();

        using var request = await client.PostFormAsync("/konto/anmelden", new() { ["Input.Email"] = "erika@example.org" });
        Assert.Equal("/konto/link-gesendet", request.Headers.Location!.OriginalString);

        var mail = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal("erika@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Equal("Ihr Anmeldelink für die MYK10 Bürgerbeteiligung", mail.Subject);
        var body = mail.TextBody!;
        var start = body.IndexOf("http://localhost/konto/link/", StringComparison.Ordinal);
        Assert.True(start >= 0, body);
        var link = new Uri(body[start..body.IndexOfAny(['\r', '\n'], start)]).PathAndQuery;
        Assert.Contains(link, mail.HtmlBody, StringComparison.Ordinal);
        // The mail shows a link, not a button: its fallback line must say so.
        Assert.Contains("Falls der Link nicht funktioniert", mail.HtmlBody, StringComparison.Ordinal);

        var confirm = await client.GetDocumentAsync(link);
        Assert.Equal("Anmeldung bestätigen", confirm.QuerySelector("h1")!.TextContent);
        using var signIn = await client.PostFormAsync(link, []);
        Assert.StartsWith("/konto/profil", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var profile = await client.PostFormAsync(signIn.Headers.Location.OriginalString, new()
        {
            ["Input.DisplayName"] = "Erika aus Mendig",
            ["Input.MunicipalityId"] = "mendig",
            ["Input.AcceptPrivacy"] = "true",
        });
        Assert.Equal("/konto", profile.Headers.Location!.OriginalString);
        var account = await client.GetDocumentAsync("/konto");
        Assert.Contains("Erika aus Mendig", account.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Verbandsgemeinde Mendig", account.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The same link a second time, even from another browser, signs nobody in.
        var stranger = site.CreateBrowserLikeClient();
        using var again = await stranger.PostWithTokenAsync("/konto/anmelden", link, []);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Equal("Der Anmeldelink wurde schon verwendet", (await again.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
        using var strangersAccount = await stranger.GetAsync("/konto");
        Assert.Equal(HttpStatusCode.Redirect, strangersAccount.StatusCode);

        await using var connection = await site.Get<IDbConnectionFactory>().OpenAsync();
        var row = await connection.QuerySingleAsync<(string? Confirmed, string Version)>(
            "SELECT email_confirmed_at, privacy_version FROM participants WHERE email = 'erika@example.org'");
        Assert.NotNull(row.Confirmed);
        Assert.Equal("2026-11", row.Version);
        var hashes = (await connection.QueryAsync<string>("SELECT token_hash FROM login_tokens")).ToList();
        Assert.DoesNotContain(hashes, h => link.Contains(h, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExpiredLink_IsRefusedWithAClearPage()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var site = new SiteFactory { Clock = clock };
        var client = site.CreateBrowserLikeClient();
        await client.PostFormAsync("/konto/anmelden", new() { ["Input.Email"] = "spaet@example.org" });
        var link = await site.WaitForSignInLinkAsync("spaet@example.org");

        clock.Advance(TimeSpan.FromMinutes(31));
        var page = await client.GetDocumentAsync(link);
        using var response = await client.PostWithTokenAsync("/konto/anmelden", link, []);

        Assert.Equal("Der Anmeldelink ist abgelaufen", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("Der Anmeldelink ist abgelaufen", (await response.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
        using var account = await client.GetAsync("/konto");
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
    }

    [Fact]
    public async Task UnknownAndKnownAddresses_GetTheSameAnswer()
    {
        await using var site = new SiteFactory();
        await site.ParticipantClientAsync("bekannt@example.org");
        var client = site.CreateBrowserLikeClient();

        using var known = await client.PostFormAsync("/konto/anmelden", new() { ["Input.Email"] = "bekannt@example.org" });
        using var unknown = await client.PostFormAsync("/konto/anmelden", new() { ["Input.Email"] = "neu@example.org" });

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
    }

    [Fact]
    public async Task SixthLinkWithinAnHour_IsRefusedWithGermanMessage()
    {
        await using var site = new SiteFactory();
        var client = site.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++)
        {
            using var ok = await client.PostFormAsync("/konto/anmelden", new() { ["Input.Email"] = "eilig@example.org" });
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        using var refused = await client.PostFormAsync("/konto/anmelden", new() { ["Input.Email"] = "Eilig@Example.org" });
        var document = await refused.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("schon 5 Anmeldelinks", document.QuerySelector("#Input_Email-error")!.TextContent, StringComparison.Ordinal);
        await using var connection = await site.Get<IDbConnectionFactory>().OpenAsync();
        Assert.Equal(5, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM login_tokens"));
    }

    [Fact]
    public async Task InvalidEmail_GivesGermanMessageAndKeepsInput()
    {
        await using var site = new SiteFactory();
        var client = site.CreateBrowserLikeClient();

        using var response = await client.PostFormAsync("/konto/anmelden", new() { ["Input.Email"] = "keine-adresse" });
        var document = await response.ReadDocumentAsync();

        Assert.StartsWith("Bitte geben Sie eine gültige E-Mail-Adresse an", document.QuerySelector("#Input_Email-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("keine-adresse", document.QuerySelector("#Input_Email")!.GetAttribute("value"));

        // Refused by two of the field's rules at once, with the same message: the summary names the problem once.
        using var twice = await client.PostFormAsync("/konto/anmelden", new() { ["Input.Email"] = "kein@" });
        var summary = (await twice.ReadDocumentAsync()).QuerySelectorAll(".error-summary li");
        Assert.StartsWith("Bitte geben Sie eine gültige E-Mail-Adresse an", Assert.Single(summary).TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddressNoMailCanBeSentTo_GivesGermanMessage_AndQueuesNothing()
    {
        await using var site = new SiteFactory();
        var client = site.CreateBrowserLikeClient();

        using var response = await client.PostFormAsync("/konto/anmelden", new() { ["Input.Email"] = "max mustermann@example.org" });
        var document = await response.ReadDocumentAsync();
        // The dot of the host forgotten on a phone's keyboard: no mail server on the internet has that name.
        using var noDot = await client.PostFormAsync("/konto/anmelden", new() { ["Input.Email"] = "max@webde" });

        Assert.StartsWith("Bitte geben Sie eine gültige E-Mail-Adresse an", document.QuerySelector("#Input_Email-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Bitte geben Sie eine gültige E-Mail-Adresse an", (await noDot.ReadDocumentAsync()).QuerySelector("#Input_Email-error")!.TextContent.Trim(), StringComparison.Ordinal);
        await using var connection = await site.Get<IDbConnectionFactory>().OpenAsync();
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM mail_outbox"));
    }

    [Fact]
    public async Task Profile_IsRequiredBeforeTheAccount_AndValidatesInGerman()
    {
        await using var site = new SiteFactory();
        var token = await site.Get<MYK10.Participation.Participants.SignInLinkService>().RequestAsync("profil@example.org", false, null);
        var client = site.CreateBrowserLikeClient();
        await client.PostFormAsync($"/konto/link/{token}", []);

        using var account = await client.GetAsync("/konto");
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.StartsWith("/konto/profil", account.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var invalid = await client.PostFormAsync("/konto/profil", new()
        {
            ["Input.DisplayName"] = "Die Moderation",
            ["Input.MunicipalityId"] = "atlantis",
        });
        var document = await invalid.ReadDocumentAsync();
        Assert.Contains("vorbehalten", document.QuerySelector("#Input_DisplayName-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("aus der Liste", document.QuerySelector("#Input_MunicipalityId-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Datenschutzerklärung", document.QuerySelector("#Input_AcceptPrivacy-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Die Moderation", document.QuerySelector("#Input_DisplayName")!.GetAttribute("value"));

        using var anonymous = await client.PostFormAsync("/konto/profil", new() { ["Input.DisplayName"] = "", ["Input.AcceptPrivacy"] = "true" });
        Assert.Equal("/konto", anonymous.Headers.Location!.OriginalString);
        Assert.Contains("anonym", (await client.GetDocumentAsync("/konto")).QuerySelector("main dl")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_EndsTheParticipantSession()
    {
        await using var site = new SiteFactory();
        var (client, _) = await site.ParticipantClientAsync();

        using var signOut = await client.PostFormAsync("/konto", []);
        using var after = await client.GetAsync("/konto");

        Assert.StartsWith("/konto/anmelden", signOut.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task ParticipantSession_DoesNotOpenStaffPages()
    {
        await using var site = new SiteFactory();
        var (client, _) = await site.ParticipantClientAsync();

        using var staff = await client.GetAsync("/staff");
        using var jobs = await client.GetAsync("/admin/jobs");

        Assert.StartsWith("/staff/anmelden", staff.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/staff/anmelden", jobs.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
