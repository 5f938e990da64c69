using MimeKit;

namespace MYK10.Participation.Web.Tests.Infrastructure;

/// <summary>
/// Mail as it left the site: the .eml files in the pickup folder. The outbox blanks a row's content once it is sent,
/// so tests read links and texts from here, not from <c>mail_outbox</c>.
/// </summary>
public static class PickupMail
{
    /// <summary>Waits for the first mail to <paramref name="to"/> that satisfies <paramref name="match"/>.</summary>
    public static async Task<MimeMessage> WaitForMailAsync(this SiteFactory site, string to, Func<MimeMessage, bool>? match = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(site.MailDirectory))
            {
                foreach (var file in Directory.GetFiles(site.MailDirectory, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == to) && (match is null || match(message)))
                    {
                        return message;
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No matching mail for {to} arrived.");
    }

    /// <summary>The path of the first link in <paramref name="message"/>'s text that starts with <paramref name="prefix"/>.</summary>
    public static string LinkPath(this MimeMessage message, string prefix)
    {
        var body = message.TextBody ?? string.Empty;
        var start = body.IndexOf(prefix, StringComparison.Ordinal);
        Assert.True(start >= 0, $"No link {prefix}… in the mail.");
        var end = body.IndexOfAny(['\r', '\n', ' '], start);
        return end < 0 ? body[start..] : body[start..end];
    }
}
