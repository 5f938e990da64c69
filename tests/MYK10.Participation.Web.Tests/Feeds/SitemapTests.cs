using System.Net;
using System.Xml.Linq;
using Dapper;
using MYK10.Participation.Ballots;
using MYK10.Participation.Data;
using MYK10.Participation.Demo;
using MYK10.Participation.Ideas;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Feeds;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Feeds;

/// <summary>/sitemap.xml: every public page for search engines, and nothing a visitor cannot open.</summary>
public sealed class SitemapTests
{
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string Base = "https://beteiligung.example";

    // Without the page cache, so that the sitemap shows each change of the data at once.
    private static SiteFactory NewSite() => new(new() { ["Jobs:Server"] = "false", ["Site:BaseUrl"] = Base, ["Caching:AnonymousPageSeconds"] = "0" });

    private static async Task<XElement> XmlAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal((url, HttpStatusCode.OK), (url, response.StatusCode));
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
    }

    private static string Local(string address)
    {
        Assert.StartsWith(Base + "/", address, StringComparison.Ordinal);
        return address[Base.Length..];
    }

    [Fact]
    public async Task Sitemap_ListsEveryPublicPageOfTheDemoData_AndEachAnswersAVisitor_ButNoUnpublishedIdea()
    {
        await using var site = NewSite();
        Assert.True((await site.Get<DemoSeeder>().SeedAsync()).Seeded);
        var connections = site.Get<IDbConnectionFactory>();
        var pending = (await site.Get<IdeaService>().SubmitAsync(await connections.ParticipantAsync(), new IdeaSubmission("Noch in Prüfung", "Wartet auf die Moderation.", "bildung", "mayen", null))).IdeaId!.Value;
        // One survey whose results are not published (yet) and one vote still in draft: neither page opens for a visitor.
        long hiddenResults;
        await using (var connection = await connections.OpenAsync())
        {
            hiddenResults = await connection.ExecuteScalarAsync<long>("UPDATE surveys SET results_published = 0 WHERE id = (SELECT min(id) FROM surveys WHERE results_published = 1) RETURNING id");
        }

        // A new vote, as a published one never goes back to draft (sql/0091).
        var now = DateTimeOffset.UtcNow;
        var draftVote = (await site.Get<VoteService>().CreateAsync(new VoteDraft("Noch ein Entwurf", "Wird noch geplant.", "kreis", now.AddDays(1), now.AddDays(8),
            VoteMethod.Approval, [new OptionDraft("Radweg", "", null), new OptionDraft("Bänke", "", null)], MaxChoices: 1))).Id!.Value;

        var client = site.CreateBrowserLikeClient();

        var index = await XmlAsync(client, "/sitemap.xml");
        Assert.Equal(Sitemaps + "sitemapindex", index.Name);
        var parts = index.Elements(Sitemaps + "sitemap").Select(part => Local(part.Element(Sitemaps + "loc")!.Value)).ToList();
        Assert.Equal(["/sitemap-seiten.xml", "/sitemap-ideen-1.xml"], parts);

        var pages = new List<string>();
        foreach (var part in parts)
        {
            var set = await XmlAsync(client, part);
            Assert.Equal(Sitemaps + "urlset", set.Name);
            pages.AddRange(set.Elements(Sitemaps + "url").Select(url => Local(url.Element(Sitemaps + "loc")!.Value)));
        }

        Assert.Equal(pages.Count, pages.Distinct().Count());
        Assert.Contains("/impressum", pages);
        Assert.Contains(pages, page => page.StartsWith("/strategie/massnahmen/", StringComparison.Ordinal));
        Assert.Contains(pages, page => page.EndsWith("/ergebnis", StringComparison.Ordinal));
        Assert.Contains(pages, page => page.StartsWith("/abstimmungen/", StringComparison.Ordinal));
        Assert.DoesNotContain(IdeaPaths.Detail(pending), pages);
        Assert.DoesNotContain($"/umfragen/{hiddenResults}/ergebnisse", pages);
        Assert.DoesNotContain(pages, page => page.StartsWith($"/abstimmungen/{draftVote}", StringComparison.Ordinal));
        var published = (await site.Get<IdeaStore>().FiguresAsync()).PublishedIdeas;
        Assert.Equal(published, pages.Count(page => page.StartsWith(IdeaPaths.List + "/", StringComparison.Ordinal)));

        foreach (var page in pages)
        {
            using var response = await client.GetAsync(page);
            Assert.Equal((page, HttpStatusCode.OK), (page, response.StatusCode));
        }

        await using (var connection = await connections.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE surveys SET results_published = 1 WHERE id = @Id", new { Id = hiddenResults });
        }

        var republished = (await XmlAsync(client, "/sitemap-seiten.xml")).Elements(Sitemaps + "url").Select(url => Local(url.Element(Sitemaps + "loc")!.Value));
        Assert.Contains($"/umfragen/{hiddenResults}/ergebnisse", republished);
    }

    [Fact]
    public async Task IdeaParts_GiveAnIdeaItsPublicationDate_OrItsAnswerWhenLater_AndAPartBeyondTheIdeasIsNotFound()
    {
        await using var site = NewSite();
        var connections = site.Get<IDbConnectionFactory>();
        var id = (await site.Get<IdeaService>().SubmitAsync(await connections.ParticipantAsync(), new IdeaSubmission("Rufbus per App", "Den Rufbus per App bestellen.", "verkehr-und-mobilitaet", "pellenz", null))).IdeaId!.Value;
        await connections.PublishAsync(id, new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var client = site.CreateBrowserLikeClient();

        var url = (await XmlAsync(client, "/sitemap-ideen-1.xml")).Elements(Sitemaps + "url").Single();
        Assert.Equal($"{Base}/ideen/{id}", url.Element(Sitemaps + "loc")!.Value);
        Assert.Equal("2026-11-02T09:00:00Z", url.Element(Sitemaps + "lastmod")!.Value);

        using var beyond = await client.GetAsync("/sitemap-ideen-2.xml");
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
        Assert.Equal((0, 1, 1, 2), (Sitemap.IdeaParts(0), Sitemap.IdeaParts(1), Sitemap.IdeaParts(Sitemap.IdeasPerPart), Sitemap.IdeaParts(Sitemap.IdeasPerPart + 1)));
    }

    [Fact]
    public void LastChanged_IsTheLaterOfPublicationAndAnswer()
    {
        var published = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(published, new PublishedIdeaDates(1, published, null).LastChanged);
        Assert.Equal(published.AddDays(3), new PublishedIdeaDates(1, published, published.AddDays(3)).LastChanged);
        Assert.Equal(published, new PublishedIdeaDates(1, published, published.AddDays(-1)).LastChanged);
    }
}
