using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MYK10.Participation.Data;
using MYK10.Participation.Hosting;
using MYK10.Participation.Mail;
using MYK10.Participation.Staff;

namespace MYK10.Participation.Digests;

/// <summary>
/// Records what became of a digest mail: sent resets the recipient's count of consecutive permanent failures; a
/// permanent failure (5xx, or given up after the outbox's retries) marks the delivery failed with the server's answer
/// and counts; at <see cref="PauseAfterFailures"/> the recipient is paused and every admin gets a mail.
/// </summary>
public sealed class DigestDeliveryOutcomes(
    IDbConnectionFactory connections,
    MailOutbox outbox,
    IOptions<SiteOptions> site,
    TimeProvider clock,
    ILogger<DigestDeliveryOutcomes> logger) : IMailOutcomeObserver
{
    public const int PauseAfterFailures = 3;

    public async Task SentAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE council_recipients SET permanent_failures = 0
            WHERE id = (SELECT recipient_id FROM digest_deliveries WHERE outbox_id = @OutboxId AND status = 'queued');
            UPDATE digest_deliveries SET status = 'sent' WHERE outbox_id = @OutboxId AND status = 'queued';
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await connection.ExecuteAsync(sql, new { OutboxId = message.Id }, transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task FailedAsync(OutboxMessage message, string reason, CancellationToken cancellationToken)
    {
        // Only the first report for a delivery counts (status 'queued' → 'failed'), so a repeated call changes nothing.
        const string fail = """
            UPDATE digest_deliveries SET status = 'failed', failure = @Reason
            WHERE outbox_id = @OutboxId AND status = 'queued'
            RETURNING recipient_id
            """;
        const string count = """
            UPDATE council_recipients
            SET permanent_failures = permanent_failures + 1,
                paused_at = CASE WHEN permanent_failures + 1 >= @Limit AND paused_at IS NULL THEN @Now ELSE paused_at END
            WHERE id = @RecipientId
            RETURNING paused_at = @Now
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var recipientId = await connection.ExecuteScalarAsync<long?>(fail, new { OutboxId = message.Id, Reason = reason }, transaction);
        if (recipientId is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var pausedNow = await connection.ExecuteScalarAsync<long?>(count, new { RecipientId = recipientId, Limit = PauseAfterFailures, Now = now }, transaction) == 1;
        if (pausedNow)
        {
            await TellAdminsAsync(connection, transaction, recipientId.Value, reason, now);
        }

        await transaction.CommitAsync(cancellationToken);
        if (pausedNow)
        {
            // No outbox signal here: this runs inside the outbox job (also in commands without a job server); the
            // notice goes out with the outbox's next run, at most a minute later.
            logger.LogWarning("Digest recipient {RecipientId} paused after {Count} permanent failures: {Reason}", recipientId, PauseAfterFailures, reason);
        }
    }

    private async Task TellAdminsAsync(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, long recipientId, string reason, DateTimeOffset now)
    {
        const string recipientSql = """
            SELECT r.name AS Name, r.email AS Email, c.id AS CouncilId, c.name AS CouncilName
            FROM council_recipients r JOIN councils c ON c.id = r.council_id
            WHERE r.id = @Id
            """;
        var recipient = await connection.QuerySingleAsync<PausedRecipient>(recipientSql, new { Id = recipientId }, transaction);
        var admins = (await StaffStore.ActiveAsync(connection, transaction, StaffRole.Admin)).Select(admin => admin.Email);
        var link = site.Value.Link($"/admin/gremien/{recipient.CouncilId}");
        var subject = $"Gremienbericht: Empfänger·in pausiert – {recipient.Name}";
        var text = $"""
            Guten Tag,

            die Berichte an {recipient.Name} <{recipient.Email}> ({recipient.CouncilName}) konnten {PauseAfterFailures}-mal nacheinander nicht zugestellt werden.
            Der Mailserver antwortete zuletzt: {reason}

            Die Empfängerin oder der Empfänger erhält vorerst keine Berichte mehr. Bitte prüfen Sie die Adresse und aktivieren Sie sie wieder:
            {link}
            """;
        var html = "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>" + DigestFormat.Html(subject) + "</title></head>"
            + "<body style=\"font-family: Arial, sans-serif; color: #1b1b1b; line-height: 1.5;\">" + MailHtml.Heading(subject) +
            $"<p>Guten Tag,</p><p>die Berichte an {DigestFormat.Html(recipient.Name)} &lt;{DigestFormat.Html(recipient.Email)}&gt; ({DigestFormat.Html(recipient.CouncilName)}) " +
            $"konnten {PauseAfterFailures}-mal nacheinander nicht zugestellt werden.<br>Der Mailserver antwortete zuletzt: {DigestFormat.Html(reason)}</p>" +
            $"<p>Die Empfängerin oder der Empfänger erhält vorerst keine Berichte mehr. Bitte prüfen Sie die Adresse und " +
            $"<a href=\"{DigestFormat.Html(link)}\">aktivieren Sie sie wieder</a>.</p></body></html>";
        foreach (var admin in admins)
        {
            await outbox.EnqueueAsync(connection, transaction, new OutgoingMail(admin, null, subject, text, html,
                $"digest-recipient-paused-{recipientId}-{now.UtcTicks}-{admin.ToLowerInvariant()}"));
        }
    }

    private sealed class PausedRecipient
    {
        public string Name { get; set; } = string.Empty;

        public string Email { get; set; } = string.Empty;

        public long CouncilId { get; set; }

        public string CouncilName { get; set; } = string.Empty;
    }
}
