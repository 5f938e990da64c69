using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;
using MYK10.Participation.Hosting;
using MYK10.Participation.Ideas;
using MYK10.Participation.Reference;
using MYK10.Participation.Web.Api;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Feeds;

/// <summary>
/// <c>/ideen/feed</c>: the newest published ideas as an Atom feed (RFC 4287), for feed readers, newsrooms and council
/// members who want to hear of new ideas from their municipality or field without visiting the list. Filtered like the
/// list by <c>gemeinde</c> and <c>feld</c>; an unknown value answers 400 as the open data does. German, as the ideas
/// are; served from the page cache like the list.
/// </summary>
internal static class IdeaFeed
{
    public const string Path = IdeaPaths.List + "/feed";
    public const string ContentType = "application/atom+xml; charset=utf-8";
    public const int Entries = 30;

    private const string Atom = "http://www.w3.org/2005/Atom";

    public static void MapIdeaFeed(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapRead(Path, async (IdeaStore ideas, ReferenceStore reference, IOptions<SiteOptions> site, string? gemeinde, string? feld, CancellationToken cancellationToken) =>
        {
            if ((await UnknownFilter.MunicipalityAsync(reference, "gemeinde", gemeinde, cancellationToken)
                ?? await UnknownFilter.CheckAsync("feld", feld, async () => (await reference.FieldsOfActionAsync(cancellationToken)).Select(f => f.Id))) is { } unknown)
            {
                return unknown;
            }

            var municipality = (await reference.MunicipalitiesAsync(cancellationToken)).FirstOrDefault(m => m.Id == gemeinde);
            var field = (await reference.FieldsOfActionAsync(cancellationToken)).FirstOrDefault(f => f.Id == feld);
            var newest = await ideas.ListPublishedAsync(new IdeaQuery(municipality?.Id, field?.Id, PageSize: Entries), cancellationToken);
            var title = string.Join(" – ", new[] { "Neue Ideen", municipality?.Name, field?.Name, "MYK10 Bürgerbeteiligung" }.OfType<string>());
            var query = Query(municipality?.Id, field?.Id);
            return Results.Bytes(Write(site.Value, title, query, newest.Items), ContentType);
        }).AllowAnonymous().CacheOutput(PageCache.PolicyName);

    /// <summary>The feed's address for the list's filters (those that are set), as the list page links it.</summary>
    public static string Href(string? municipalityId, string? fieldId) => Path + Query(municipalityId, fieldId);

    private static string Query(string? municipalityId, string? fieldId)
    {
        var query = QueryString.Empty;
        if (!string.IsNullOrEmpty(municipalityId))
        {
            query = query.Add("gemeinde", municipalityId);
        }

        if (!string.IsNullOrEmpty(fieldId))
        {
            query = query.Add("feld", fieldId);
        }

        return query.ToUriComponent();
    }

    private static byte[] Write(SiteOptions site, string title, string query, IReadOnlyList<IdeaSummary> items)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, "de");
            var self = site.Link(Path + query);
            xml.WriteElementString("id", Atom, self);
            xml.WriteElementString("title", Atom, title);
            xml.WriteElementString("subtitle", Atom, "Die zuletzt veröffentlichten Ideen für die digitale Strategie des Landkreises Mayen-Koblenz und seiner Kommunen.");
            Link(xml, "self", ContentType.Split(';')[0], self);
            Link(xml, "alternate", "text/html", site.Link(IdeaPaths.List + query));
            // An empty feed has no newest entry; the start of the epoch says "nothing yet" without changing on each request.
            xml.WriteElementString("updated", Atom, InternetTime.Utc(items.Count > 0 ? items.Max(i => i.PublishedAt ?? i.CreatedAt) : DateTimeOffset.UnixEpoch));
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "Kreisverwaltung Mayen-Koblenz");
            xml.WriteEndElement();
            foreach (var idea in items)
            {
                var link = site.Link(IdeaPaths.Detail(idea.Id));
                var published = InternetTime.Utc(idea.PublishedAt ?? idea.CreatedAt);
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, link);
                xml.WriteElementString("title", Atom, XmlText(idea.Title));
                Link(xml, "alternate", "text/html", link);
                xml.WriteElementString("published", Atom, published);
                xml.WriteElementString("updated", Atom, published);
                xml.WriteStartElement("author", Atom);
                xml.WriteElementString("name", Atom, XmlText(IdeasApi.Author(idea.AuthorDisplayName, idea.AuthorDeleted)));
                xml.WriteEndElement();
                Category(xml, idea.MunicipalityId, idea.MunicipalityName);
                Category(xml, idea.FieldId, idea.FieldName);
                xml.WriteStartElement("content", Atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(XmlText(idea.Body));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static void Link(XmlWriter xml, string relation, string type, string href)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", relation);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static void Category(XmlWriter xml, string term, string label)
    {
        xml.WriteStartElement("category", Atom);
        xml.WriteAttributeString("term", term);
        xml.WriteAttributeString("label", label);
        xml.WriteEndElement();
    }

    /// <summary>
    /// What a participant wrote, with the characters XML 1.0 cannot carry (control characters that a form may send, a
    /// lone surrogate) as U+FFFD; the writer would otherwise stop the whole feed at them.
    /// </summary>
    internal static string XmlText(string text)
    {
        StringBuilder? cleaned = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                cleaned?.Append(c);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                cleaned?.Append(c).Append(text[i + 1]);
                i++;
            }
            else
            {
                cleaned ??= new StringBuilder(text.Length).Append(text, 0, i);
                cleaned.Append('\uFFFD');
            }
        }

        return cleaned?.ToString() ?? text;
    }

}
