using System.Text.Json;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MYK10.Participation.Mail;

/// <summary>Turns an outbox row into a MIME message with a text and, where given, an HTML part.</summary>
public sealed class MimeMessageFactory(IOptions<MailOptions> options)
{
    public MimeMessage Create(OutboxMessage row)
    {
        var message = new MimeMessage
        {
            MessageId = row.MessageId,
            Subject = row.Subject,
            Date = row.CreatedAt,
        };
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.From));
        message.To.Add(Recipient(row));

        if (row.HeadersJson is not null)
        {
            var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(row.HeadersJson) ?? [];
            foreach (var (name, value) in headers)
            {
                message.Headers.Add(name, value);
            }
        }

        // Every mail of the site is sent by a machine (RFC 3834): out-of-office replies and the like stay away. Set
        // after the row's own headers so that a row which names it too still carries it once.
        message.Headers["Auto-Submitted"] = "auto-generated";

        var body = new BodyBuilder { TextBody = row.TextBody };
        if (row.HtmlBody is not null)
        {
            body.HtmlBody = row.HtmlBody;
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    // The sign-in form's [EmailAddress] lets through addresses such as "max mustermann@web.de" that MimeKit cannot
    // parse. Such a row can never be sent: it fails for good instead of stopping every run of the outbox job.
    private static MailboxAddress Recipient(OutboxMessage row)
    {
        try
        {
            return new MailboxAddress(row.ToName ?? string.Empty, row.ToAddress);
        }
        catch (ParseException ex)
        {
            throw new MailDeliveryException(MailFailureKind.Permanent, $"Invalid recipient address: {ex.Message}", ex);
        }
    }
}
