namespace MYK10.Participation.Mail;

/// <summary>
/// Learns the final outcome of an outbox message (sent, or failed for good), for features that track their mail,
/// such as digest deliveries. Called after the outbox row is updated; an observer must be idempotent (the outbox
/// row stays the truth) and its errors are logged, never retried by the sender.
/// </summary>
public interface IMailOutcomeObserver
{
    Task SentAsync(OutboxMessage message, CancellationToken cancellationToken);

    Task FailedAsync(OutboxMessage message, string reason, CancellationToken cancellationToken);
}
