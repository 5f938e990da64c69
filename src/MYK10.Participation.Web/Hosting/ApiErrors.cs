using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// Error answers without a body under <c>/api</c> (a parameter that is not a number, an unknown address, a refused
/// method, an exception) get a small JSON body, <c>{"error": "bad_request"}</c>, as the open data's own "not_found"
/// does; the rest of the site shows its German error page.
/// </summary>
internal static class ApiErrors
{
    public static IApplicationBuilder UseErrorStatusPages(this IApplicationBuilder app)
    {
        app.UseWhen(IsApi, api =>
        {
            // Inside the site's own exception handler, which would show the German page: an exception is logged there
            // as well and answered with 500 and {"error": "internal_server_error"}.
            api.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = context => WriteAsync(context) });
            api.UseStatusCodePages(status => WriteAsync(status.HttpContext));
        });
        return app.UseWhen(context => !IsApi(context), site => site.UseStatusCodePagesWithReExecute("/fehler/{0}"));
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task WriteAsync(HttpContext context)
    {
        var reason = ReasonPhrases.GetReasonPhrase(context.Response.StatusCode);
        var error = string.IsNullOrEmpty(reason) ? "error" : reason.Replace(' ', '_').ToLowerInvariant();
        return context.Response.WriteAsJsonAsync(new { error });
    }
}
