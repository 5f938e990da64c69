using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Cronos;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MYK10.Participation.Administration;
using MYK10.Participation.Data;
using MYK10.Participation.Moderation;
using MYK10.Participation.Hosting;
using MYK10.Participation.Mail;
using MYK10.Participation.Time;

namespace MYK10.Participation.Digests;

public enum DigestRoundOutcome
{
    /// <summary>A digest was stored and its mail queued.</summary>
    Sent,

    /// <summary>Nothing new in the period and the council opted out of empty digests: stored, not sent.</summary>
    StoredEmpty,

    /// <summary>The period is already covered by a stored digest (a repeated or concurrent run).</summary>
    AlreadyDone,

    CouncilInactive,
    CouncilNotFound,
}

public sealed record DigestRoundResult(long CouncilId, string CouncilName, DigestRoundOutcome Outcome, long? DigestId, int Deliveries);

/// <summary>
/// A digest round for one council, exactly once. The period runs from the end of the council's last digest (or its
/// creation) to the period end. Everything happens in one write transaction (BEGIN IMMEDIATE, so concurrent rounds
/// queue): read the last digest, build, insert the digest (UNIQUE per council and period start), insert one delivery per
/// recipient (UNIQUE) and its outbox row (UNIQUE dedupe key). A repeated, retried or concurrent round finds the period
/// covered and does nothing; a crash before the commit leaves nothing behind, one after it leaves mail the outbox sends.
/// </summary>
public sealed class DigestRound(
    IDbConnectionFactory connections,
    DigestBuilder builder,
    MailOutbox outbox,
    IOutboxSignal signal,
    IOptions<SiteOptions> site,
    TimeProvider clock,
    ILogger<DigestRound> logger)
{
    /// <summary>
    /// The scheduled round: the period ends at the council's latest scheduled time, not at "now", so a retry minutes later
    /// or a second server starting the same occurrence computes the same period and finds it done.
    /// </summary>
    public async Task<DigestRoundResult> RunScheduledAsync(long councilId, CancellationToken cancellationToken = default)
    {
        var council = await FindAsync(councilId);
        if (council is null)
        {
            return new DigestRoundResult(councilId, string.Empty, DigestRoundOutcome.CouncilNotFound, null, 0);
        }

        var end = LatestOccurrence(council.Cron, clock.GetUtcNow());
        return end is null
            ? new DigestRoundResult(councilId, council.Name, DigestRoundOutcome.AlreadyDone, null, 0)
            : await RunAsync(councilId, end.Value, cancellationToken);
    }

    /// <summary>A round now (command line): the period ends at the current minute, so runs within one minute share it.</summary>
    public async Task<IReadOnlyList<DigestRoundResult>> RunNowAsync(long? councilId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var end = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var ids = councilId is { } id ? [id] : await ActiveCouncilIdsAsync();
        var results = new List<DigestRoundResult>();
        foreach (var council in ids)
        {
            results.Add(await RunAsync(council, end, cancellationToken));
        }

        return results;
    }

    /// <summary>The round for the period ending at <paramref name="periodEnd"/>.</summary>
    public async Task<DigestRoundResult> RunAsync(long councilId, DateTimeOffset periodEnd, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var council = await CouncilStore.FindAsync(connection, transaction, councilId);
        if (council is null)
        {
            return new DigestRoundResult(councilId, string.Empty, DigestRoundOutcome.CouncilNotFound, null, 0);
        }

        if (!council.IsActive)
        {
            return new DigestRoundResult(councilId, council.Name, DigestRoundOutcome.CouncilInactive, null, 0);
        }

        var start = await NextPeriodStartAsync(connection, transaction, council);
        if (periodEnd <= start)
        {
            return new DigestRoundResult(councilId, council.Name, DigestRoundOutcome.AlreadyDone, null, 0);
        }

        var context = Context(council, new DigestPeriod(start, periodEnd));
        var content = await builder.BuildAsync(context, new DigestQuery(connection, transaction), cancellationToken);
        const string insert = """
            INSERT INTO digests (council_id, period_start, period_end, subject, text_body, html_body, is_empty, created_at)
            VALUES (@CouncilId, @Start, @End, @Subject, @Text, @Html, @IsEmpty, @Now)
            ON CONFLICT DO NOTHING
            RETURNING id
            """;
        var digestId = await connection.ExecuteScalarAsync<long?>(insert, new
        {
            CouncilId = councilId,
            Start = start,
            End = periodEnd,
            content.Subject,
            content.Text,
            content.Html,
            IsEmpty = content.IsEmpty ? 1 : 0,
            Now = clock.GetUtcNow(),
        }, transaction);
        if (digestId is null)
        {
            return new DigestRoundResult(councilId, council.Name, DigestRoundOutcome.AlreadyDone, null, 0);
        }

        if (content.IsEmpty && council.SkipsEmptyDigests)
        {
            await transaction.CommitAsync(cancellationToken);
            return new DigestRoundResult(councilId, council.Name, DigestRoundOutcome.StoredEmpty, digestId, 0);
        }

        const string recipients = """
            SELECT id AS Id, council_id AS CouncilId, name AS Name, email AS Email, active AS Active, unsubscribed_at AS UnsubscribedAt,
                   permanent_failures AS PermanentFailures, paused_at AS PausedAt
            FROM council_recipients
            WHERE council_id = @CouncilId AND active = 1 AND unsubscribed_at IS NULL AND paused_at IS NULL
            ORDER BY id
            """;
        var deliveries = 0;
        foreach (var recipient in await connection.QueryAsync<CouncilRecipient>(recipients, new { CouncilId = councilId }, transaction))
        {
            if (await QueueDeliveryAsync(connection, transaction, council, digestId.Value, content.Subject, content.Text, content.Html, recipient, 0, null))
            {
                deliveries++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Digest {DigestId} for council {CouncilId} ({Start} – {End}) queued for {Count} recipients", digestId, councilId, start, periodEnd, deliveries);
        if (deliveries > 0)
        {
            signal.MailQueued();
        }

        return new DigestRoundResult(councilId, council.Name, DigestRoundOutcome.Sent, digestId, deliveries);
    }

    /// <summary>The next digest as it would be built now, without storing or sending anything.</summary>
    public async Task<(DigestContent Content, DigestPeriod Period)?> PreviewAsync(long councilId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var council = await CouncilStore.FindAsync(connection, null, councilId);
        if (council is null)
        {
            return null;
        }

        var start = await NextPeriodStartAsync(connection, null, council);
        var end = clock.GetUtcNow();
        var period = new DigestPeriod(start, end > start ? end : start.AddMinutes(1));
        var content = await builder.BuildAsync(Context(council, period), new DigestQuery(connection, null), cancellationToken);
        return (content, period);
    }

    /// <summary>
    /// Sends a stored digest once more to one recipient: a new delivery row with its own copy number and dedupe key.
    /// <paramref name="copy"/> is the copy number the admin's form asked for (the next one when the page was shown): the
    /// same form sent twice queues that copy once and reports the second as done. Without it, the next free number.
    /// </summary>
    public async Task<bool> ResendAsync(long councilId, long digestId, long recipientId, string requestedBy, long? copy = null, StaffActor? actor = null)
    {
        if (copy is < 1)
        {
            return false;
        }

        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var council = await CouncilStore.FindAsync(connection, transaction, councilId);
        var digest = await connection.QuerySingleOrDefaultAsync<StoredDigest>(
            "SELECT id AS Id, subject AS Subject, text_body AS TextBody, html_body AS HtmlBody FROM digests WHERE id = @Id AND council_id = @CouncilId",
            new { Id = digestId, CouncilId = councilId }, transaction);
        var recipient = await connection.QuerySingleOrDefaultAsync<CouncilRecipient>(
            "SELECT id AS Id, council_id AS CouncilId, name AS Name, email AS Email, unsubscribed_at AS UnsubscribedAt FROM council_recipients WHERE id = @Id AND council_id = @CouncilId",
            new { Id = recipientId, CouncilId = councilId }, transaction);
        if (council is null || digest is null || recipient is null || recipient.UnsubscribedAt is not null)
        {
            return false;
        }

        var parameters = new { DigestId = digestId, RecipientId = recipientId, Copy = copy };
        if (copy is not null && await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM digest_deliveries WHERE digest_id = @DigestId AND recipient_id = @RecipientId AND copy = @Copy", parameters, transaction) > 0)
        {
            return true;
        }

        var number = copy ?? await connection.ExecuteScalarAsync<long>(
            "SELECT coalesce(max(copy), 0) + 1 FROM digest_deliveries WHERE digest_id = @DigestId AND recipient_id = @RecipientId", parameters, transaction);
        var queued = await QueueDeliveryAsync(connection, transaction, council, digestId, digest.Subject, digest.TextBody, digest.HtmlBody, recipient, number, requestedBy);
        if (queued)
        {
            await AdminLog.WriteAsync(connection, transaction, actor, clock.GetUtcNow(), AdminActions.Resend, AdminTarget.Digest(councilId, digestId),
                $"{recipient.Name} <{recipient.Email}>");
        }

        await transaction.CommitAsync();
        signal.MailQueued();
        return queued;
    }

    /// <summary>The latest time the cron expression fired at or before <paramref name="now"/> (Europe/Berlin), within a year.</summary>
    public static DateTimeOffset? LatestOccurrence(string cron, DateTimeOffset now)
    {
        var expression = CronExpression.Parse(cron);
        foreach (var window in new[] { TimeSpan.FromHours(2), TimeSpan.FromDays(2), TimeSpan.FromDays(32), TimeSpan.FromDays(367) })
        {
            var last = expression.GetOccurrences(now - window, now, BerlinTime.Zone, fromInclusive: true, toInclusive: true).LastOrDefault();
            if (last != default)
            {
                return last.ToUniversalTime();
            }
        }

        return null;
    }

    /// <summary>
    /// A five-field cron expression of 9 to 100 characters (the councils table's length check, sql/0050) that fires at
    /// some time. Macros such as <c>@daily</c>, which Cronos would take, are refused: the shorter ones fail the table's
    /// check, and the longer ones stored before are written out by sql/0081.
    /// </summary>
    public static bool IsValidCron(string? cron) =>
        cron?.Trim() is { Length: >= 9 and <= 100 } trimmed
        && trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length == 5
        && CronExpression.TryParse(trimmed, out var expression)
        && expression.GetNextOccurrence(DateTimeOffset.UtcNow, BerlinTime.Zone) is not null;

    /// <summary>The shortest time a council's schedule may leave between two digests.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromHours(1);

    /// <summary>
    /// True when a valid schedule (<see cref="IsValidCron"/>) would send two digests less than
    /// <see cref="MinimumInterval"/> apart, judged by its next 100 times: "* * * * *" would mail every recipient each minute.
    /// </summary>
    public static bool IsTooFrequent(string cron)
    {
        var expression = CronExpression.Parse(cron.Trim());
        var from = DateTimeOffset.UtcNow;
        var times = expression.GetOccurrences(from, from.AddYears(5), BerlinTime.Zone).Take(100).ToList();
        return times.Zip(times.Skip(1), (a, b) => b - a).Any(gap => gap < MinimumInterval);
    }

    internal static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private DigestContext Context(Council council, DigestPeriod period) =>
        new(council.Id, council.Name, council.AreaId, council.AreaName, period, site.Value.Link);

    private async Task<bool> QueueDeliveryAsync(SqliteConnection connection, SqliteTransaction transaction, Council council, long digestId,
        string subject, string text, string html, CouncilRecipient recipient, long copy, string? requestedBy)
    {
        var dedupeKey = copy == 0 ? $"digest-{digestId}-recipient-{recipient.Id}" : $"digest-{digestId}-recipient-{recipient.Id}-copy-{copy}";
        var now = clock.GetUtcNow();
        const string delivery = """
            INSERT INTO digest_deliveries (digest_id, recipient_id, copy, dedupe_key, requested_by, created_at)
            VALUES (@DigestId, @RecipientId, @Copy, @DedupeKey, @RequestedBy, @Now)
            ON CONFLICT DO NOTHING
            RETURNING id
            """;
        var deliveryId = await connection.ExecuteScalarAsync<long?>(delivery,
            new { DigestId = digestId, RecipientId = recipient.Id, Copy = copy, DedupeKey = dedupeKey, RequestedBy = requestedBy, Now = now }, transaction);
        if (deliveryId is null)
        {
            return false;
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await connection.ExecuteAsync(
            "INSERT INTO digest_unsubscribe_tokens (token_hash, recipient_id, created_at) VALUES (@Hash, @RecipientId, @Now)",
            new { Hash = HashToken(token), RecipientId = recipient.Id, Now = now }, transaction);

        var unsubscribe = site.Value.Link($"/gremien/abmelden/{token}");
        var (personalText, personalHtml) = DigestBuilder.Personalise(text, html, council.Name, unsubscribe, site.Value.ImprintLink);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["List-Unsubscribe"] = $"<{unsubscribe}>",
            // RFC 8058: the mail client may POST "List-Unsubscribe=One-Click" to the link above.
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
        await outbox.EnqueueAsync(connection, transaction, new OutgoingMail(recipient.Email, recipient.Name, subject, personalText, personalHtml, dedupeKey, headers));
        await connection.ExecuteAsync(
            "UPDATE digest_deliveries SET outbox_id = (SELECT id FROM mail_outbox WHERE dedupe_key = @DedupeKey) WHERE id = @Id",
            new { DedupeKey = dedupeKey, Id = deliveryId }, transaction);
        return true;
    }

    private static async Task<DateTimeOffset> NextPeriodStartAsync(SqliteConnection connection, SqliteTransaction? transaction, Council council)
    {
        var lastEnd = await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(
            "SELECT period_end FROM digests WHERE council_id = @Id ORDER BY period_end DESC LIMIT 1", new { council.Id }, transaction);
        return lastEnd ?? council.CreatedAt;
    }

    private async Task<Council?> FindAsync(long councilId)
    {
        await using var connection = await connections.OpenAsync();
        return await CouncilStore.FindAsync(connection, null, councilId);
    }

    private async Task<IReadOnlyList<long>> ActiveCouncilIdsAsync()
    {
        await using var connection = await connections.OpenAsync();
        return (await connection.QueryAsync<long>("SELECT id FROM councils WHERE active = 1 ORDER BY id")).AsList();
    }
}
