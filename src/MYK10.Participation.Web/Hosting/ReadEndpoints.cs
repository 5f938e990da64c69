namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// The site's own endpoints outside Razor Pages (health, open data, downloads) answer HEAD as well as GET, as the pages
/// do: uptime monitors and link checkers ask with HEAD, and <c>MapGet</c> alone refuses it with 405. Kestrel sends no
/// body for HEAD.
/// </summary>
internal static class ReadEndpoints
{
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    public static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) =>
        endpoints.MapMethods(pattern, Methods, handler);
}
