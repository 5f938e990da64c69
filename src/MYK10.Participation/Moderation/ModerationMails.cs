using System.Net;
using MYK10.Participation.Mail;

namespace MYK10.Participation.Moderation;

/// <summary>The German mails that moderation decisions send to authors and supporters.</summary>
internal static class ModerationMails
{
    public static readonly IReadOnlyDictionary<string, string> RejectionLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["duplicate"] = "Es gibt bereits eine gleiche oder sehr ähnliche Idee.",
        ["off_topic"] = "Die Idee gehört nicht zum Thema der digitalen Strategie.",
        ["insult"] = "Der Beitrag enthält beleidigende oder herabsetzende Aussagen.",
        ["personal_data"] = "Der Beitrag enthält persönliche Daten anderer Menschen.",
        ["not_municipal"] = "Das Anliegen liegt nicht in der Zuständigkeit des Landkreises oder seiner Gemeinden.",
        ["advertising"] = "Der Beitrag wirbt für Produkte, Firmen, Parteien oder Wahlen oder ist Spam.",
        ["unlawful"] = "Der Beitrag übernimmt Texte anderer ohne deren Erlaubnis oder verstößt auf andere Weise gegen Gesetze.",
    };

    public static readonly IReadOnlyDictionary<string, string> AnswerLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["in_review"] = "in Prüfung",
        ["adopted"] = "in die Strategie aufgenommen",
        ["implemented"] = "umgesetzt",
        ["not_feasible"] = "nicht umsetzbar",
    };

    private const string AuthorReason = "Sie erhalten diese E-Mail, weil Sie diese Idee eingereicht haben.";

    public static OutgoingMail Published(string email, long ideaId, string title, string link, string imprint) => Build(
        email, $"idea-published:{ideaId}", "Ihre Idee ist veröffentlicht", AuthorReason,
        [$"Ihre Idee „{title}“ wurde von der Moderation geprüft und ist jetzt öffentlich. Andere können sie ab sofort unterstützen und kommentieren."],
        link, imprint);

    public static OutgoingMail Rejected(string email, long ideaId, string title, string reason, string? note, string link, string imprint) => Build(
        email, $"idea-rejected:{ideaId}", "Ihre Idee wurde nicht veröffentlicht", AuthorReason,
        [
            $"vielen Dank für Ihre Idee „{title}“. Die Moderation hat sie geprüft und kann sie leider nicht veröffentlichen.",
            $"Grund: {RejectionLabels[reason]}",
            .. note is null ? Array.Empty<string>() : [$"Hinweis der Moderation: {note}"],
            "Sie können Ihre Idee gern überarbeitet erneut einreichen.",
        ],
        link, imprint);

    public static OutgoingMail Merged(string email, long sourceId, string sourceTitle, string targetTitle, bool isTargetAuthor, string link, string imprint) => Build(
        email, $"idea-merged:{sourceId}:{email}", "Ideen wurden zusammengeführt", "Sie erhalten diese E-Mail, weil Sie eine der beiden Ideen eingereicht haben.",
        [
            isTargetAuthor
                ? $"die Idee „{sourceTitle}“ beschreibt dasselbe Anliegen wie Ihre Idee „{targetTitle}“. Die Moderation hat beide zusammengeführt: Unterstützerinnen und Unterstützer zählen jetzt bei Ihrer Idee mit."
                : $"Ihre Idee „{sourceTitle}“ beschreibt dasselbe Anliegen wie die Idee „{targetTitle}“. Die Moderation hat beide zusammengeführt, damit die Unterstützung gebündelt zählt. Ihre Idee leitet jetzt dorthin weiter.",
        ],
        link, imprint);

    public static OutgoingMail Answered(string email, long ideaId, long version, string title, string status, string answer, IReadOnlyList<string> measures, string link, string imprint) => Build(
        email, $"idea-answer:{ideaId}:{version}:{email}", "Neue Antwort der Verwaltung zu Ihrer Idee", AuthorReason,
        [$"Ihre Idee „{title}“ hat eine Antwort der Verwaltung erhalten.", .. AnswerParagraphs(status, answer, measures)],
        link, imprint);

    /// <summary>
    /// To a supporter, unless they switched it off on the account page. One answer version reaches each supporter once; a
    /// changed answer is a new version and may notify again, as the author's mail does.
    /// </summary>
    public static OutgoingMail AnsweredToSupporter(string email, long participantId, long ideaId, long version, string title, string status, string answer, IReadOnlyList<string> measures, string link, string settingsLink, string imprint) => Build(
        email, $"idea-answer-supporter:{ideaId}:{version}:{participantId}", "Neue Antwort der Verwaltung zu einer Idee, die Sie unterstützen",
        "Sie erhalten diese E-Mail, weil Sie diese Idee unterstützen und Benachrichtigungen zu Antworten in Ihrem Konto nicht ausgeschaltet haben.",
        [$"die Idee „{title}“, die Sie unterstützen, hat eine Antwort der Verwaltung erhalten.", .. AnswerParagraphs(status, answer, measures)],
        link, imprint, settingsLink);

    private static string[] AnswerParagraphs(string status, string answer, IReadOnlyList<string> measures) =>
    [
        $"Neuer Stand: {AnswerLabels[status]}",
        answer,
        .. measures.Count == 0 ? Array.Empty<string>() : [$"Die Idee ist in diese Maßnahmen der Strategie eingeflossen: {string.Join("; ", measures)}"],
    ];

    /// <param name="settingsLink">Where the reader switches this mail off, for mail they can switch off.</param>
    private static OutgoingMail Build(string email, string dedupeKey, string subject, string reason, IReadOnlyList<string> paragraphs, string link, string imprint, string? settingsLink = null)
    {
        const string switchOff = "Sie können diese Benachrichtigungen in Ihrem Konto jederzeit ausschalten";
        var text = "Guten Tag,\n\n" + string.Join("\n\n", paragraphs) + $"\n\nZur Idee: {link}\n\n"
            + (settingsLink is null ? string.Empty : $"{switchOff}: {settingsLink}\n\n")
            + "Mit freundlichen Grüßen\nIhr Team der MYK10 Bürgerbeteiligung\n" + MailFooter.Text(reason, imprint);
        var html = "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>" + WebUtility.HtmlEncode(subject) + "</title></head>"
            + "<body style=\"font-family: Arial, sans-serif; color: #1b1b1b; line-height: 1.5;\">" + MailHtml.Heading(subject) + "<p>Guten Tag,</p>"
            + string.Concat(paragraphs.Select(p => "<p>" + WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>"))
            + $"<p><a href=\"{WebUtility.HtmlEncode(link)}\" style=\"color: #0b4a7d;\">Zur Idee</a></p>"
            + (settingsLink is null ? string.Empty : $"<p>{switchOff}: <a href=\"{WebUtility.HtmlEncode(settingsLink)}\" style=\"color: #0b4a7d;\">Benachrichtigungen ausschalten</a></p>")
            + "<p>Mit freundlichen Grüßen<br>Ihr Team der MYK10 Bürgerbeteiligung</p>" + MailFooter.Html(WebUtility.HtmlEncode(reason), imprint) + "</body></html>";
        return new OutgoingMail(email, null, subject, text, html, dedupeKey);
    }
}
