using MimeKit;

namespace MYK10.Participation.Mail;

/// <summary>
/// The one check of an email address, wherever the site takes one (sign-in, accessibility feedback, staff accounts,
/// council recipients): an address the outbox can build a message for and the database can keep.
/// </summary>
public static class MailAddresses
{
    /// <summary>The longest address the tables keep (their CHECK), as RFC 5321 allows.</summary>
    public const int MaxLength = 320;

    /// <summary>
    /// A plain address (no display name, no spaces, already trimmed) that MimeKit parses to itself and whose host has a
    /// dot: "max@webde" and "max@gmail" are typos no mail on the internet reaches.
    /// </summary>
    public static bool IsDeliverable(string? email)
    {
        if (string.IsNullOrEmpty(email) || email.Length is < 3 or > MaxLength || email.Any(char.IsWhiteSpace))
        {
            return false;
        }

        try
        {
            var mailbox = new MailboxAddress(string.Empty, email);
            return mailbox.Address == email && mailbox.Domain.Trim('.').Contains('.', StringComparison.Ordinal);
        }
        catch (ParseException)
        {
            return false;
        }
    }
}
