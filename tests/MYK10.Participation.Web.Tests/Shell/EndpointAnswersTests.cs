using System.Net;
using System.Text.Json;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Shell;

/// <summary>The endpoints outside the pages answer HEAD, and the open data answers its errors in JSON.</summary>
public sealed class EndpointAnswersTests
{
    [Fact]
    public async Task Head_IsAnsweredLikeGet_WithoutABody()
    {
        // Through Kestrel, which leaves out the body of an answer to HEAD; the in-memory test server would pass it on.
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" }).UseRealServer();
        var client = site.CreateBrowserLikeClient();

        foreach (var path in new[] { "/health/live", "/health", "/api/v1/ideas", "/api/v1/surveys", "/api/v1/strategy" })
        {
            using var get = await client.GetAsync(path);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.Equal((path, HttpStatusCode.OK), (path, get.StatusCode));
            Assert.Equal((path, HttpStatusCode.OK), (path, head.StatusCode));
            Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task RobotsTxt_KeepsCrawlersOutOfStaffAccountAndFormPages_AndSearches_NotOutOfTheIdeas_AndNamesTheSitemap()
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false", ["Site:BaseUrl"] = "https://beteiligung.example" });

        using var response = await site.CreateBrowserLikeClient().GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var disallowed = (await response.Content.ReadAsStringAsync()).Split('\n')
            .Where(line => line.StartsWith("Disallow: ", StringComparison.Ordinal)).Select(line => line["Disallow: ".Length..].Trim()).ToList();
        Assert.Superset(new HashSet<string> { "/admin", "/moderation", "/staff", "/konto", "/ideen/neu", "/ideen/*/bearbeiten", "/ideen/*/zurueckziehen", "/ideen/zurueckgezogen", "/*?*q=" }, disallowed.ToHashSet());
        Assert.DoesNotContain(disallowed, path => "/ideen/12".StartsWith(path, StringComparison.Ordinal) || "/umfragen/3/ergebnisse".StartsWith(path, StringComparison.Ordinal));
        Assert.Contains("Sitemap: https://beteiligung.example/sitemap.xml", (await response.Content.ReadAsStringAsync()).Split('\n'));
    }

    [Theory]
    [InlineData("/api/v1/ideas?seite=abc", HttpStatusCode.BadRequest, "bad_request")]
    [InlineData("/api/v1/ideas?seite=99999999999", HttpStatusCode.BadRequest, "bad_request")]
    [InlineData("/api/v1/gibt-es-nicht", HttpStatusCode.NotFound, "not_found")]
    public async Task OpenData_AnswersItsErrorsInJson(string path, HttpStatusCode status, string error)
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" });

        using var response = await site.CreateBrowserLikeClient().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(error, json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task OpenData_AnswersAFailureInJson_WithoutAStackTrace()
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" });
        var client = site.CreateBrowserLikeClient();
        await client.GetAsync("/health");
        site.Faults.Broken = true;

        using var response = await client.GetAsync("/api/v1/ideas?seite=2");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("internal_server_error", json.RootElement.GetProperty("error").GetString());
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownPage_StillGetsTheGermanErrorPage()
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" });

        using var response = await site.CreateBrowserLikeClient().GetAsync("/gibt-es-nicht");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Seite nicht gefunden", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
