using System.Globalization;
using System.Net;
using Dapper;
using Hangfire;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MYK10.Participation.Data;
using MYK10.Participation.Hosting;
using MYK10.Participation.Mail;
using MYK10.Participation.Participants;
using MYK10.Participation.Time;

namespace MYK10.Participation.Privacy;

/// <summary>What one retention run removed or sent.</summary>
public sealed record RetentionReport(long UnconfirmedDeleted, long TokensDeleted, long MailDeleted, long NoticesQueued, long AccountsDeleted);

/// <summary>
/// Nightly: applies the retention periods the privacy notice promises. Every rule is a condition on "now", so a second
/// run finds nothing left to do; the notice mail carries a dedupe key, so it is queued once per participant.
/// </summary>
public sealed class RetentionJob(
    IDbConnectionFactory connections,
    PersonalDataService personalData,
    PhaseStore phase,
    MailOutbox outbox,
    IOutboxSignal signal,
    IOptions<RetentionOptions> options,
    IOptions<SiteOptions> site,
    TimeProvider clock,
    ILogger<RetentionJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task RunAsync(CancellationToken cancellationToken) => ApplyAsync(cancellationToken);

    public async Task<RetentionReport> ApplyAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var rules = options.Value;

        var unconfirmed = await DeleteUnconfirmedAsync(now.AddDays(-rules.UnconfirmedDays), cancellationToken);
        long tokens, mail;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            tokens = await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM login_tokens WHERE used_at IS NOT NULL OR expires_at <= @Now", new { Now = now }, cancellationToken: cancellationToken));
            mail = await connection.ExecuteAsync(new CommandDefinition(
                """
                DELETE FROM mail_outbox
                WHERE (status = 'sent' AND sent_at < @Cutoff) OR (status = 'failed' AND created_at < @Cutoff)
                """, new { Cutoff = now.AddDays(-rules.DeliveryLogDays) }, cancellationToken: cancellationToken));
        }

        long notices = 0, accounts = 0;
        if (await phase.GetAsync(cancellationToken) is { } end)
        {
            if (now >= end.DeletionAt && await NoticePeriodOverAsync(end, now.AddDays(-rules.NoticeDaysBeforeDeletion), cancellationToken))
            {
                accounts = await DeleteAllAccountsAsync(cancellationToken);
            }
            else if (now >= end.NoticeFrom)
            {
                notices = await QueueNoticesAsync(end, cancellationToken);
            }
        }

        if (unconfirmed + mail + accounts > 0)
        {
            await personalData.CheckpointAsync(cancellationToken);
        }

        var report = new RetentionReport(unconfirmed, tokens, mail, notices, accounts);
        logger.LogInformation("Retention: {Report}", report);
        return report;
    }

    private async Task<long> DeleteUnconfirmedAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        const string due = """
            SELECT id FROM participants
            WHERE email_confirmed_at IS NULL AND deleted_at IS NULL AND created_at < @Cutoff
            """;
        IReadOnlyList<long> ids;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            ids = (await connection.QueryAsync<long>(new CommandDefinition(due, new { Cutoff = cutoff }, cancellationToken: cancellationToken))).ToList();
        }

        foreach (var id in ids)
        {
            await personalData.DeleteAccountAsync(id, cancellationToken);
            // Never confirmed means never took part: the row itself can go, unless some feature refers to it.
            await using var connection = await connections.OpenAsync(cancellationToken);
            try
            {
                await connection.ExecuteAsync(new CommandDefinition("DELETE FROM participants WHERE id = @Id AND email IS NULL", new { Id = id }, cancellationToken: cancellationToken));
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
            {
                // A foreign key keeps the anonymised row; that is as good for privacy.
            }
        }

        return ids.Count;
    }

    private async Task<long> DeleteAllAccountsAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<long> ids;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            ids = (await connection.QueryAsync<long>(new CommandDefinition(
                "SELECT id FROM participants WHERE deleted_at IS NULL", cancellationToken: cancellationToken))).ToList();
        }

        long deleted = 0;
        foreach (var id in ids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            deleted += await personalData.DeleteAccountAsync(id, cancellationToken) ? 1 : 0;
        }

        return deleted;
    }

    /// <summary>
    /// Whether the notice has been out for its full period (queued before <paramref name="cutoff"/>), or nobody had an
    /// address to be told at. Until then accounts stay, even past the deletion date: a phase end entered too late, or
    /// nights when the job did not run, must not delete accounts unannounced; the notices go out first.
    /// </summary>
    private async Task<bool> NoticePeriodOverAsync(PhaseEnd end, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT CASE
                WHEN EXISTS (SELECT 1 FROM mail_outbox WHERE dedupe_key LIKE @Key AND created_at <= @Cutoff) THEN 1
                WHEN EXISTS (SELECT 1 FROM mail_outbox WHERE dedupe_key LIKE @Key) THEN 0
                ELSE NOT EXISTS (SELECT 1 FROM participants WHERE {NoticeRecipients})
            END
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            sql, new { Key = NoticeKey("%", end), Cutoff = cutoff }, cancellationToken: cancellationToken));
    }

    /// <summary>The participants the end-of-phase notice goes to: with a confirmed address, not deleted.</summary>
    private const string NoticeRecipients = "deleted_at IS NULL AND email_confirmed_at IS NOT NULL AND email IS NOT NULL";

    private static string NoticeKey(string participant, PhaseEnd end) =>
        $"phase-end-notice:{participant}:{end.DeletionAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private async Task<long> QueueNoticesAsync(PhaseEnd end, CancellationToken cancellationToken)
    {
        const string recipients = $"SELECT id AS Id, email AS Email FROM participants WHERE {NoticeRecipients}";
        long queued = 0;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        await using (var transaction = connection.BeginTransaction())
        {
            foreach (var (id, email) in await connection.QueryAsync<(long Id, string Email)>(new CommandDefinition(recipients, transaction: transaction, cancellationToken: cancellationToken)))
            {
                queued += await outbox.EnqueueAsync(connection, transaction, NoticeMail(email, end, NoticeKey(id.ToString(CultureInfo.InvariantCulture), end))) ? 1 : 0;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (queued > 0)
        {
            signal.MailQueued();
        }

        return queued;
    }

    private OutgoingMail NoticeMail(string email, PhaseEnd end, string dedupeKey)
    {
        var german = CultureInfo.GetCultureInfo("de-DE");
        var date = BerlinTime.FormatDate(end.DeletionAt, german);
        const string reason = "Sie erhalten diese E-Mail, weil Sie ein Konto bei der MYK10 Bürgerbeteiligung haben.";
        var link = site.Value.Link(AccountPaths.Account);
        var text = $"""
            Guten Tag,

            die erste Phase der MYK10 Bürgerbeteiligung ist beendet. Wie in der Datenschutzerklärung angekündigt,
            löschen wir am {date} alle Konten der Teilnehmenden, auch Ihres. Ihre veröffentlichten Beiträge bleiben
            ohne Namen als „gelöschte Person“ sichtbar.

            Bis dahin können Sie Ihre Daten unter {link} herunterladen oder Ihr Konto selbst sofort löschen.
            Sie müssen nichts tun: Die Löschung geschieht automatisch.

            Mit freundlichen Grüßen
            Ihr Team der MYK10 Bürgerbeteiligung
            Landkreis Mayen-Koblenz

            """ + MailFooter.Text(reason, site.Value.ImprintLink);
        var html = $"""
            <!DOCTYPE html>
            <html lang="de"><head><meta charset="utf-8"><title>Ihr Konto wird gelöscht</title></head>
            <body style="font-family: Arial, sans-serif; color: #1b1b1b; line-height: 1.5;">
            {MailHtml.Heading("Ihr Konto wird gelöscht")}
            <p>Guten Tag,</p>
            <p>die erste Phase der MYK10 Bürgerbeteiligung ist beendet. Wie in der Datenschutzerklärung angekündigt,
            löschen wir am <strong>{WebUtility.HtmlEncode(date)}</strong> alle Konten der Teilnehmenden, auch Ihres. Ihre veröffentlichten
            Beiträge bleiben ohne Namen als „gelöschte Person“ sichtbar.</p>
            <p>Bis dahin können Sie <a href="{WebUtility.HtmlEncode(link)}">Ihre Daten herunterladen oder Ihr Konto selbst sofort löschen</a>.
            Sie müssen nichts tun: Die Löschung geschieht automatisch.</p>
            <p>Mit freundlichen Grüßen<br>Ihr Team der MYK10 Bürgerbeteiligung<br>Landkreis Mayen-Koblenz</p>
            {MailFooter.Html(reason, site.Value.ImprintLink)}
            </body></html>
            """;
        return new OutgoingMail(email, null, $"Ihr Konto bei der MYK10 Bürgerbeteiligung wird am {date} gelöscht", text, html, dedupeKey);
    }
}
