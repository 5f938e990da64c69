using Hangfire;
using MYK10.Participation.Ballots;
using MYK10.Participation.Mail;
using MYK10.Participation.Surveys;

namespace MYK10.Participation.Jobs;

/// <summary>The one place where recurring jobs are registered, with stable ids.</summary>
public static class RecurringJobs
{
    public const string MailOutbox = "mail-outbox";
    public const string SurveyResults = "survey-results";

    public const string VoteTallies = "vote-tallies";

    public static void Register(IRecurringJobManager manager)
    {
        var berlin = new RecurringJobOptions { TimeZone = Time.BerlinTime.Zone };
        manager.AddOrUpdate<OutboxJob>(MailOutbox, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), berlin);
        manager.AddOrUpdate<VoteTallySweepJob>(VoteTallies, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), berlin);
        manager.AddOrUpdate<SurveyResultsRefreshJob>(SurveyResults, job => job.RunAsync(CancellationToken.None), "*/5 * * * *", berlin);
    }
}
