using Dapper;
using MYK10.Participation.Data;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Data;

public sealed class WriterTurnTests
{
    [Fact]
    public async Task Writers_TakeTurns_TheNextOneWaitsUntilTheFirstIsDisposed_ReadersDoNot()
    {
        using var directory = new TempDirectory();
        var connections = new SqliteConnectionFactory($"Data Source={Path.Combine(directory.Path, "turns.db")}");

        var first = await connections.OpenWriterAsync();
        var second = connections.OpenWriterAsync();
        await using (var reader = await connections.OpenAsync())
        {
            Assert.Equal("wal", await reader.ExecuteScalarAsync<string>("PRAGMA journal_mode;"));
        }

        await Task.Delay(100);
        Assert.False(second.IsCompleted, "the second writer waits for its turn");

        await first.DisposeAsync();
        await using var next = await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, await next.ExecuteScalarAsync<long>("PRAGMA foreign_keys;"));
    }

    [Fact]
    public async Task Writer_ThatFailsToOpen_GivesUpItsTurn()
    {
        var connections = new SqliteConnectionFactory("Data Source=/proc/no-such-place/x.db");

        var first = await Record.ExceptionAsync(() => connections.OpenWriterAsync());
        var second = await Record.ExceptionAsync(() => connections.OpenWriterAsync().WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.IsNotType<TimeoutException>(second); // it failed the same way instead of waiting for a turn nobody gives back
        Assert.Equal(first.GetType(), second.GetType());
    }
}
