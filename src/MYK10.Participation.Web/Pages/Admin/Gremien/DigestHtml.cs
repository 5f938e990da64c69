using Microsoft.AspNetCore.Mvc;
using MYK10.Participation.Digests;

namespace MYK10.Participation.Web.Pages.Admin.Gremien;

/// <summary>Serves a digest's HTML part in the browser as the mail client would show it.</summary>
internal static class DigestHtml
{
    // The mail's HTML carries its styles inline (mail clients ignore style sheets); this response alone may use inline
    // styles. It loads nothing, runs nothing, submits nothing and cannot be framed.
    private const string Policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static ContentResult Result(HttpContext context, string html, string footerNote)
    {
        context.Response.Headers.ContentSecurityPolicy = Policy;
        var note = $"<p style=\"font-size:14px;color:#4a4a4a;border-top:1px solid #d0d0d0;margin:32px 0 0;padding:12px 0 0;\">{DigestFormat.Html(footerNote)}</p>";
        return new ContentResult
        {
            Content = html.Replace(DigestBuilder.RecipientFooterMarker, note, StringComparison.Ordinal),
            ContentType = "text/html; charset=utf-8",
        };
    }
}
