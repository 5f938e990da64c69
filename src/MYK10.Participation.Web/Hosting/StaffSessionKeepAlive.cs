using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// Keeps a staff session open while its holder writes (WCAG 2.2.1). The session ends after <c>Staff:IdleTimeout</c>
/// without a request, and writing a long answer sends none: with JavaScript, <c>wwwroot/js/staff-session.js</c> calls
/// this address while someone types in a form, at most every third of that time, and the sliding cookie is renewed.
/// Without JavaScript the limit stays as the sign-in page announces it.
/// </summary>
public static class StaffSessionKeepAlive
{
    public const string Path = "/staff/sitzung";

    /// <summary>How often the page may call: a third of the idle limit, so that a renewal (after half of it) falls between two calls.</summary>
    public static int IntervalSeconds(IOptionsMonitor<CookieAuthenticationOptions> cookies)
    {
        ArgumentNullException.ThrowIfNull(cookies);
        return Math.Max(1, (int)(cookies.Get(Policies.StaffScheme).ExpireTimeSpan.TotalSeconds / 3));
    }

    public static void MapStaffSessionKeepAlive(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return Results.NoContent();
            })
            .RequireAuthorization(Policies.Moderation)
            .DisableAntiforgery();
}
