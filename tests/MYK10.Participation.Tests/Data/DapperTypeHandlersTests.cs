using Dapper;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Data;

public sealed class DapperTypeHandlersTests
{
    [Fact]
    public async Task DateTimeOffset_RoundTripsAsUtcText()
    {
        await using var app = await TestApp.StartAsync();
        await using var connection = await app.Connections.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE probe (at TEXT, maybe TEXT, id TEXT)");
        var berlin = new DateTimeOffset(2026, 11, 26, 7, 30, 15, 123, TimeSpan.FromHours(1));
        var id = Guid.NewGuid();

        await connection.ExecuteAsync("INSERT INTO probe VALUES (@At, @Maybe, @Id)", new { At = berlin, Maybe = (DateTimeOffset?)null, Id = id });

        var stored = await connection.QuerySingleAsync<string>("SELECT at FROM probe");
        Assert.Equal("2026-11-26T06:30:15.1230000Z", stored);
        var row = await connection.QuerySingleAsync<(DateTimeOffset At, DateTimeOffset? Maybe, Guid Id)>("SELECT at, maybe, id FROM probe");
        Assert.Equal(berlin, row.At);
        Assert.Equal(TimeSpan.Zero, row.At.Offset);
        Assert.Null(row.Maybe);
        Assert.Equal(id, row.Id);
    }

    [Fact]
    public async Task DateTimeOffset_TextOrderIsTimeOrder()
    {
        await using var app = await TestApp.StartAsync();
        await using var connection = await app.Connections.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE probe (at TEXT)");
        var times = new[]
        {
            new DateTimeOffset(2026, 3, 29, 3, 0, 0, TimeSpan.FromHours(2)),
            new DateTimeOffset(2026, 3, 29, 1, 59, 0, TimeSpan.FromHours(1)),
            new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero),
        };
        foreach (var at in times)
        {
            await connection.ExecuteAsync("INSERT INTO probe VALUES (@At)", new { At = at });
        }

        var ordered = (await connection.QueryAsync<DateTimeOffset>("SELECT at FROM probe ORDER BY at")).ToList();

        Assert.Equal(times.OrderBy(t => t.UtcDateTime), ordered);
    }
}
