using Microsoft.AspNetCore.Html;
using MYK10.Participation.Legal;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Shared;

/// <summary>The district's facts as the legal pages show them (<see cref="LegalOptions"/>).</summary>
public static class LegalFacts
{
    /// <summary>The unit's e-mail address as a mail link, or the placeholder while it is not set.</summary>
    public static IHtmlContent Email(LegalOptions facts, string placeholder)
    {
        if (string.IsNullOrWhiteSpace(facts.Email))
        {
            return new HtmlString(SiteHtml.Encoder.Encode(placeholder));
        }

        var address = SiteHtml.Encoder.Encode(facts.Email.Trim());
        return new HtmlString($"<a href=\"mailto:{address}\">{address}</a>");
    }

    /// <summary>
    /// The open data licence's name, linked to its text when that is an absolute web address; another configured value
    /// (a typing error, "siehe Amtsblatt", a <c>javascript:</c> address) is not made a link, as the API's header leaves it out.
    /// </summary>
    /// <remarks>The name is the district's (German) wording: on an English page it is marked as German.</remarks>
    public static IHtmlContent OpenDataLicence(LegalOptions facts)
    {
        if (facts.OpenDataLicenseAddress() is not { } address)
        {
            return Hosting.ContentLanguage.Part(facts.OpenDataLicense);
        }

        var language = Hosting.ContentLanguage.Attribute is { } german ? $" lang=\"{german}\"" : string.Empty;
        return new HtmlString($"<a href=\"{SiteHtml.Encoder.Encode(address.AbsoluteUri)}\"{language}>{SiteHtml.Encoder.Encode(facts.OpenDataLicense)}</a>");
    }
}
