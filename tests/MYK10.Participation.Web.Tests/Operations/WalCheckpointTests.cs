using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Data;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Operations;

public sealed class WalCheckpointTests
{
    [Fact]
    public async Task TheSite_CopiesCommittedWritesIntoTheDatabaseFile_InTheBackground_NotAtCommit()
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" });
        site.CreateClient().Dispose();
        var connections = site.Get<IDbConnectionFactory>();
        await using (var connection = await connections.OpenAsync())
        {
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint;"));
        }

        var email = $"wal-{Guid.NewGuid():N}@example.org";
        await connections.ParticipantAsync("Wal", email);

        // The file alone (ignoring the write-ahead log) shows the row once a checkpoint has copied it there.
        var file = $"Data Source=file:{Path.Combine(site.DataDirectory, "participation.db")}?mode=ro&immutable=1;Pooling=False";
        var deadline = DateTime.UtcNow.AddSeconds(10);
        long found;
        do
        {
            await Task.Delay(100);
            found = await CountInFileAsync(file, email);
        }
        while (found == 0 && DateTime.UtcNow < deadline);

        Assert.Equal(1, found);
    }

    /// <summary>The row as the database file alone has it; 0 while the schema or the row is still only in the log, or while
    /// a checkpoint is writing the file (the file is read as if it could not change).</summary>
    private static async Task<long> CountInFileAsync(string file, string email)
    {
        try
        {
            await using var reader = new SqliteConnection(file);
            await reader.OpenAsync();
            var schemaCopied = await reader.ExecuteScalarAsync<long>("SELECT count(*) FROM sqlite_master WHERE name = 'participants'") == 1;
            return schemaCopied
                ? await reader.ExecuteScalarAsync<long>("SELECT count(*) FROM participants WHERE email = @Email", new { Email = email })
                : 0;
        }
        catch (SqliteException)
        {
            return 0;
        }
    }
}
