using Microsoft.Extensions.Options;
using MYK10.Participation.Hosting;
using MYK10.Participation.Web.Feeds;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// <c>/robots.txt</c>: published ideas, surveys, votes, results and the strategy may be indexed. Sign-in, account, staff
/// and form pages may not, nor searches, whose combinations of words, filters and pages have no end. It names the
/// sitemap by its full address, which only the configured <c>Site:BaseUrl</c> knows.
/// </summary>
internal static class RobotsTxtEndpoint
{
    public const string Path = "/robots.txt";

    private static readonly string[] Disallowed =
    [
        "/admin", "/moderation", "/staff", "/konto", "/gremien/", "/sprache", "/fehler/", "/ideen/neu", "/ideen/eingereicht/",
        "/ideen/*/bearbeiten", "/ideen/*/zurueckziehen", "/ideen/zurueckgezogen", "/ideen/*/melden", "/strategie/massnahmen/*/melden", "/umfragen/*/pruefen", "/umfragen/*/danke", "/abstimmungen/*/beleg",
        "/*?*q=",
    ];

    public static void MapRobotsTxt(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapRead(Path, (IOptions<SiteOptions> site) => Results.Text(Text(site.Value.Link(Sitemap.IndexPath)), "text/plain; charset=utf-8"))
            .AllowAnonymous().CacheOutput(PageCache.PolicyName);

    public static string Text(string sitemap) =>
        "User-agent: *\n" + string.Concat(Disallowed.Select(path => $"Disallow: {path}\n")) + $"\nSitemap: {sitemap}\n";
}
