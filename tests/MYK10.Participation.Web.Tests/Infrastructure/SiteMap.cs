using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MYK10.Participation.Web.Tests.Infrastructure;

/// <summary>One handler of one Razor page, as the running app's routing knows it.</summary>
public sealed record PageHandler(string Page, string Url, string Method, string? Handler)
{
    public string RequestUrl => Handler is null ? Url : $"{Url}?handler={Handler}";

    public override string ToString() => $"{Method} {RequestUrl} ({Page})";
}

/// <summary>
/// Every Razor page and handler of the site, read from its <see cref="EndpointDataSource"/>: a new page is covered by
/// the crawls and the authorisation matrix without touching the tests.
/// </summary>
public static partial class SiteMap
{
    public static IReadOnlyList<PageHandler> Handlers(SiteFactory site)
    {
        var handlers = new List<PageHandler>();
        foreach (var endpoint in site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not { } page)
            {
                continue;
            }

            var url = "/" + RouteParameter().Replace(endpoint.RoutePattern.RawText ?? string.Empty, m => m.Groups[1].Value == "code" ? "404" : "1");
            url = url == "/" ? "/" : url.TrimEnd('/');
            if (page.HandlerMethods.Count == 0)
            {
                handlers.Add(new PageHandler(page.ViewEnginePath, url, "GET", null));
            }

            foreach (var method in page.HandlerMethods)
            {
                handlers.Add(new PageHandler(page.ViewEnginePath, url, method.HttpMethod.ToUpperInvariant(), method.Name));
            }
        }

        // A page with route values can be reached under more than one pattern; one of each is enough.
        return handlers.DistinctBy(h => (h.Page, h.Method, h.Handler)).OrderBy(h => h.Page, StringComparer.Ordinal).ToList();
    }

    /// <summary>The pages to load with GET: every page with a GET handler (or none).</summary>
    public static IReadOnlyList<string> GetPages(SiteFactory site) =>
        Handlers(site).Where(h => h.Method == "GET" && h.Handler is null).Select(h => h.Url).Distinct().ToList();

    [GeneratedRegex(@"\{([a-zA-Z]+)(:[^}]*)?\??\}")]
    private static partial Regex RouteParameter();
}
