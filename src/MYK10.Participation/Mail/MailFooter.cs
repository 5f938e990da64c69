using System.Net;

namespace MYK10.Participation.Mail;

/// <summary>
/// The end of every mail to citizens and council members: who sends it, why the reader gets it, and where the imprint
/// is (a reader must be able to tell who is behind a mail without knowing the site).
/// </summary>
public static class MailFooter
{
    public const string Sender = "Absender: Kreisverwaltung Mayen-Koblenz, MYK10 Bürgerbeteiligung.";

    /// <summary>Below a signature: "-- " (RFC 3676) marks it, so mail clients can leave it out of replies.</summary>
    /// <param name="reason">A German sentence, such as "Sie erhalten diese E-Mail, weil Sie eine Idee eingereicht haben."</param>
    public static string Text(string reason, string imprintLink) => $"\n-- \n{Sender} {reason}\nImpressum: {imprintLink}\n";

    /// <param name="reasonHtml">The reason as HTML: the caller encodes any user or admin text in it.</param>
    public static string Html(string reasonHtml, string imprintLink) =>
        $"<p style=\"font-size: 14px; color: #4a4a4a; border-top: 1px solid #d0d0d0; margin-top: 32px; padding-top: 12px;\">" +
        $"{WebUtility.HtmlEncode(Sender)} {reasonHtml}<br><a href=\"{WebUtility.HtmlEncode(imprintLink)}\" style=\"color: #0b4a7d;\">Impressum</a></p>";
}
