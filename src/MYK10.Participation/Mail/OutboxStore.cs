using Dapper;
using MYK10.Participation.Data;

namespace MYK10.Participation.Mail;

/// <summary>
/// The sender's side of the outbox: claim due rows under a lease, then record what happened to each. A row that is
/// sent or has failed for good keeps only its delivery log (address, subject, status, times, error): its bodies and
/// extra headers are blanked in the same statement, because they may carry secret links (sign-in, unsubscribe) that
/// must not outlive the mail in the database or its backups.
/// </summary>
public sealed class OutboxStore(IDbConnectionFactory connections)
{
    // Retries still need the content, so only the final updates (sent, failed) forget it.
    private const string ForgetContent = "text_body = '', html_body = NULL, headers_json = NULL";

    /// <summary>Claims up to <paramref name="limit"/> due messages for <paramref name="leaseId"/>.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(Guid leaseId, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        // One UPDATE claims the rows atomically: two senders running at once never get the same row.
        const string claim = """
            UPDATE mail_outbox
            SET lease_id = @LeaseId, lease_until = @LeaseUntil
            WHERE id IN (
                SELECT id FROM mail_outbox
                WHERE status = 'pending' AND next_attempt_at <= @Now AND (lease_until IS NULL OR lease_until < @Now)
                ORDER BY next_attempt_at, id
                LIMIT @Limit)
            """;
        const string read = """
            SELECT id AS Id, message_id AS MessageId, to_address AS ToAddress, to_name AS ToName, subject AS Subject,
                   text_body AS TextBody, html_body AS HtmlBody, headers_json AS HeadersJson, attempts AS Attempts,
                   created_at AS CreatedAt
            FROM mail_outbox
            WHERE lease_id = @LeaseId AND status = 'pending'
            ORDER BY id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(claim, new { LeaseId = leaseId, LeaseUntil = leaseUntil, Now = now, Limit = limit });
        return (await connection.QueryAsync<OutboxMessage>(read, new { LeaseId = leaseId })).AsList();
    }

    public async Task MarkSentAsync(long id, Guid leaseId, DateTimeOffset now)
    {
        const string sql = $"""
            UPDATE mail_outbox
            SET status = 'sent', sent_at = @Now, {ForgetContent}, attempts = attempts + 1, lease_id = NULL, lease_until = NULL, last_error = NULL
            WHERE id = @Id AND lease_id = @LeaseId AND status = 'pending'
            """;
        await using var connection = await connections.OpenAsync();
        await connection.ExecuteAsync(sql, new { Id = id, LeaseId = leaseId, Now = now });
    }

    public async Task MarkFailedAsync(long id, Guid leaseId, string error)
    {
        const string sql = $"""
            UPDATE mail_outbox
            SET status = 'failed', {ForgetContent}, attempts = attempts + 1, lease_id = NULL, lease_until = NULL, last_error = @Error
            WHERE id = @Id AND lease_id = @LeaseId AND status = 'pending'
            """;
        await using var connection = await connections.OpenAsync();
        await connection.ExecuteAsync(sql, new { Id = id, LeaseId = leaseId, Error = Truncate(error) });
    }

    /// <summary>Gives the row back for a later run; <paramref name="countAttempt"/> is false when the server, not the message, was the problem.</summary>
    public async Task RetryLaterAsync(long id, Guid leaseId, DateTimeOffset nextAttemptAt, bool countAttempt, string? error)
    {
        const string sql = """
            UPDATE mail_outbox
            SET next_attempt_at = @NextAttemptAt, attempts = attempts + @Increment, lease_id = NULL, lease_until = NULL,
                last_error = coalesce(@Error, last_error)
            WHERE id = @Id AND lease_id = @LeaseId AND status = 'pending'
            """;
        await using var connection = await connections.OpenAsync();
        await connection.ExecuteAsync(sql, new { Id = id, LeaseId = leaseId, NextAttemptAt = nextAttemptAt, Increment = countAttempt ? 1 : 0, Error = error is null ? null : Truncate(error) });
    }

    /// <summary>Counts of pending and failed messages, for health and operations.</summary>
    public async Task<(long Pending, long Failed)> BacklogAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT coalesce(sum(status = 'pending'), 0) AS Pending, coalesce(sum(status = 'failed'), 0) AS Failed
            FROM mail_outbox
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(sql, cancellationToken: cancellationToken));
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}
