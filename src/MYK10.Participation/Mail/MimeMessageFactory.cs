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
        message.To.Add(new MailboxAddress(row.ToName ?? string.Empty, row.ToAddress));

        if (row.HeadersJson is not null)
        {
            var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(row.HeadersJson) ?? [];
            foreach (var (name, value) in headers)
            {
                message.Headers.Add(name, value);
            }
        }

        var body = new BodyBuilder { TextBody = row.TextBody };
        if (row.HtmlBody is not null)
        {
            body.HtmlBody = row.HtmlBody;
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
