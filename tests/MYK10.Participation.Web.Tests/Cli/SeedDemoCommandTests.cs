using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Cli;

namespace MYK10.Participation.Web.Tests.Cli;

public sealed class SeedDemoCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task SeedDemo_FillsAnEmptyDatabase_AndRefusesASecondTime()
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Participation"] = $"Data Source={_directory.File("participation.db")}" };
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, await CommandLine.RunAsync(["seed-demo"], TextReader.Null, output, error, settings));
        Assert.NotEqual(0, await CommandLine.RunAsync(["seed-demo"], TextReader.Null, output, error, settings));
        Assert.Contains("not empty", error.ToString(), StringComparison.Ordinal);

        await using var connection = new SqliteConnection($"Data Source={_directory.File("participation.db")};Pooling=false");
        var ideas = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM ideas");
        var states = (await connection.QueryAsync<string>("SELECT DISTINCT state FROM ideas")).ToHashSet();
        var municipalities = await connection.ExecuteScalarAsync<long>("SELECT count(DISTINCT municipality_id) FROM ideas");
        var fields = await connection.ExecuteScalarAsync<long>("SELECT count(DISTINCT field_id) FROM ideas");
        var counterMismatches = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM ideas i WHERE supporters <> (SELECT count(*) FROM idea_supports s WHERE s.idea_id = i.id)");
        Assert.True(ideas >= 200, $"{ideas} ideas");
        Assert.Superset(new HashSet<string> { "published", "pending", "rejected" }, states);
        Assert.Equal(11, municipalities);
        Assert.Equal(10, fields);
        Assert.Equal(0, counterMismatches);
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM idea_comments") > 100);
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM strategy_measures") >= 10);
        Assert.Equal(4, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM process_phases"));
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM votes") >= 3);
        Assert.Equal(3, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM surveys"));
    }

    public void Dispose() => _directory.Dispose();
}
