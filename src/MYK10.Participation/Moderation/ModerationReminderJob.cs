using System.Globalization;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MYK10.Participation.Data;
using MYK10.Participation.Hosting;
using MYK10.Participation.Mail;
using MYK10.Participation.Staff;
using MYK10.Participation.Time;

namespace MYK10.Participation.Moderation;

/// <summary>What one reminder run found waiting and how many mails it queued; on a public holiday, its name and nothing else.</summary>
public sealed record ModerationReminderReport(long PendingIdeas, long OpenReports, int MailsQueued, string? Holiday = null);

/// <summary>
/// Working-day mornings: when ideas wait for review or reported items for a decision, each active moderator (or, with
/// none, each active admin) gets one mail. The dedupe key names the account and the Berlin day, so a second run the
/// same day queues nothing. On a public holiday of Rhineland-Palatinate the offices are closed and nothing is sent;
/// the next working day's mail counts what waits then.
/// </summary>
public sealed class ModerationReminderJob(
    IDbConnectionFactory connections,
    ModerationStore moderation,
    StaffStore staff,
    MailOutbox outbox,
    IOutboxSignal signal,
    IOptions<SiteOptions> site,
    TimeProvider clock,
    ILogger<ModerationReminderJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public Task RunAsync(CancellationToken cancellationToken) => ApplyAsync(cancellationToken);

    public async Task<ModerationReminderReport> ApplyAsync(CancellationToken cancellationToken = default)
    {
        var today = BerlinTime.ToBerlin(clock.GetUtcNow());
        if (PublicHolidays.NameOf(DateOnly.FromDateTime(today.DateTime)) is { } holiday)
        {
            logger.LogInformation("Moderation reminder: not sent on {Holiday}", holiday);
            return new ModerationReminderReport(0, 0, 0, holiday);
        }

        var waiting = await moderation.SummaryAsync(cancellationToken);
        var queued = 0;
        if (waiting.Pending + waiting.OpenReports > 0)
        {
            var recipients = await staff.ActiveAsync(StaffRole.Moderator, cancellationToken);
            if (recipients.Count == 0)
            {
                recipients = await staff.ActiveAsync(StaffRole.Admin, cancellationToken);
            }

            var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var mails = recipients.Select(r => ModerationReminderMail.Build(r, waiting, site.Value, $"moderation-reminder:{r.Id}:{day}"));
            await using (var connection = await connections.OpenAsync(cancellationToken))
            await using (var transaction = connection.BeginTransaction())
            {
                queued = await outbox.EnqueueAllAsync(connection, transaction, mails, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            if (queued > 0)
            {
                signal.MailQueued();
            }
        }

        var report = new ModerationReminderReport(waiting.Pending, waiting.OpenReports, queued);
        logger.LogInformation("Moderation reminder: {Report}", report);
        return report;
    }
}
