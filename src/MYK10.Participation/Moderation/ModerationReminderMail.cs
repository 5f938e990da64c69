using System.Globalization;
using System.Net;
using MYK10.Participation.Hosting;
using MYK10.Participation.Mail;
using MYK10.Participation.Staff;
using MYK10.Participation.Time;

namespace MYK10.Participation.Moderation;

/// <summary>The German mail that tells moderators (or, without any, the admins) that ideas or reports wait.</summary>
internal static class ModerationReminderMail
{
    private const string Heading = "In der Moderation wartet Arbeit";

    private const string Stop =
        "Die Erinnerung kommt höchstens einmal am Tag und nur, wenn etwas wartet. Im eigenen Konto lässt sie sich nicht abbestellen: " +
        "Sie endet, wenn eine Administratorin oder ein Administrator Ihr Konto deaktiviert, oder wenn der Betrieb der Website " +
        "ihren Zeitplan (Einstellung Moderation:ReminderCron) ändert oder abschaltet.";

    public static OutgoingMail Build(StaffMember recipient, QueueSummary waiting, SiteOptions site, string dedupeKey)
    {
        var german = CultureInfo.GetCultureInfo("de-DE");
        var queue = site.Link(ModerationPaths.Queue);
        var reports = site.Link(ModerationPaths.Reports);
        // Both figures come from one statement, so there is an oldest whenever one waits.
        var since = waiting.OldestPendingAt is { } at ? BerlinTime.Format(at, german) : string.Empty;
        var ideas = waiting.Pending switch
        {
            0 => "Keine Idee wartet auf Prüfung.",
            1 => $"1 Idee wartet auf Prüfung, seit {since}.",
            var n => $"{n} Ideen warten auf Prüfung. Die älteste wartet seit {since}.",
        };
        var reported = waiting.OpenReports switch
        {
            0 => "Keine Meldung ist offen.",
            1 => "1 gemeldeter Beitrag wartet auf eine Entscheidung.",
            var n => $"{n} gemeldete Beiträge warten auf eine Entscheidung.",
        };
        var fallback = recipient.Role == StaffRole.Admin
            ? "Zurzeit ist kein Moderationskonto aktiv, deshalb geht diese Erinnerung an die Administration."
            : null;
        var reason = (recipient.Role == StaffRole.Admin
            ? "Sie erhalten diese E-Mail, weil Sie ein aktives Administrationskonto bei der MYK10 Bürgerbeteiligung haben und kein Moderationskonto aktiv ist; sobald eines aktiv ist, geht sie wieder nur an die Moderation. "
            : "Sie erhalten diese E-Mail, weil Sie ein aktives Moderationskonto bei der MYK10 Bürgerbeteiligung haben. ") + Stop;

        var text = $"""
            Guten Tag,

            {(fallback is null ? string.Empty : fallback + "\n\n")}{ideas}
            Zur Warteschlange: {queue}

            {reported}
            Zu den Meldungen: {reports}

            Eingereichte Ideen werden erst öffentlich, wenn die Moderation sie geprüft hat.

            Ihre MYK10 Bürgerbeteiligung (automatische Erinnerung)

            """ + MailFooter.Text(reason, site.ImprintLink);
        var html = $"""
            <!DOCTYPE html>
            <html lang="de"><head><meta charset="utf-8"><title>{Encode(Subject(waiting))}</title></head>
            <body style="font-family: Arial, sans-serif; color: #1b1b1b; line-height: 1.5;">
            {MailHtml.Heading(Heading)}
            <p>Guten Tag,</p>
            {(fallback is null ? string.Empty : $"<p>{Encode(fallback)}</p>")}
            <p>{Encode(ideas)}<br><a href="{Encode(queue)}">Zur Warteschlange</a></p>
            <p>{Encode(reported)}<br><a href="{Encode(reports)}">Zu den Meldungen</a></p>
            <p>Eingereichte Ideen werden erst öffentlich, wenn die Moderation sie geprüft hat.</p>
            <p>Ihre MYK10 Bürgerbeteiligung (automatische Erinnerung)</p>
            {MailFooter.Html(Encode(reason), site.ImprintLink)}
            </body></html>
            """;
        return new OutgoingMail(recipient.Email, null, Subject(waiting), text, html, dedupeKey);
    }

    /// <summary>For example "Moderation: 3 Ideen zur Prüfung, 1 offene Meldung".</summary>
    private static string Subject(QueueSummary waiting)
    {
        var parts = new List<string>(2);
        if (waiting.Pending > 0)
        {
            parts.Add(waiting.Pending == 1 ? "1 Idee zur Prüfung" : $"{waiting.Pending} Ideen zur Prüfung");
        }

        if (waiting.OpenReports > 0)
        {
            parts.Add(waiting.OpenReports == 1 ? "1 offene Meldung" : $"{waiting.OpenReports} offene Meldungen");
        }

        return "Moderation: " + string.Join(", ", parts);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
