using System.Text;
using MYK10.Participation.Mail;
using static MYK10.Participation.Digests.DigestFormat;

namespace MYK10.Participation.Digests;

/// <summary>A built digest, before it is stored or personalised for a recipient.</summary>
/// <param name="Html">A complete HTML document; <see cref="DigestBuilder.RecipientFooterMarker"/> marks where each mail gets its unsubscribe footer.</param>
public sealed record DigestContent(string Subject, string Text, string Html, bool IsEmpty);

/// <summary>Builds the German digest of a council for a period from the registered <see cref="IDigestSection"/>s.</summary>
public sealed class DigestBuilder(IEnumerable<IDigestSection> sections)
{
    /// <summary>Sections at or after this order come below the participation table.</summary>
    public const int FiguresTableOrder = 850;

    public const string RecipientFooterMarker = "<!--recipient-footer-->";

    private const string BodyStyle = "margin:0;padding:0;background:#f3f5f7;font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;";
    private const string FrameStyle = "max-width:680px;margin:0 auto;background:#ffffff;padding:24px;";
    private const string BrandStyle = "font-size:14px;font-weight:bold;letter-spacing:0.03em;color:#0b4f6c;margin:0 0 12px;";
    private const string H1Style = "font-size:24px;line-height:1.25;margin:0 0 4px;color:#1a1a1a;";

    private readonly IReadOnlyList<IDigestSection> _sections = sections.OrderBy(s => s.Order).ToList();

    public static string Subject(DigestContext context) =>
        $"MYK10 Bürgerbeteiligung – {ReportKind(context.Period)} für {context.AreaName}, {DayRange(context.Period)}";

    public async Task<DigestContent> BuildAsync(DigestContext context, DigestQuery query, CancellationToken cancellationToken = default)
    {
        var blocks = new List<(int Order, DigestBlock Block)>();
        foreach (var section in _sections)
        {
            blocks.Add((section.Order, await section.BuildAsync(context, query, cancellationToken)));
        }

        var figures = blocks.SelectMany(b => b.Block.Figures).ToList();
        var isEmpty = !blocks.Any(b => b.Block.HasNews) && figures.All(f => f.Period == 0);
        var subject = Subject(context);
        var title = $"{ReportKind(context.Period)} für {context.AreaName}";

        var text = new StringBuilder();
        text.Append($"MYK10 Bürgerbeteiligung\n{title}\n{DayRange(context.Period)}\n\nGuten Tag,\n\n");
        text.Append($"dies ist die Zusammenfassung der Bürgerbeteiligung für {context.CouncilName} ");
        text.Append($"vom {DateTime(context.Period.Start)} bis {DateTime(context.Period.End)}.\n");

        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{Html(subject)}</title></head>");
        html.Append($"<body style=\"{BodyStyle}\"><div style=\"{FrameStyle}\" role=\"main\">");
        html.Append($"<p style=\"{BrandStyle}\">MYK10 Bürgerbeteiligung</p><h1 style=\"{H1Style}\">{Html(title)}</h1>");
        html.Append($"<p style=\"{TextStyle}{MutedStyle}\">{Html(DayRange(context.Period))}</p>");
        html.Append($"<p style=\"{TextStyle}\">Guten Tag,</p><p style=\"{TextStyle}\">dies ist die Zusammenfassung der Bürgerbeteiligung für {Html(context.CouncilName)} ");
        html.Append($"vom {Html(DateTime(context.Period.Start))} bis {Html(DateTime(context.Period.End))}.</p>");

        if (isEmpty)
        {
            const string none = "Im Berichtszeitraum gab es keine neuen Beiträge: keine neuen Ideen, Unterstützungen oder Kommentare.";
            text.Append($"\n{none}\nAlle Ideen: {context.Link("/ideen")}\n");
            html.Append($"<p style=\"{TextStyle}\">{none}</p><p style=\"{TextStyle}\"><a href=\"{Html(context.Link("/ideen"))}\" style=\"{LinkStyle}\">Alle Ideen ansehen</a></p>");
        }
        else
        {
            foreach (var (_, block) in blocks.Where(b => b.Order < FiguresTableOrder && b.Block.Heading is not null))
            {
                AppendBlock(text, html, block);
            }

            AppendFigures(text, html, context, figures);
            foreach (var (_, block) in blocks.Where(b => b.Order >= FiguresTableOrder && b.Block.Heading is not null))
            {
                AppendBlock(text, html, block);
            }
        }

        html.Append(RecipientFooterMarker).Append("</div></body></html>");
        return new DigestContent(subject, text.ToString(), html.ToString(), isEmpty);
    }

