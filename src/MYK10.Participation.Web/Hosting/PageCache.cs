using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// Output caching of the public reading pages for visitors who are not signed in, so that the night a survey is in
/// the newspaper costs one rendering per page and language every few seconds instead of one per visitor.
/// </summary>
/// <remarks>
/// What is cached: GET and HEAD of the pages and endpoints marked with <see cref="PolicyName"/>, answered 200 without
/// setting a cookie, for visitors without a sign-in, per path, query string (so also per search) and language.
/// How fresh it is: at most <c>Caching:AnonymousPageSeconds</c> old (default 30; 0 turns caching off). Changes made on
/// the site take effect at once: a participant's support, comment or report evicts that idea's pages, and any change by
/// staff (moderation, administration) or to a participant's name or account evicts every cached page. Changes made by
/// background jobs (survey results, tallies) and by commands appear when the entry expires. A page is stored on its
/// second request within that time (<see cref="SecondRequestAdmission"/>), so pages read once do not crowd out the others.
/// </remarks>
public static class PageCache
{
    public const string PolicyName = "anonymous-pages";

    /// <summary>Every cached page carries this tag.</summary>
    public const string AllTag = "pages";

    /// <summary>Where a successful POST may change any cached page: staff work, the strategy, a participant's name or account.</summary>
    private static readonly string[] ChangesEverything = ["/moderation", "/admin", "/staff", "/strategie", "/konto/profil", "/konto/loeschen"];

    /// <summary>How long a cached page (and a shared result) lives: <c>Caching:AnonymousPageSeconds</c>, default 30; zero turns caching off.</summary>
    public static TimeSpan Lifetime(IConfiguration configuration) =>
        TimeSpan.FromSeconds(configuration.GetValue("Caching:AnonymousPageSeconds", 30.0));

    public static string IdeaTag(long id) => $"idea-{id.ToString(CultureInfo.InvariantCulture)}";

    public static IServiceCollection AddPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            o.SizeLimit = 16 * 1024 * 1024;
            o.MaximumBodySize = 1024 * 1024;
        });
        services.AddSingleton<SharedResults>();
        services.AddOptions<OutputCacheOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            var lifetime = Lifetime(configuration);
            o.AddPolicy(PolicyName, new AnonymousPagePolicy(lifetime, new SecondRequestAdmission(lifetime)));
        });
        return services;
    }

    /// <summary>After routing, authentication and localisation: evicts what a successful write changed, then serves from the cache.</summary>
    public static IApplicationBuilder UsePageCache(this IApplicationBuilder app)
    {
        var store = app.ApplicationServices.GetRequiredService<IOutputCacheStore>();
        var results = app.ApplicationServices.GetRequiredService<SharedResults>();
        app.Use(async (context, next) =>
        {
            await next(context);
            if (HttpMethods.IsPost(context.Request.Method) && context.Response.StatusCode < 400 && TagChangedBy(context) is { } tag)
            {
                await store.EvictByTagAsync(tag, CancellationToken.None);
                if (tag == AllTag)
                {
                    results.Clear();
                }
            }
        });
        return app.UseOutputCache();
    }

    /// <summary>The tag of the cached pages a successful POST to this path may have changed, or null for none.</summary>
    public static string? TagChangedBy(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/ideen", out var rest) && rest.HasValue)
        {
            // /ideen/{id} (support, withdraw, comment, delete comment) and /ideen/{id}/melden (reports may hide a comment).
            var segments = rest.Value!.Trim('/').Split('/');
            return long.TryParse(segments[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? IdeaTag(id) : null;
        }

        return ChangesEverything.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)) ? AllTag : null;
    }

    private sealed class AnonymousPagePolicy(TimeSpan lifetime, SecondRequestAdmission admission) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var cacheable = lifetime > TimeSpan.Zero
                && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                && http.User.Identity?.IsAuthenticated != true;
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowLocking = true;
            if (!cacheable)
            {
                context.AllowCacheStorage = false;
                return ValueTask.CompletedTask;
            }

            var culture = CultureInfo.CurrentUICulture.Name;
            context.AllowCacheStorage = admission.Admit(string.Concat(culture, " ", http.Request.Path.Value, http.Request.QueryString.Value));

            context.ResponseExpirationTimeSpan = lifetime;
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["culture"] = culture;
            context.Tags.Add(AllTag);
            if (http.Request.RouteValues.TryGetValue("id", out var id) && http.Request.Path.StartsWithSegments("/ideen")
                && long.TryParse(Convert.ToString(id, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var ideaId))
            {
                context.Tags.Add(IdeaTag(ideaId));
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }
}
