using System.Net;
using System.Text.Json;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Shell;

public sealed class HealthAndErrorTests
{
    [Fact]
    public async Task Health_ReportsTheDatabase()
    {
        await using var site = new SiteFactory();

        using var response = await site.CreateBrowserLikeClient().GetAsync("/health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("ok", json.RootElement.GetProperty("database").GetProperty("status").GetString());
        Assert.True(json.RootElement.GetProperty("database").GetProperty("migrations").GetInt64() >= 3);
    }

    [Fact]
    public async Task TestSite_KeepsItsDataInItsOwnFolder()
    {
        await using var site = new SiteFactory();

        using var response = await site.CreateBrowserLikeClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(Path.Combine(site.DataDirectory, "participation.db")), "application database in the test folder");
        Assert.True(File.Exists(Path.Combine(site.DataDirectory, "jobs.db")), "job storage in the test folder");
    }

    [Fact]
    public async Task BrokenDatabase_GivesGerman500PageWithoutStackTrace_AndUnhealthy()
    {
        await using var site = new SiteFactory();
        var client = site.CreateBrowserLikeClient();
        await client.GetAsync("/health");

        site.Faults.Broken = true;
        using var page = await client.GetAsync("/");
        using var health = await client.GetAsync("/health");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Contains("Ein Fehler ist aufgetreten", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SqliteException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }

    [Fact]
    public async Task FormWithTooManyFields_GivesTheGerman400Page_NotThe404Page()
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" });
        var client = site.CreateBrowserLikeClient();
        var fields = Enumerable.Range(0, 1100).ToDictionary(i => $"Feld{i}", i => "x"); // above Limits:MaxFormValues (1024)
        fields["Input.Email"] = "viele@example.org";

        using var response = await client.PostFormAsync("/konto/anmelden", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Die Anfrage konnte nicht bearbeitet werden", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Seite nicht gefunden", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorPage_TakesItsCodeFromThePath_NotFromAPostedField()
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" });

        using var response = await site.CreateBrowserLikeClient().PostAsync("/fehler/404", new FormUrlEncodedContent([new("code", "500")]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Seite nicht gefunden", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
