using Microsoft.Extensions.Options;
using MYK10.Participation.Legal;

namespace MYK10.Participation.Web.Api;

/// <summary>
/// Every answer of the open data API names its licence in a <c>Link: &lt;…&gt;; rel="license"</c> header (RFC 8288; the
/// relation is registered with IANA), so that whoever takes the data finds the terms with it. The participation rules
/// (<c>/regeln</c>) say the same in words. A configured address that is not an absolute web address is left out of the
/// header, and the start-up log says so.
/// </summary>
internal static class OpenDataLicenseHeader
{
    public const string ApiPrefix = "/api/v1";

    public static IApplicationBuilder UseOpenDataLicense(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<LegalOptions>>().Value.OpenDataLicenseAddress() is not { } license)
        {
            app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenDataLicenseHeader))
                .LogWarning("Legal:OpenDataLicenseUrl is not an absolute web address; the open data API names no licence");
            return app;
        }

        // A header carries ASCII only (Kestrel refuses anything else, which would fail every answer of the API): a host
        // with umlauts goes in its IDNA form; path and query are percent-encoded already.
        var link = $"<{new UriBuilder(license) { Host = license.IdnHost }.Uri.AbsoluteUri}>; rel=\"license\"";
        return app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.Link = link;
            }

            return next(context);
        });
    }
}
