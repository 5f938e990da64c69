using System.ComponentModel.DataAnnotations;

namespace MYK10.Participation.Mail;

/// <summary>
/// An address the outbox can build a message for (after trimming, as the services store it). [EmailAddress] only asks
/// for one "@", so "max mustermann@web.de" passed: the form said the mail was on its way, and it could never be sent.
/// So did "max@webde", whose host has no dot.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class DeliverableEmailAttribute : ValidationAttribute
{
    // A blank value is [Required]'s to judge (an optional field may stay empty).
    public override bool IsValid(object? value) =>
        value is not string email || string.IsNullOrWhiteSpace(email) || MailAddresses.IsDeliverable(email.Trim());
}
