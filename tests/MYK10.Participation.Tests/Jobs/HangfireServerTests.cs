using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;
using MYK10.Participation.Mail;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Jobs;

public sealed class HangfireServerTests
{
    [Fact]
    public async Task EnqueuedOutboxJob_RunsOnARealServerWithSqliteStorage_AndMailArrives()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(smtp.Settings());
        await app.EnqueueAsync(OutboxHelper.Sample());

        var storage = new SQLiteStorage(Path.Combine(app.DataDirectory, "jobs.db"), new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromMilliseconds(200) });
        var options = new BackgroundJobServerOptions
        {
            WorkerCount = 1,
            SchedulePollingInterval = TimeSpan.FromMilliseconds(200),
            Activator = new ServiceProviderActivator(app.Services),
        };
        using (var server = new BackgroundJobServer(options, storage))
        {
            var client = new BackgroundJobClient(storage);
            var jobId = client.Enqueue<OutboxJob>(job => job.RunAsync(CancellationToken.None));

            Assert.Single(await smtp.WaitForAsync(1));
            await WaitForStateAsync(storage, jobId, "Succeeded");
            server.SendStop();
        }

        Assert.Equal("sent", (await app.OutboxRowAsync("buerger@example.org")).Status);
    }

    private static async Task WaitForStateAsync(JobStorage storage, string jobId, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        using var connection = storage.GetConnection();
        while (DateTime.UtcNow < deadline)
        {
            if (connection.GetStateData(jobId)?.Name == state)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Job {jobId} did not reach state {state}; it is {connection.GetStateData(jobId)?.Name}.");
    }
}
