using Hangfire;
using MYK10.Participation.Ballots;
using MYK10.Participation.Mail;

namespace MYK10.Participation.Jobs;

/// <summary>The one place where recurring jobs are registered, with stable ids.</summary>
public static class RecurringJobs
{
    public const string MailOutbox = "mail-outbox";

    public const string VoteTallies = "vote-tallies";

    public static void Register(IRecurringJobManager manager)
    {
        var berlin = new RecurringJobOptions { TimeZone = Time.BerlinTime.Zone };
        manager.AddOrUpdate<OutboxJob>(MailOutbox, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), berlin);
        manager.AddOrUpdate<VoteTallySweepJob>(VoteTallies, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), berlin);
    }

    /// <summary>One job per active council (<c>digest-council-{id}</c>); re-synced at start-up, kept in step by the admin pages.</summary>
    public static Task RegisterCouncilDigestsAsync(Digests.DigestSchedules schedules) => schedules.SyncAllAsync();
}
