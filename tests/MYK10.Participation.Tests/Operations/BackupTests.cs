using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Operations;
using MYK10.Participation.Participants;
using MYK10.Participation.Staff;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Operations;

public sealed class BackupTests
{
    [Fact]
    public async Task NightlyBackup_WritesOneFilePerNight_AndKeepsTheLast14()
    {
        await using var app = await TestApp.StartAsync();
        var backups = app.Get<BackupService>();

        for (var night = 0; night < 16; night++)
        {
            app.Clock.Advance(TimeSpan.FromDays(1));
            var first = await backups.CreateNightlyAsync();
            var written = File.GetLastWriteTimeUtc(first);
            var second = await backups.CreateNightlyAsync();
            Assert.Equal(first, second);
            Assert.Equal(written, File.GetLastWriteTimeUtc(second));
        }

        var kept = backups.NightlyBackups();
        Assert.Equal(14, kept.Count);
        Assert.Equal("participation-2026-12-02.db", Path.GetFileName(kept[0]));
        Assert.Equal("participation-2026-11-19.db", Path.GetFileName(kept[^1]));
        Assert.Empty(Directory.GetFiles(backups.Directory, "*.partial"));
    }

    [Fact]
    public async Task Backup_RestoredIntoAFreshInstance_HasTheSameRowsInEveryTable()
    {
        await using var original = await TestApp.StartAsync();
        await original.Get<StaffService>().AddAsync("admin@kvmyk.de", StaffRole.Admin, "ein-langes-sicheres-Passwort-9");
        for (var i = 0; i < 5; i++)
        {
            await original.Get<SignInLinkService>().RequestAsync($"person{i}@example.org", staySignedIn: false, returnUrl: null);
        }

        var backup = await original.Get<BackupService>().CreateManualAsync();
        var expected = await CountsAsync(original);

        await using var fresh = await TestApp.StartAsync();
        Assert.NotEqual(expected, await CountsAsync(fresh));
        var result = await fresh.Get<RestoreService>().RestoreAsync(backup);

        Assert.Equal(RestoreStatus.Restored, result.Status);
        Assert.Equal(expected, await CountsAsync(fresh));
        Assert.Equal(5, expected["participants"]);
        Assert.Equal(1, expected["staff"]);
    }

    [Fact]
    public async Task Restore_RefusesWhileASiteHoldsTheDatabase()
    {
        await using var original = await TestApp.StartAsync();
        var backup = await original.Get<BackupService>().CreateManualAsync();
        await using var target = await TestApp.StartAsync();

        using (var siteLock = SiteLock.TryAcquire(target.DatabasePath))
        {
            Assert.NotNull(siteLock);
            Assert.Null(SiteLock.TryAcquire(target.DatabasePath));
            Assert.Equal(RestoreStatus.SiteRunning, (await target.Get<RestoreService>().RestoreAsync(backup)).Status);
        }

        Assert.Equal(RestoreStatus.Restored, (await target.Get<RestoreService>().RestoreAsync(backup)).Status);
    }

    [Fact]
    public async Task Restore_RefusesFilesThatAreNotAHealthyParticipationDatabase()
    {
        await using var target = await TestApp.StartAsync();
        var restore = target.Get<RestoreService>();
        var noise = Path.Combine(target.DataDirectory, "noise.db");
        await File.WriteAllBytesAsync(noise, Enumerable.Range(0, 8192).Select(i => (byte)(i * 7)).ToArray());
        var foreign = Path.Combine(target.DataDirectory, "foreign.db");
        await using (var connection = new SqliteConnection($"Data Source={foreign};Pooling=False"))
        {
            await connection.ExecuteAsync("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
        }

        Assert.Equal(RestoreStatus.FileMissing, (await restore.RestoreAsync(Path.Combine(target.DataDirectory, "missing.db"))).Status);
        Assert.Equal(RestoreStatus.NotADatabase, (await restore.RestoreAsync(noise)).Status);
        Assert.Equal(RestoreStatus.NotParticipationDatabase, (await restore.RestoreAsync(foreign)).Status);
    }

    private static async Task<Dictionary<string, long>> CountsAsync(TestApp app)
    {
        await using var connection = await app.Connections.OpenAsync();
        var tables = await connection.QueryAsync<string>(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            // Table names come from the schema itself, never from input.
            counts[table] = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM \"{table}\"");
        }

        return counts;
    }
}
