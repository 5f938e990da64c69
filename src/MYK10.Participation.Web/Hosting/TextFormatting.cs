using Microsoft.AspNetCore.Html;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// Citizens write plain text: blank lines make paragraphs, single breaks stay breaks, everything is encoded. The text is
/// German, and says so on pages in another language (<see cref="ContentLanguage"/>).
/// </summary>
public static class TextFormatting
{
    /// <summary>
    /// The content rendered once into finished HTML. A page moves an <see cref="HtmlContentBuilder"/> into its output
    /// instead of copying it, so a builder shown twice (a heading, then a button's name) would be empty the second time.
    /// </summary>
    public static IHtmlContent Finished(IHtmlContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        content.WriteTo(writer, SiteHtml.Encoder);
        return new HtmlString(writer.ToString());
    }

    /// <summary>Text of the page's own as content: encoded when written, as Razor encodes a string.</summary>
    public static IHtmlContent Plain(string text) => new HtmlFormattableString("{0}", text);

    /// <summary>The parts one after the other with <paramref name="separator"/> between them, rendered once (<see cref="Finished"/>).</summary>
    public static IHtmlContent Join(string separator, IEnumerable<IHtmlContent> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var line = new HtmlContentBuilder();
        foreach (var part in parts)
        {
            if (line.Count > 0)
            {
                line.Append(separator);
            }

            line.AppendHtml(part);
        }

        return Finished(line);
    }

    public static IHtmlContent Paragraphs(string? text)
    {
        var builder = new HtmlContentBuilder();
        if (string.IsNullOrWhiteSpace(text))
        {
            return builder;
        }

        var open = ContentLanguage.Attribute is { } language ? $"<p lang=\"{language}\">" : "<p>";

        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            builder.AppendHtml(open);
            var lines = paragraph.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    builder.AppendHtml("<br>");
                }

                builder.AppendHtml(SiteHtml.Encoder.Encode(lines[i]));
            }

            builder.AppendHtml("</p>");
        }

        return builder;
    }
}
