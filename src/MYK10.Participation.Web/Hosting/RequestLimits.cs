using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// Limits that protect every form at once: a maximum request body (<c>Limits:MaxRequestBodyBytes</c>, default 1 MiB),
/// form value limits, and a ceiling on writes (POST and other non-GET requests) per client connection
/// (<c>RateLimits:Writes</c>). The address is only a key in memory for the window; it is never stored.
/// Per-subject limits (per address, per participant) stay in the handlers through <see cref="RateLimits"/>.
/// </summary>
internal static class RequestLimits
{
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>
    /// ASP.NET Core's own default. The vote editor, whose measure picker can tick every measure of the strategy, sets its
    /// own (see <see cref="Pages.Admin.Abstimmungen.EditorFormLimitsAttribute"/>).
    /// </summary>
    public const int DefaultMaxFormValues = 1024;

    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.AddOptions<FormOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            var max = MaxBody(configuration);
            o.MultipartBodyLengthLimit = max;
            o.ValueLengthLimit = (int)Math.Min(max, int.MaxValue);
            o.ValueCountLimit = configuration.GetValue("Limits:MaxFormValues", DefaultMaxFormValues);
        });
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RateLimits>((o, limits) =>
        {
            var (permits, window) = limits.Limit(RateLimitNames.Writes);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsWrite(context)
                    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "local", _ =>
                        new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
        });
        return services;
    }

    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var max = MaxBody(context.RequestServices.GetRequiredService<IConfiguration>());
        if (context.Request.ContentLength > max && context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            // The error page for the refusal below: it needs nothing of the oversized body.
            context.Request.Body = Stream.Null;
            context.Request.ContentLength = 0;
            context.Request.ContentType = null;
        }
        else if (context.Request.ContentLength > max)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        // Bodies without a declared length (chunked) are cut off by the server at the same size.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = max;
        }

        await next(context);
    });

    private static bool IsWrite(HttpContext context) =>
        !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
        // The error page a rejected write is re-executed on must not be rejected again.
        && context.Features.Get<IStatusCodeReExecuteFeature>() is null;

    private static long MaxBody(IConfiguration configuration) => configuration.GetValue("Limits:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes);
}
