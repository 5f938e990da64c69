using Hangfire;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;
using MYK10.Participation.Digests;
using MYK10.Participation.Jobs;
using MYK10.Participation.Mail;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Digests;

public sealed class DigestHangfireTests
{
    [Fact]
    public async Task RealHangfireServer_EachCouncilsRecipientsGetOneDigest_RunningAgainSendsNothingNew()
    {
        using var jobsDirectory = new TempDirectory();
        var storage = new SQLiteStorage(jobsDirectory.File("jobs.db"), new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromMilliseconds(200) });
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(DigestTestData.Settings(smtp.Settings()),
            services => services.AddSingleton<IOutboxSignal>(new HangfireOutboxSignal(new BackgroundJobClient(storage))));
        var andernach = await app.CouncilAsync(recipients: ["a1@andernach.example.org", "a2@andernach.example.org"]);
        var mayen = await app.CouncilAsync("Stadtrat Mayen", "mayen", recipients: ["m1@mayen.example.org"]);
        var kreis = await app.CouncilAsync("Kreistag Mayen-Koblenz", "kreis", cron: "30 6 * * *", recipients: ["k1@example.org", "k2@example.org"]);
        var paused = await app.CouncilAsync("Stadtrat Bendorf", "bendorf", recipients: ["b1@bendorf.example.org"]);
        await app.ExecuteAsync("UPDATE councils SET active = 0 WHERE id = @Id", new { Id = paused });
        app.Clock.Set(DigestTestData.Monday0700.AddDays(7).AddSeconds(30));

        var manager = new RecurringJobManager(storage);
        manager.AddOrUpdate<DigestJob>(DigestSchedules.JobId(999), job => job.RunAsync(999, CancellationToken.None), Cron.Weekly());
        var schedules = new DigestSchedules(manager, storage, app.Get<CouncilStore>());
        await RecurringJobs.RegisterCouncilDigestsAsync(schedules);

        using (var connection = storage.GetConnection())
        {
            var jobs = connection.GetRecurringJobs().Where(j => j.Id.StartsWith(DigestSchedules.JobIdPrefix, StringComparison.Ordinal)).ToList();
            Assert.Equal([DigestSchedules.JobId(andernach), DigestSchedules.JobId(mayen), DigestSchedules.JobId(kreis)], jobs.Select(j => j.Id).Order());
            Assert.Equal("0 7 * * 1", jobs.Single(j => j.Id == DigestSchedules.JobId(andernach)).Cron);
            Assert.Equal("30 6 * * *", jobs.Single(j => j.Id == DigestSchedules.JobId(kreis)).Cron);
            Assert.All(jobs, j => Assert.Equal("Europe/Berlin", j.TimeZoneId));
        }

        var options = new BackgroundJobServerOptions
        {
            WorkerCount = 2,
            SchedulePollingInterval = TimeSpan.FromMilliseconds(200),
            Activator = new ServiceProviderActivator(app.Services),
        };
        using (var server = new BackgroundJobServer(options, storage))
        {
            // Every council's job fires twice (as after a double start), the Kreistag's three times.
            foreach (var id in new[] { andernach, mayen, kreis, andernach, mayen, kreis, kreis })
            {
                manager.Trigger(DigestSchedules.JobId(id));
            }

            await smtp.WaitForAsync(5);
            await WaitUntilIdleAsync(storage);
            await Task.Delay(500);
            Assert.Equal(
                ["a1@andernach.example.org", "a2@andernach.example.org", "k1@example.org", "k2@example.org", "m1@mayen.example.org"],
                smtp.Received.Select(m => m.To.Mailboxes.Single().Address).Order());

            // The next run of every job, same period: nothing new.
            foreach (var id in new[] { andernach, mayen, kreis })
            {
                manager.Trigger(DigestSchedules.JobId(id));
            }

            await WaitUntilIdleAsync(storage);
            await Task.Delay(500);
            server.SendStop();
        }

        Assert.Equal(5, smtp.Received.Count);
        Assert.Equal(3L, await app.ScalarAsync<long>("SELECT count(*) FROM digests"));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM mail_outbox WHERE status <> 'sent'"));
    }

    [Fact]
    public async Task Schedules_FollowTheAdminChanges_CreatedRescheduledRemoved()
    {
        using var jobsDirectory = new TempDirectory();
        var storage = new SQLiteStorage(jobsDirectory.File("jobs.db"), new SQLiteStorageOptions());
        await using var app = await TestApp.StartAsync(DigestTestData.Settings());
        var councils = app.Get<CouncilStore>();
        var schedules = new DigestSchedules(new RecurringJobManager(storage), storage, councils);

        var (_, id) = await councils.CreateAsync(new CouncilInput("Stadtrat Mayen", "mayen", Council.DefaultCron, true, false));
        await schedules.SyncAsync(id);
        Assert.Equal("0 7 * * 1", Job(storage, id)?.Cron);

        await councils.UpdateAsync(id, new CouncilInput("Stadtrat Mayen", "mayen", "0 18 * * 5", true, false));
        await schedules.SyncAsync(id);
        Assert.Equal("0 18 * * 5", Job(storage, id)?.Cron);

        await councils.UpdateAsync(id, new CouncilInput("Stadtrat Mayen", "mayen", "0 18 * * 5", false, false));
        await schedules.SyncAsync(id);
        Assert.Null(Job(storage, id));

        await councils.UpdateAsync(id, new CouncilInput("Stadtrat Mayen", "mayen", "0 18 * * 5", true, false));
        await schedules.SyncAsync(id);
        Assert.NotNull(Job(storage, id));
        await councils.DeleteAsync(id);
        await schedules.SyncAsync(id);
        Assert.Null(Job(storage, id));
    }

    private static RecurringJobDto? Job(JobStorage storage, long councilId)
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().SingleOrDefault(j => j.Id == DigestSchedules.JobId(councilId));
    }

    private static async Task WaitUntilIdleAsync(JobStorage storage)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        await Task.Delay(400);
        while (DateTime.UtcNow < deadline)
        {
            var monitor = storage.GetMonitoringApi();
            if (monitor.EnqueuedCount("default") == 0 && monitor.ProcessingCount() == 0 && monitor.ScheduledCount() == 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("Hangfire did not finish its jobs in time.");
    }
}
