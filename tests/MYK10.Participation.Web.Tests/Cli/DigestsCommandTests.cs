using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Cli;

namespace MYK10.Participation.Web.Tests.Cli;

public sealed class DigestsCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private Dictionary<string, string?> Settings => new()
    {
        ["ConnectionStrings:Participation"] = $"Data Source={_directory.File("participation.db")}",
        ["Mail:PickupDirectory"] = _directory.File("mail"),
    };

    [Fact]
    public async Task DigestsRun_AfterSeedDemo_SendsEveryCouncilOneDigest_AndARepeatSendsNothing()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(["seed-demo"], TextReader.Null, output, error, Settings));
        Assert.Contains("11 councils", output.ToString(), StringComparison.Ordinal);

        // A manual round closes its period at the current minute; keep both runs inside one minute.
        if (DateTime.UtcNow.Second > 45)
        {
            await Task.Delay(TimeSpan.FromSeconds(61 - DateTime.UtcNow.Second));
        }

        using var first = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(["digests", "run"], TextReader.Null, first, error, Settings));
        using var second = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(["digests", "run"], TextReader.Null, second, error, Settings));

        Assert.Equal(11, first.ToString().Split('\n').Count(l => l.Contains("queued for 3 recipients", StringComparison.Ordinal)));
        Assert.Equal(11, second.ToString().Split('\n').Count(l => l.Contains("nothing new", StringComparison.Ordinal)));
        Assert.Equal(33, Directory.GetFiles(_directory.File("mail"), "*.eml").Length);
        await using var connection = new SqliteConnection($"Data Source={_directory.File("participation.db")};Pooling=false");
        Assert.Equal(33L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM mail_outbox WHERE status = 'sent'"));
        Assert.Equal(11L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM councils WHERE active = 1"));
    }

    [Theory]
    [InlineData(new[] { "digests" }, 2)]
    [InlineData(new[] { "digests", "send" }, 2)]
    [InlineData(new[] { "digests", "run", "--council", "abc" }, 2)]
    [InlineData(new[] { "digests", "run", "--council", "999" }, 1)]
    public async Task DigestsRun_BadInput_ExitsNonZeroWithOneLine(string[] args, int exitCode)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(exitCode, await CommandLine.RunAsync(args, TextReader.Null, output, error, Settings));
        Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("'extra'", "digests", "run", "extra")]
    [InlineData("'extra'", "digests", "run", "--council", "1", "extra")]
    [InlineData("'--rule'", "digests", "run", "--rule", "greedy")]
    public async Task DigestsRun_StrayArgument_IsRefusedWithTheUsageLine_AndSendsNothing(string named, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(["seed-demo"], TextReader.Null, output, error, Settings));
        output.GetStringBuilder().Clear();

        Assert.Equal(2, await CommandLine.RunAsync(args, TextReader.Null, output, error, Settings));
        Assert.Equal("", output.ToString());
        Assert.Equal($"Unexpected argument {named}. Usage: digests run [--council ID]", error.ToString().Trim());
        await using var connection = new SqliteConnection($"Data Source={_directory.File("participation.db")}");
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM mail_outbox"));
    }

    public void Dispose() => _directory.Dispose();
}
