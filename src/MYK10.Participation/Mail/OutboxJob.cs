using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MYK10.Participation.Mail;

/// <summary>
/// Sends the due rows of the outbox. Safe to run twice or at once: rows are claimed under a lease, a row is
/// marked sent only by the run holding its lease, and no message is started when the lease is about to run out (a slow
/// server), since another run may then claim the same rows. A crash between sending and marking can resend that one message;
/// it keeps its Message-ID, so receiving systems can recognise the copy.
/// </summary>
public sealed class OutboxJob(
    OutboxStore store,
    IMailTransport transport,
    MimeMessageFactory messages,
    TimeProvider clock,
    IOptions<MailOptions> options,
    IEnumerable<IMailOutcomeObserver> observers,
    ILogger<OutboxJob> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ServerDownDelay = TimeSpan.FromMinutes(1);

    /// <summary>Time a message may still take to send; no message starts later than this before the lease ends.</summary>
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromMinutes(1);

    /// <summary>Delay before the next try after the n-th transient failure: 1, 2, 4 … minutes, at most 6 hours.</summary>
    public static TimeSpan Backoff(long attempts) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Max(0, attempts - 1)), 360));

    // The job retries by itself through the rows' next_attempt_at; Hangfire retries would only duplicate that.
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var batchSize = options.Value.BatchSize;
        while (!cancellationToken.IsCancellationRequested)
        {
            var leaseId = Guid.NewGuid();
            var now = clock.GetUtcNow();
            var batch = await store.ClaimDueAsync(leaseId, now, now + Lease, batchSize, cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            var completed = await SendBatchAsync(batch, leaseId, now + Lease, cancellationToken);
            if (!completed || batch.Count < batchSize)
            {
                return;
            }
        }
    }

    private async Task<bool> SendBatchAsync(IReadOnlyList<OutboxMessage> batch, Guid leaseId, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        IMailSession session;
        try
        {
            session = await transport.ConnectAsync(cancellationToken);
        }
        catch (MailDeliveryException ex)
        {
            logger.LogWarning("Mail server not reachable, {Count} messages wait: {Reason}", batch.Count, ex.Message);
            await ReleaseAsync(batch, leaseId, ex.Message);
            return false;
        }

        await using (session)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var row = batch[i];
                if (clock.GetUtcNow() >= leaseUntil - LeaseMargin)
                {
                    // A slow server: past its lease, another run may claim and send this row too. Give the rest back.
                    logger.LogWarning("Mail server slow, {Count} messages wait for the next run", batch.Count - i);
                    await ReleaseAsync(batch.Skip(i), leaseId, null);
                    return false;
                }

                try
                {
                    await session.SendAsync(messages.Create(row), cancellationToken);
                    await store.MarkSentAsync(row.Id, leaseId, clock.GetUtcNow());
                    await NotifyAsync(row, null);
                }
                catch (MailDeliveryException ex) when (ex.Kind == MailFailureKind.Permanent)
                {
                    logger.LogWarning("Mail {MessageId} refused permanently: {Reason}", row.MessageId, ex.Message);
                    await store.MarkFailedAsync(row.Id, leaseId, ex.Message);
                    await NotifyAsync(row, ex.Message);
                }
                catch (MailDeliveryException ex) when (ex.Kind == MailFailureKind.Transient)
                {
                    await RetryOrGiveUpAsync(row, leaseId, ex.Message);
                }
                catch (MailDeliveryException ex)
                {
                    logger.LogWarning("Connection lost while sending {MessageId}: {Reason}", row.MessageId, ex.Message);
                    await RetryOrGiveUpAsync(row, leaseId, ex.Message);
                    await ReleaseAsync(batch.Skip(i + 1), leaseId, null);
                    return false;
                }
                catch (OperationCanceledException)
                {
                    await ReleaseAsync(batch.Skip(i), leaseId, null);
                    throw;
                }
            }
        }

        return true;
    }

    private async Task RetryOrGiveUpAsync(OutboxMessage row, Guid leaseId, string reason)
    {
        var attempts = row.Attempts + 1;
        if (attempts >= options.Value.MaxAttempts)
        {
            logger.LogWarning("Mail {MessageId} given up after {Attempts} attempts: {Reason}", row.MessageId, attempts, reason);
            await store.MarkFailedAsync(row.Id, leaseId, reason);
            await NotifyAsync(row, reason);
            return;
        }

        await store.RetryLaterAsync(row.Id, leaseId, clock.GetUtcNow() + Backoff(attempts), countAttempt: true, reason);
    }

    /// <summary>Tells the observers; <paramref name="failure"/> null means sent. An observer's error never makes a message resend.</summary>
    private async Task NotifyAsync(OutboxMessage row, string? failure)
    {
        foreach (var observer in observers)
        {
            try
            {
                if (failure is null)
                {
                    await observer.SentAsync(row, CancellationToken.None);
                }
                else
                {
                    await observer.FailedAsync(row, failure, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogError(ex, "Outcome observer {Observer} failed for mail {MessageId}", observer.GetType().Name, row.MessageId);
            }
        }
    }

    private async Task ReleaseAsync(IEnumerable<OutboxMessage> rows, Guid leaseId, string? reason)
    {
        var next = clock.GetUtcNow() + ServerDownDelay;
        foreach (var row in rows)
        {
            await store.RetryLaterAsync(row.Id, leaseId, next, countAttempt: false, reason);
        }
    }
}
