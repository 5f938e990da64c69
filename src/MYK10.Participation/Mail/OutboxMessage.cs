namespace MYK10.Participation.Mail;

/// <summary>A row of <c>mail_outbox</c> as the sender sees it.</summary>
public sealed record OutboxMessage(
    long Id,
    string MessageId,
    string ToAddress,
    string? ToName,
    string Subject,
    string TextBody,
    string? HtmlBody,
    string? HeadersJson,
    long Attempts,
    DateTimeOffset CreatedAt);
