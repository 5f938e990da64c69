using System.Net;
using Dapper;
using Microsoft.Extensions.Configuration;
using MYK10.Participation.Data;
using MYK10.Participation.Mail;
using MYK10.Participation.Staff;

namespace MYK10.Participation.Legal;

/// <summary>A report of a barrier from the accessibility statement's form.</summary>
public sealed record AccessibilityFeedback(string Message, string? PageAddress, string? Name, string? ReplyTo);

/// <summary>
/// Passes feedback on barriers to the people who must answer it (BITV 2.0 § 7): to the addresses in
/// <c>Accessibility:FeedbackAddresses</c>, or else to every active admin. Only through the outbox; nothing else is stored.
/// </summary>
public sealed class AccessibilityFeedbackService(IDbConnectionFactory connections, MailOutbox outbox, IOutboxSignal signal, IConfiguration configuration)
{
    /// <summary>Returns the number of recipients (0 when no one is configured and there is no admin).</summary>
    public async Task<int> SendAsync(AccessibilityFeedback feedback)
    {
        var configured = configuration.GetSection("Accessibility:FeedbackAddresses").Get<string[]>() ?? [];
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var recipients = configured.Where(a => !string.IsNullOrWhiteSpace(a)).ToList();
        if (recipients.Count == 0)
        {
            recipients = (await StaffStore.ActiveAsync(connection, transaction, StaffRole.Admin)).Select(admin => admin.Email).ToList();
        }

        foreach (var recipient in recipients)
        {
            await outbox.EnqueueAsync(connection, transaction, Mail(recipient, feedback));
        }

        await transaction.CommitAsync();
        if (recipients.Count > 0)
        {
            signal.MailQueued();
        }

        return recipients.Count;
    }

    private static OutgoingMail Mail(string recipient, AccessibilityFeedback feedback)
    {
        var from = feedback.ReplyTo is null ? "ohne Antwortadresse" : $"{feedback.Name ?? "ohne Namen"} <{feedback.ReplyTo}>";
        var text = $"""
            Über die Erklärung zur Barrierefreiheit ist eine Rückmeldung eingegangen.

            Von: {from}
            Seite: {feedback.PageAddress ?? "nicht angegeben"}

            {feedback.Message}

            Bitte antworten Sie innerhalb eines Monats (§ 7 BITV 2.0 in Verbindung mit dem Landesinklusionsgesetz).
            """;
        var html = $"""
            <!DOCTYPE html>
            <html lang="de"><head><meta charset="utf-8"><title>Rückmeldung zur Barrierefreiheit</title></head>
            <body style="font-family: Arial, sans-serif; color: #1b1b1b; line-height: 1.5;">
            {MailHtml.Heading("Rückmeldung zur Barrierefreiheit")}
            <p>Über die Erklärung zur Barrierefreiheit ist eine Rückmeldung eingegangen.</p>
            <p>Von: {WebUtility.HtmlEncode(from)}<br>Seite: {WebUtility.HtmlEncode(feedback.PageAddress ?? "nicht angegeben")}</p>
            <blockquote style="white-space: pre-wrap;">{WebUtility.HtmlEncode(feedback.Message)}</blockquote>
            <p>Bitte antworten Sie innerhalb eines Monats (§ 7 BITV 2.0 in Verbindung mit dem Landesinklusionsgesetz).</p>
            </body></html>
            """;
        var headers = feedback.ReplyTo is null ? null : new Dictionary<string, string> { ["Reply-To"] = feedback.ReplyTo };
        return new OutgoingMail(recipient, null, "Rückmeldung zur Barrierefreiheit der MYK10 Bürgerbeteiligung", text, html, Headers: headers);
    }
}
