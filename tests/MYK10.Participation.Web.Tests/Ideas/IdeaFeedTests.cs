using System.Net;
using System.Xml.Linq;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Ideas;

/// <summary>/ideen/feed: the newest published ideas as Atom, filtered like the list by municipality and field.</summary>
public sealed class IdeaFeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static SiteFactory NewSite() => new(new() { ["Jobs:Server"] = "false", ["Site:BaseUrl"] = "https://beteiligung.example" });

    private static async Task<long> PublishedIdeaAsync(SiteFactory site, string title, string body, string municipality, string field, DateTimeOffset at, string? author = "Erika aus Mendig")
    {
        var connections = site.Get<IDbConnectionFactory>();
        var id = (await site.Get<IdeaService>().SubmitAsync(await connections.ParticipantAsync(author), new IdeaSubmission(title, body, field, municipality, null))).IdeaId!.Value;
        await connections.PublishAsync(id, at);
        return id;
    }

    private static async Task<XDocument> FeedAsync(SiteFactory site, string url)
    {
        using var response = await site.CreateBrowserLikeClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Feed_ListsThePublishedIdeasNewestFirst_WithLinkAuthorPlaceAndText_AndNothingUnpublished()
    {
        await using var site = NewSite();
        var older = await PublishedIdeaAsync(site, "Rufbus per App", "Den Rufbus in der Pellenz per App bestellen.", "pellenz", "verkehr-und-mobilitaet", new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var newer = await PublishedIdeaAsync(site, "WLAN im Freibad", "Freies WLAN im Freibad Mayen.", "mayen", "kommunikationsinfrastruktur", new DateTimeOffset(2026, 11, 3, 9, 30, 0, TimeSpan.Zero), author: null);
        var connections = site.Get<IDbConnectionFactory>();
        await site.Get<IdeaService>().SubmitAsync(await connections.ParticipantAsync(), new IdeaSubmission("Noch in Prüfung", "Wartet auf die Moderation.", "bildung", "mayen", null));

        var feed = (await FeedAsync(site, "/ideen/feed")).Root!;

        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("de", feed.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Equal("Neue Ideen – MYK10 Bürgerbeteiligung", feed.Element(Atom + "title")!.Value);
        Assert.Equal("https://beteiligung.example/ideen/feed", feed.Element(Atom + "id")!.Value);
        Assert.Equal("2026-11-03T09:30:00Z", feed.Element(Atom + "updated")!.Value);
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(["WLAN im Freibad", "Rufbus per App"], entries.Select(e => e.Element(Atom + "title")!.Value));
        var first = entries[0];
        Assert.Equal($"https://beteiligung.example/ideen/{newer}", first.Element(Atom + "id")!.Value);
        Assert.Equal($"https://beteiligung.example/ideen/{newer}", first.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Equal("2026-11-03T09:30:00Z", first.Element(Atom + "published")!.Value);
        Assert.Equal("anonym", first.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Equal("Freies WLAN im Freibad Mayen.", first.Element(Atom + "content")!.Value);
        Assert.Contains("mayen", first.Elements(Atom + "category").Select(c => c.Attribute("term")!.Value));
        Assert.Equal("Erika aus Mendig", entries[1].Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Equal($"https://beteiligung.example/ideen/{older}", entries[1].Element(Atom + "id")!.Value);
    }

    [Fact]
    public async Task Feed_FiltersByMunicipalityAndField_NamesThemInItsTitle_AndRefusesAnUnknownOne()
    {
        await using var site = NewSite();
        var at = new DateTimeOffset(2026, 11, 4, 8, 0, 0, TimeSpan.Zero);
        await PublishedIdeaAsync(site, "Schul-WLAN Mayen", "WLAN in allen Schulen in Mayen.", "mayen", "bildung", at);
        await PublishedIdeaAsync(site, "Tablets Mayen", "Tablets für die Stadtbücherei Mayen.", "mayen", "kommunikationsinfrastruktur", at.AddMinutes(1));
        await PublishedIdeaAsync(site, "Schul-WLAN Mendig", "WLAN in den Schulen in Mendig.", "mendig", "bildung", at.AddMinutes(2));

        var feed = (await FeedAsync(site, "/ideen/feed?gemeinde=mayen&feld=bildung")).Root!;

        Assert.Equal(["Schul-WLAN Mayen"], feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value));
        Assert.Equal("Neue Ideen – Stadt Mayen – Bildung – MYK10 Bürgerbeteiligung", feed.Element(Atom + "title")!.Value);
        Assert.Equal("https://beteiligung.example/ideen/feed?gemeinde=mayen&feld=bildung", feed.Element(Atom + "id")!.Value);
        Assert.Equal("https://beteiligung.example/ideen?gemeinde=mayen&feld=bildung",
            feed.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == "alternate").Attribute("href")!.Value);

        using var unknown = await site.CreateBrowserLikeClient().GetAsync("/ideen/feed?gemeinde=atlantis");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("unknown_filter", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_WithoutIdeas_IsAValidEmptyFeed_AndControlCharactersInAnIdeaDoNotBreakIt()
    {
        await using var site = NewSite();
        var empty = (await FeedAsync(site, "/ideen/feed")).Root!;
        Assert.Empty(empty.Elements(Atom + "entry"));
        Assert.Equal("1970-01-01T00:00:00Z", empty.Element(Atom + "updated")!.Value);

        await PublishedIdeaAsync(site, "Sensoren\u0001 am Rhein", "Pegel\u000Bsensoren <b>&</b> Warn-SMS.", "andernach", "umwelt-und-klima", DateTimeOffset.UtcNow);

        var entry = (await FeedAsync(site, "/ideen/feed")).Root!.Element(Atom + "entry")!;
        Assert.Equal("Sensoren\uFFFD am Rhein", entry.Element(Atom + "title")!.Value);
        Assert.Equal("Pegel\uFFFDsensoren <b>&</b> Warn-SMS.", entry.Element(Atom + "content")!.Value);
        Assert.Equal("text", entry.Element(Atom + "content")!.Attribute("type")!.Value);
    }

    [Fact]
    public async Task Feed_HoldsTheNewest30()
    {
        await using var site = NewSite();
        var start = new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= 32; i++)
        {
            await PublishedIdeaAsync(site, $"Solardach Nummer {i}", $"Eine Solaranlage auf dem Dach Nummer {i} des Kreishauses.", "kreis", "energie", start.AddHours(i));
        }

        var titles = (await FeedAsync(site, "/ideen/feed")).Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToList();

        Assert.Equal(30, titles.Count);
        Assert.Equal("Solardach Nummer 32", titles[0]);
        Assert.Equal("Solardach Nummer 3", titles[^1]);
    }

    [Fact]
    public async Task ListPage_LinksTheFeedForItsKnownMunicipalityAndField_InTheHeadAndOnThePage()
    {
        await using var site = NewSite();
        var client = site.CreateBrowserLikeClient();

        var filtered = await client.GetDocumentAsync("/ideen?gemeinde=mayen&feld=unbekannt&status=neu&q=wlan");
        Assert.Equal("/ideen/feed?gemeinde=mayen", filtered.QuerySelector("head link[rel='alternate'][type='application/atom+xml']")!.GetAttribute("href"));
        Assert.Equal("/ideen/feed?gemeinde=mayen", filtered.QuerySelector("main .feed-link a")!.GetAttribute("href"));
        Assert.Equal("Neue Ideen als Feed abonnieren", filtered.QuerySelector("main .feed-link a")!.TextContent.Trim());
        Assert.Equal("(Atom, für Feedreader; nur Ideen, die zu Ihrer Auswahl bei Ort und Handlungsfeld passen)", filtered.QuerySelector("main .feed-link .muted")!.TextContent);

        var all = await client.GetDocumentAsync("/ideen");
        Assert.Equal("/ideen/feed", all.QuerySelector("main .feed-link a")!.GetAttribute("href"));
        // Without a place or field chosen, the hint speaks of no choice.
        Assert.Equal("(Atom, für Feedreader)", all.QuerySelector("main .feed-link .muted")!.TextContent);
    }
}
