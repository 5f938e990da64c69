using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;
using MYK10.Participation.Ballots;
using MYK10.Participation.Hosting;
using MYK10.Participation.Ideas;
using MYK10.Participation.Strategy;
using MYK10.Participation.Surveys;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Feeds;

/// <summary>
/// The sitemap (sitemaps.org protocol 0.9) that <c>robots.txt</c> names, so that search engines find every public page
/// and citizens find an idea by searching the web for it. <c>/sitemap.xml</c> is an index of parts: the site's own pages,
/// the strategy, the surveys and votes anyone can open, and the published ideas in parts of
/// <see cref="IdeasPerPart"/>, oldest first, so that a part keeps its ideas while new ones are published. Only pages a
/// visitor without a sign-in can open are listed; an idea's date is its publication or its official answer, whichever
/// is later. Served from the page cache like the list.
/// </summary>
internal static class Sitemap
{
    public const string IndexPath = "/sitemap.xml";
    public const string PagesPath = "/sitemap-seiten.xml";

    /// <summary>Below the protocol's 50,000 addresses per file, and small enough (about 0.6 MB) for the page cache.</summary>
    public const int IdeasPerPart = 5_000;

    private const string ContentType = "application/xml; charset=utf-8";
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static readonly string[] SitePages =
        ["/", IdeaPaths.List, "/umfragen", "/abstimmungen", "/strategie", "/strategie/druck", "/regeln", "/leichte-sprache", "/barrierefreiheit", "/datenschutz", "/impressum"];

    public static string IdeasPath(int part) => $"/sitemap-ideen-{part.ToString(CultureInfo.InvariantCulture)}.xml";

    /// <summary>How many idea parts the published ideas fill; none without any.</summary>
    public static int IdeaParts(long published) => (int)((published + IdeasPerPart - 1) / IdeasPerPart);

    public static void MapSitemap(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRead(IndexPath, async (IdeaStore ideas, IOptions<SiteOptions> site, CancellationToken cancellationToken) =>
        {
            // The start page's figures (at most half a minute old, as the cached sitemap may be anyway).
            var parts = IdeaParts((await ideas.FiguresAsync(cancellationToken)).PublishedIdeas);
            var paths = new[] { PagesPath }.Concat(Enumerable.Range(1, parts).Select(IdeasPath));
            return Xml(xml =>
            {
                xml.WriteStartElement("sitemapindex", Namespace);
                foreach (var path in paths)
                {
                    xml.WriteStartElement("sitemap", Namespace);
                    xml.WriteElementString("loc", Namespace, site.Value.Link(path));
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            });
        }).AllowAnonymous().CacheOutput(PageCache.PolicyName);

        endpoints.MapRead(PagesPath, async (StrategyStore strategy, SurveyStore surveys, VoteStore votes, IOptions<SiteOptions> site, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var now = clock.GetUtcNow();
            var entries = SitePages.Select(path => (Path: path, Changed: (DateTimeOffset?)null)).ToList();
            foreach (var field in await strategy.StructureAsync(includeDiscarded: false, cancellationToken: cancellationToken))
            {
                var measures = field.Goals.SelectMany(goal => goal.Measures).ToList();
                entries.Add(($"/strategie/{field.FieldId}", measures.Count > 0 ? measures.Max(m => m.UpdatedAt) : null));
                entries.AddRange(measures.Select(m => ($"/strategie/massnahmen/{Id(m.Id)}", (DateTimeOffset?)m.UpdatedAt)));
            }

            foreach (var survey in await surveys.ListAsync([SurveyStatus.Open, SurveyStatus.Closed, SurveyStatus.Archived], cancellationToken: cancellationToken))
            {
                if (survey.AcceptsAnswers(now))
                {
                    entries.Add(($"/umfragen/{Id(survey.Id)}", null));
                }

                if (survey.ResultsPublished)
                {
                    entries.Add(($"/umfragen/{Id(survey.Id)}/ergebnisse", null));
                }
            }

            foreach (var vote in await votes.ListAsync(publishedOnly: true, cancellationToken))
            {
                entries.Add(($"/abstimmungen/{Id(vote.Id)}", null));
                if (vote.ResultsVisible(now))
                {
                    entries.Add(($"/abstimmungen/{Id(vote.Id)}/ergebnis", null));
                }
            }

            return UrlSet(site.Value, entries);
        }).AllowAnonymous().CacheOutput(PageCache.PolicyName);

        endpoints.MapRead("/sitemap-ideen-{part:int:min(1)}.xml", async (int part, IdeaStore ideas, IOptions<SiteOptions> site, CancellationToken cancellationToken) =>
        {
            var slice = await ideas.PublishedDatesAsync((part - 1) * IdeasPerPart, IdeasPerPart, cancellationToken);
            return slice.Count == 0
                ? Results.NotFound()
                : UrlSet(site.Value, slice.Select(idea => (IdeaPaths.Detail(idea.Id), idea.LastChanged)));
        }).AllowAnonymous().CacheOutput(PageCache.PolicyName);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static IResult UrlSet(SiteOptions site, IEnumerable<(string Path, DateTimeOffset? Changed)> entries) => Xml(xml =>
    {
        xml.WriteStartElement("urlset", Namespace);
        foreach (var (path, changed) in entries)
        {
            xml.WriteStartElement("url", Namespace);
            xml.WriteElementString("loc", Namespace, site.Link(path));
            if (changed is { } at)
            {
                xml.WriteElementString("lastmod", Namespace, InternetTime.Utc(at));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    });

    private static IResult Xml(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            write(xml);
        }

        return Results.Bytes(buffer.ToArray(), ContentType);
    }
}
