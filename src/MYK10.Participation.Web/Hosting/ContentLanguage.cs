using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// What citizens, moderators and admins write on the site is German. On a page in another language such text carries
/// <c>lang="de"</c> (WCAG 2.1 3.1.2, language of parts), so that screen readers read it as German; on German pages the
/// value is null and Razor leaves the attribute out.
/// </summary>
public static class ContentLanguage
{
    public static string? Attribute => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de" ? null : "de";

    /// <summary>German text inside translated text: encoded, and on a page in another language in its own <c>span lang="de"</c>.</summary>
    public static IHtmlContent Part(string text)
    {
        var encoded = SiteHtml.Encoder.Encode(text);
        return new HtmlString(Attribute is { } language ? $"<span lang=\"{language}\">{encoded}</span>" : encoded);
    }

    /// <summary>
    /// A translated sentence around German text ("Question 1: Wie …"): the <paramref name="format"/> from a resource,
    /// read without arguments, filled with the arguments encoded and each <see cref="Part"/> as its own element.
    /// </summary>
    public static IHtmlContent Sentence(LocalizedString format, params object?[] arguments) =>
        new HtmlFormattableString(CultureInfo.CurrentCulture, format.Value, arguments);
}
