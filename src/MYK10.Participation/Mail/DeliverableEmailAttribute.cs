using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace MYK10.Participation.Mail;

/// <summary>
/// An address the outbox can build a message for (after trimming, as the services store it). [EmailAddress] only asks
/// for one "@", so "max mustermann@web.de" passed: the form said the mail was on its way, and it could never be sent.
/// So did "max@webde", whose host has no dot.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class DeliverableEmailAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not string email || IsDeliverable(email.Trim());

    public static bool IsDeliverable(string email)
    {
        try
        {
            // A host without a dot ("max@webde", "max@gmail") is a typo no mail on the internet reaches, refused as staff
            // and council addresses are.
            var mailbox = new MailboxAddress(string.Empty, email);
            return mailbox.Address == email && mailbox.Domain.Trim('.').Contains('.', StringComparison.Ordinal);
        }
        catch (ParseException)
        {
            return false;
        }
    }
}
