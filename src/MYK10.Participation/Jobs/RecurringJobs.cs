using Hangfire;
using MYK10.Participation.Ballots;
using MYK10.Participation.Mail;
using MYK10.Participation.Moderation;
using MYK10.Participation.Surveys;
using MYK10.Participation.Operations;
using MYK10.Participation.Privacy;

namespace MYK10.Participation.Jobs;

/// <summary>The one place where recurring jobs are registered, with stable ids.</summary>
public static class RecurringJobs
{
    public const string MailOutbox = "mail-outbox";
    public const string SurveyResults = "survey-results";

    public const string VoteTallies = "vote-tallies";

    public const string Backup = "backup";

    public const string Retention = "retention";

    public const string ModerationReminder = "moderation-reminder";

    /// <param name="reminder">The moderation reminder's schedule; switched off, its job is removed, since the job storage keeps it from an earlier start.</param>
    public static void Register(IRecurringJobManager manager, ModerationReminderOptions reminder)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(reminder);
        var berlin = new RecurringJobOptions { TimeZone = Time.BerlinTime.Zone };
        manager.AddOrUpdate<OutboxJob>(MailOutbox, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), berlin);
        manager.AddOrUpdate<VoteTallySweepJob>(VoteTallies, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), berlin);
        manager.AddOrUpdate<SurveyResultsRefreshJob>(SurveyResults, job => job.RunAsync(CancellationToken.None), "*/5 * * * *", berlin);
        manager.AddOrUpdate<BackupJob>(Backup, job => job.RunAsync(CancellationToken.None), Cron.Daily(2, 30), berlin);
        manager.AddOrUpdate<RetentionJob>(Retention, job => job.RunAsync(CancellationToken.None), Cron.Daily(3, 15), berlin);
        if (reminder.Enabled)
        {
            var cron = reminder.ReminderCron!.Trim();
            try
            {
                manager.AddOrUpdate<ModerationReminderJob>(ModerationReminder, job => job.RunAsync(CancellationToken.None), cron, berlin);
            }
            catch (ArgumentException ex) when (ex.ParamName == "cronExpression")
            {
                throw new Hosting.SettingException(
                    $"Moderation:ReminderCron '{cron}' is not a cron expression: it takes five parts (minute hour day month weekday, " +
                    $"Europe/Berlin), for example '{ModerationReminderOptions.DefaultCron}'; an empty value switches the reminder off.", ex);
            }
        }
        else
        {
            manager.RemoveIfExists(ModerationReminder);
        }
    }

    /// <summary>One job per active council (<c>digest-council-{id}</c>); re-synced at start-up, kept in step by the admin pages.</summary>
    public static Task RegisterCouncilDigestsAsync(Digests.DigestSchedules schedules) => schedules.SyncAllAsync();
}
