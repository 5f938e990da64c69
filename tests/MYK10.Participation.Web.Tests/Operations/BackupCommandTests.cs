using System.Net;
using System.Text.Json;
using Dapper;
using MYK10.Participation.Data;
using MYK10.Participation.Web.Cli;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Operations;

public sealed class BackupCommandTests
{
    [Fact]
    public async Task Restore_RefusesTheDatabaseOfARunningSite_ThenWorksOnceTheSiteIsStopped()
    {
        var site = new SiteFactory();
        var client = site.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Participation"] = $"Data Source={Path.Combine(site.DataDirectory, "participation.db")}",
            ["Mail:PickupDirectory"] = site.MailDirectory,
            ["Backups:Directory"] = Path.Combine(site.DataDirectory, "backups"),
        };
        var (exit, output, _) = await RunAsync(settings, "backup");
        Assert.Equal(0, exit);
        var backup = output.Trim()["Backup written to ".Length..];
        Assert.True(File.Exists(backup));

        var (refused, _, error) = await RunAsync(settings, "restore", backup);
        Assert.Equal(1, refused);
        Assert.Contains("running site", error, StringComparison.Ordinal);

        // The site's folder goes with it; restore into a new folder's database instead.
        var folder = Path.Combine(Path.GetTempPath(), "myk10-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.Copy(backup, Path.Combine(folder, "backup.db"));
        await site.DisposeAsync();
        settings["ConnectionStrings:Participation"] = $"Data Source={Path.Combine(folder, "participation.db")}";
        var (restored, restoredOutput, restoreError) = await RunAsync(settings, "restore", Path.Combine(folder, "backup.db"));
        Assert.True(restored == 0, restoreError);
        Assert.Contains("restored", restoredOutput, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Restore_WithoutFile_ExitsNonZeroWithUsage()
    {
        await using var site = new SiteFactory();
        var (exit, _, error) = await RunAsync(new() { ["ConnectionStrings:Participation"] = $"Data Source={Path.Combine(site.DataDirectory, "other.db")}" }, "restore");
        Assert.Equal(2, exit);
        Assert.Contains("Usage: restore FILE", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_ReportsTheJobServerHeartbeatAndTheOutboxBacklog()
    {
        await using var site = new SiteFactory();
        var client = site.CreateBrowserLikeClient();
        await client.GetAsync("/health");
        await using (var connection = await site.Get<IDbConnectionFactory>().OpenAsync())
        {
            // A failed row stays failed: the backlog figure cannot be drained away by the running outbox job.
            await connection.ExecuteAsync("""
                INSERT INTO mail_outbox (message_id, to_address, subject, text_body, status, attempts, next_attempt_at, created_at)
                VALUES ('x@myk10.example', 'rat@example.org', 'Betreff', 'Text', 'failed', 5, '2026-11-16T08:00:00.0000000+00:00', '2026-11-16T08:00:00.0000000+00:00')
                """);
        }

        JsonElement jobs = default;
        JsonElement root = default;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var response = await client.GetAsync("/health");
            root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            jobs = root.GetProperty("jobs");
            if (jobs.GetProperty("status").GetString() == "ok")
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal("ok", jobs.GetProperty("status").GetString());
        Assert.True(jobs.GetProperty("servers").GetInt32() >= 1);
        Assert.Equal(JsonValueKind.String, jobs.GetProperty("lastHeartbeat").ValueKind);
        Assert.Equal(1, root.GetProperty("outbox").GetProperty("failed").GetInt64());
    }

    [Fact]
    public async Task BackupRetentionAndModerationReminder_AreRegisteredAsRecurringJobs()
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" });
        var admin = await site.StaffClientAsync(MYK10.Participation.Staff.StaffRole.Admin);

        var page = (await admin.GetDocumentAsync("/admin/jobs/recurring")).Body!.TextContent;

        Assert.Contains(MYK10.Participation.Jobs.RecurringJobs.Backup, page, StringComparison.Ordinal);
        Assert.Contains(MYK10.Participation.Jobs.RecurringJobs.Retention, page, StringComparison.Ordinal);
        Assert.Contains(MYK10.Participation.Jobs.RecurringJobs.ModerationReminder, page, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(Dictionary<string, string?> settings, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, new StringReader(string.Empty), output, error, settings);
        return (exit, output.ToString(), error.ToString());
    }
}
