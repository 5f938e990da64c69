using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Primitives;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// The culture cookie, where a language alone stands for that language's supported culture: cookies written while
/// English was plain "en" keep their visitors in English (now with British dates) instead of falling back to German.
/// </summary>
public sealed class LanguageCookieCultureProvider : CookieRequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var result = await base.DetermineProviderCultureResult(httpContext);
        return result is null ? null : new ProviderCultureResult(Supported(result.Cultures), Supported(result.UICultures));
    }

    private static List<StringSegment> Supported(IList<StringSegment> names) =>
        names.Select(n => WebApp.CultureFor(n.Value) is { } culture ? new StringSegment(culture.Name) : n).ToList();
}
