using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// The site's one HTML encoder, for Razor's output and for every piece of HTML the site puts together itself: German
/// text goes out as UTF-8 (ä, not &amp;#xE4;), so pages are smaller and encoding takes the encoder's fast path. Markup
/// characters and what is unsafe anywhere (&lt;, &gt;, &amp;, quotes, control characters) are still encoded.
/// </summary>
public static class SiteHtml
{
    public static TextEncoderSettings Settings => new(UnicodeRanges.All);

    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(Settings);
}
