using Hangfire;
using Hangfire.Storage;
using MYK10.Participation.Time;

namespace MYK10.Participation.Digests;

/// <summary>Keeps one Hangfire recurring job per active council in step with the councils table.</summary>
public sealed class DigestSchedules(IRecurringJobManager manager, JobStorage storage, CouncilStore councils)
{
    public const string JobIdPrefix = "digest-council-";

    public static string JobId(long councilId) => JobIdPrefix + councilId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Creates, reschedules or removes the job of one council after an admin change.</summary>
    public async Task SyncAsync(long councilId)
    {
        var council = await councils.FindAsync(councilId);
        if (council is { IsActive: true })
        {
            AddOrUpdate(council.Id, council.Cron);
        }
        else
        {
            manager.RemoveIfExists(JobId(councilId));
        }
    }

    /// <summary>At start-up: a job for every active council, none for paused or deleted ones.</summary>
    public async Task SyncAllAsync()
    {
        var active = await councils.ActiveAsync();
        foreach (var council in active)
        {
            AddOrUpdate(council.Id, council.Cron);
        }

        var wanted = active.Select(c => JobId(c.Id)).ToHashSet(StringComparer.Ordinal);
        using var connection = storage.GetConnection();
        foreach (var job in connection.GetRecurringJobs())
        {
            if (job.Id.StartsWith(JobIdPrefix, StringComparison.Ordinal) && !wanted.Contains(job.Id))
            {
                manager.RemoveIfExists(job.Id);
            }
        }
    }

    private void AddOrUpdate(long councilId, string cron) =>
        manager.AddOrUpdate<DigestJob>(JobId(councilId), job => job.RunAsync(councilId, CancellationToken.None), cron,
            new RecurringJobOptions { TimeZone = BerlinTime.Zone });
}
