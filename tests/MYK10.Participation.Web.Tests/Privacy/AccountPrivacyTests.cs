using System.Net;
using System.Text.Json;
using Dapper;
using MYK10.Participation.Data;
using MYK10.Participation.Privacy;
using MYK10.Participation.Staff;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Privacy;

public sealed class AccountPrivacyTests(AccountPrivacyTests.Site site) : IClassFixture<AccountPrivacyTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site() : base(new() { ["Jobs:Server"] = "false" })
        {
        }
    }

    [Fact]
    public async Task DataPage_ShowsTheAccount_AndTheJsonDownloadHoldsTheSameData()
    {
        var email = $"export-{Guid.NewGuid():N}@example.org";
        var (client, id) = await site.ParticipantClientAsync(email, "Erika Export", "mayen");

        var page = await client.GetDocumentAsync("/konto/daten");
        using var download = await client.GetAsync("/konto/daten?handler=Json");

        Assert.Contains(email, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Stadt Mayen", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        Assert.Equal(id, json.RootElement.GetProperty("participant_id").GetInt64());
        var account = json.RootElement.GetProperty("account")[0];
        Assert.Equal(email, account.GetProperty("email").GetString());
        Assert.Equal("Erika Export", account.GetProperty("display_name").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("consents").GetArrayLength());
    }

    [Fact]
    public async Task DataPages_RequireASignedInParticipant()
    {
        var anonymous = site.CreateBrowserLikeClient();

        foreach (var url in new[] { "/konto/daten", "/konto/daten?handler=Json", "/konto/loeschen" })
        {
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/konto/anmelden", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Delete_NeedsConfirmation_ThenErasesAndEndsEverySessionOfThatAccount()
    {
        var email = $"loeschen-{Guid.NewGuid():N}@example.org";
        var (client, id) = await site.ParticipantClientAsync(email, "Lotte Loesch");
        // The same person signed in on a second device.
        var (otherDevice, sameId) = await site.ParticipantClientAsync(email);
        Assert.Equal(id, sameId);

        using var unconfirmed = await client.PostFormAsync("/konto/loeschen", []);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.NotNull((await unconfirmed.ReadDocumentAsync()).QuerySelector(".error-summary, [role=alert]"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/konto")).StatusCode);

        using var confirmed = await client.PostFormAsync("/konto/loeschen", new() { ["Input.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/konto/geloescht", confirmed.Headers.Location!.OriginalString);

        await using (var connection = await site.Get<IDbConnectionFactory>().OpenAsync())
        {
            var row = await connection.QuerySingleAsync<(string? Email, string? Name, string? DeletedAt)>(
                "SELECT email, display_name, deleted_at FROM participants WHERE id = @Id", new { Id = id });
            Assert.Equal((null, null), (row.Email, row.Name));
            Assert.NotNull(row.DeletedAt);
        }

        foreach (var device in new[] { client, otherDevice })
        {
            using var account = await device.GetAsync("/konto");
            Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
            Assert.StartsWith("/konto/anmelden", account.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AdminSetsTheEndOfThePhase_AndCanClearIt()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var lastDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(120).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // A day so far back that the notice could not go out in time is refused: it would delete every account unannounced.
        using var tooEarly = await admin.PostFormAsync("/admin/phase", new() { ["Input.EndDate"] = "2020-01-01" });
        Assert.Equal(HttpStatusCode.OK, tooEarly.StatusCode);
        Assert.StartsWith("Dieser Tag liegt zu weit zurück", (await tooEarly.ReadDocumentAsync()).QuerySelector("#Input_EndDate-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(await site.Get<PhaseStore>().GetAsync());

        using var saved = await admin.PostFormAsync("/admin/phase", new() { ["Input.EndDate"] = lastDay });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var phase = await site.Get<PhaseStore>().GetAsync();
        Assert.NotNull(phase);
        Assert.Equal(PhaseStore.EndOf(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture)), phase.EndsAt);
        Assert.Equal(0, phase.EndsAt.ToUniversalTime().Minute);
        Assert.Equal(lastDay, (await admin.GetDocumentAsync("/admin/phase")).QuerySelector("#Input_EndDate")!.GetAttribute("value"));

        using var cleared = await admin.PostFormAsync("/admin/phase", [], "form[action*='handler=Clear']");
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.Null(await site.Get<PhaseStore>().GetAsync());
    }
}

public sealed class StaffSessionTests
{
    [Fact]
    public async Task StaffSession_EndsAfterThirtyMinutesWithoutARequest_ButActivityKeepsItAlive()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" }) { Clock = clock };
        var admin = await site.StaffClientAsync(StaffRole.Admin);

        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(31));
        using var expired = await admin.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/staff/anmelden", expired.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
