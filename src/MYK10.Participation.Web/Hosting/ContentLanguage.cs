using System.Globalization;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// What citizens, moderators and admins write on the site is German. On a page in another language such text carries
/// <c>lang="de"</c> (WCAG 2.1 3.1.2, language of parts), so that screen readers read it as German; on German pages the
/// value is null and Razor leaves the attribute out.
/// </summary>
public static class ContentLanguage
{
    public static string? Attribute => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de" ? null : "de";
}
