using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Data;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Data;

public sealed class PreparedReadsTests
{
    private const string Select = "SELECT name FROM things WHERE id = @Id";

    private static async Task<SqliteConnectionFactory> DatabaseAsync(TempDirectory directory)
    {
        var connections = new SqliteConnectionFactory($"Data Source={Path.Combine(directory.Path, "reads.db")}");
        await using var connection = await connections.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL); INSERT INTO things VALUES (1, 'eins');");
        return connections;
    }

    private static Task<string?> NameAsync(IDbConnectionFactory connections, long id) =>
        connections.ReadAsync(Select, [("@Id", id)], rows => rows.Read() ? rows.GetString(0) : null);

    [Fact]
    public async Task PreparedRead_SeesEveryWriteCommittedBeforeIt()
    {
        using var directory = new TempDirectory();
        using var connections = await DatabaseAsync(directory);
        Assert.Equal("eins", await NameAsync(connections, 1));

        await using (var writer = await connections.OpenWriterAsync())
        {
            await writer.ExecuteAsync("UPDATE things SET name = 'one' WHERE id = 1; INSERT INTO things VALUES (2, 'zwei');");
        }

        Assert.Equal("one", await NameAsync(connections, 1));
        Assert.Equal("zwei", await NameAsync(connections, 2));
        Assert.Null(await NameAsync(connections, 3));
    }

    [Fact]
    public async Task ReadsAtTheSameTime_AllAnswer_BeyondTheConnectionsKeptOpen()
    {
        using var directory = new TempDirectory();
        using var connections = await DatabaseAsync(directory);

        var names = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => NameAsync(connections, 1))));

        Assert.All(names, name => Assert.Equal("eins", name));
    }

    [Fact]
    public async Task PreparedRead_CannotWrite()
    {
        using var directory = new TempDirectory();
        using var connections = await DatabaseAsync(directory);
        Assert.Equal("eins", await NameAsync(connections, 1)); // the kept connection now exists

        var error = await Assert.ThrowsAsync<SqliteException>(() => connections.ReadAsync("DELETE FROM things RETURNING id", [], rows => rows.Read()));

        Assert.Contains("readonly", error.Message.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("eins", await NameAsync(connections, 1)); // and a failed read leaves the next one working
    }

    [Fact]
    public async Task SameStatement_WithOtherParameterNames_IsRefused()
    {
        using var directory = new TempDirectory();
        using var connections = await DatabaseAsync(directory);
        Assert.Equal("eins", await NameAsync(connections, 1));

        await Assert.ThrowsAsync<ArgumentException>(() => connections.ReadAsync(Select, [("@Id", 1L), ("@Other", 2L)], rows => rows.Read()));
    }
}
