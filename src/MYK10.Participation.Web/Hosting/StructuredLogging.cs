using System.Diagnostics;
using Microsoft.AspNetCore.Routing;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// Logs as one JSON object per line (<c>Logging:Format</c> = <c>json</c>, the default outside Development) so that a
/// log collector can filter by level, category and fields; and one line per request that names the route pattern,
/// never the raw path or query string: sign-in and unsubscribe links carry their tokens in the path.
/// </summary>
public static partial class StructuredLogging
{
    public const string RequestCategory = "MYK10.Participation.Web.Requests";

    private static readonly object RouteKey = new();

    public static void Configure(WebApplicationBuilder builder)
    {
        var format = builder.Configuration["Logging:Format"] ?? (builder.Environment.IsDevelopment() ? "simple" : "json");
        if (!string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            o.IncludeScopes = false;
        });
    }

    /// <summary>Put first in the pipeline, so that it sees the status the error pages finally answer with.</summary>
    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(RequestCategory);
        return app.Use(async (context, next) =>
        {
            if (!logger.IsEnabled(LogLevel.Information))
            {
                await next(context);
                return;
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                Answered(logger, context.Request.Method, RouteOf(context), context.Response.StatusCode,
                    Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1));
            }
        });
    }

    /// <summary>
    /// Put right after routing: remembers the route of the request as it came in, before an error page re-executes
    /// the pipeline with its own route.
    /// </summary>
    public static IApplicationBuilder UseRequestRoute(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Items.TryAdd(RouteKey, context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern } ? "/" + pattern.TrimStart('/') : null);
        return next(context);
    });

    /// <summary>"/ideen/{id:long}" for a page or endpoint; the path of a static file that was served (static files are
    /// answered before routing); "(ohne Route)" for anything else (a 404 may be a mistyped link with a token in it).</summary>
    private static string RouteOf(HttpContext context) => context.Items.TryGetValue(RouteKey, out var route)
        ? route as string ?? "(ohne Route)"
        : context.Response.StatusCode is >= 200 and < 400 ? context.Request.Path.Value ?? "/" : "(ohne Route)";

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Route} answered {StatusCode} in {ElapsedMs} ms")]
    private static partial void Answered(ILogger logger, string method, string route, int statusCode, double elapsedMs);
}
