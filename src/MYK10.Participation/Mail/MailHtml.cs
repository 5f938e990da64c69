using System.Net;

namespace MYK10.Participation.Mail;

/// <summary>Pieces of the short HTML mails (the council digests have their own layout).</summary>
public static class MailHtml
{
    /// <summary>The mail's one top-level heading, so screen reader users can tell and jump to what the mail is about.</summary>
    public static string Heading(string text) =>
        $"<h1 style=\"font-size: 22px; line-height: 1.3; margin: 0 0 16px; color: #1b1b1b;\">{WebUtility.HtmlEncode(text)}</h1>";
}
