namespace MYK10.Participation.Mail;

/// <summary>A message to put into the outbox.</summary>
/// <param name="DedupeKey">Optional: a second insert with the same key is ignored, so a job may run twice.</param>
public sealed record OutgoingMail(
    string ToAddress,
    string? ToName,
    string Subject,
    string TextBody,
    string? HtmlBody,
    string? DedupeKey = null,
    IReadOnlyDictionary<string, string>? Headers = null);