    /// <summary>The end of a recipient's mail: who sends it, why they get it, how to stop it, and the imprint.</summary>
    public static (string Text, string Html) RecipientFooter(string councilName, string unsubscribeLink, string imprintLink) => (
        MailFooter.Text($"Sie erhalten diesen Bericht als Empfänger·in für {councilName}.\nBericht abbestellen (ein Klick): {unsubscribeLink}", imprintLink),
        MailFooter.Html($"Sie erhalten diesen Bericht als Empfänger·in für {Html(councilName)}. " +
            $"<a href=\"{Html(unsubscribeLink)}\" style=\"{LinkStyle}\">Bericht abbestellen</a>", imprintLink));

    /// <summary>The stored digest with the footer of one recipient.</summary>
    public static (string Text, string Html) Personalise(string text, string html, string councilName, string unsubscribeLink, string imprintLink)
    {
        var footer = RecipientFooter(councilName, unsubscribeLink, imprintLink);
        return (text + footer.Text, html.Replace(RecipientFooterMarker, footer.Html, StringComparison.Ordinal));
    }

    private static void AppendBlock(StringBuilder text, StringBuilder html, DigestBlock block)
    {
        text.Append($"\n== {block.Heading} ==\n\n{block.Text.TrimEnd('\n')}\n");
        html.Append($"<h2 style=\"{H2Style}\">{Html(block.Heading)}</h2>{block.Html}");
    }

    private static void AppendFigures(StringBuilder text, StringBuilder html, DigestContext context, IReadOnlyList<DigestFigure> figures)
    {
        if (figures.Count == 0)
        {
            return;
        }

        text.Append("\n== Beteiligung in Zahlen ==\n\n");
        html.Append($"<h2 style=\"{H2Style}\">Beteiligung in Zahlen</h2><table style=\"{TableStyle}\">");
        html.Append($"<caption style=\"{CaptionStyle}\">Beteiligung in {Html(context.AreaName)}: Berichtszeitraum, gleich langer Zeitraum davor und insgesamt</caption>");
        html.Append($"<thead><tr><th scope=\"col\" style=\"{ThStyle}\">Kennzahl</th><th scope=\"col\" style=\"{ThStyle}\">Berichtszeitraum</th>" +
            $"<th scope=\"col\" style=\"{ThStyle}\">Zeitraum davor</th><th scope=\"col\" style=\"{ThStyle}\">Insgesamt</th></tr></thead><tbody>");
        foreach (var figure in figures)
        {
            text.Append($"{figure.Label}: {Number(figure.Period)} (Zeitraum davor: {Number(figure.Previous)}, insgesamt: {Number(figure.Total)})\n");
            html.Append($"<tr><th scope=\"row\" style=\"{TdStyle}\">{Html(figure.Label)}</th><td style=\"{NumberStyle}\">{Number(figure.Period)}</td>" +
                $"<td style=\"{NumberStyle}\">{Number(figure.Previous)}</td><td style=\"{NumberStyle}\">{Number(figure.Total)}</td></tr>");
        }

        html.Append("</tbody></table>");
        var note = FiguresNote(context);
        text.Append($"\n{note}\n");
        html.Append($"<p style=\"{TextStyle}{MutedStyle}\">{Html(note)}</p>");
    }

    /// <summary>What the columns mean and, for a municipality, which contributions count as its own.</summary>
    private static string FiguresNote(DigestContext context)
    {
        const string columns = "„Zeitraum davor“ ist der gleich lange Zeitraum vor dem Berichtszeitraum, „insgesamt“ alles bis zu dessen Ende.";
        return context.AreaId is null
            ? columns
            : $"Für {context.AreaName} zählen Ideen, Unterstützungen und Kommentare nach dem Ort der Idee, Teilnehmende, Umfrage-Antworten und Stimmabgaben nach dem Wohnort. {columns}";
    }
}
