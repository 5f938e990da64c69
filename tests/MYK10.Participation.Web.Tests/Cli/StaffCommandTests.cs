using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Staff;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Cli;

namespace MYK10.Participation.Web.Tests.Cli;

public sealed class StaffCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private Dictionary<string, string?> Settings => new()
    {
        ["ConnectionStrings:Participation"] = $"Data Source={_directory.File("participation.db")}",
        ["Mail:PickupDirectory"] = _directory.File("mail"),
    };

    [Fact]
    public async Task StaffAdd_ReadsPasswordFromStandardInput_AndTheAccountCanSignIn()
    {
        var (exit, output, _) = await RunAsync("Rhein-Mosel-Verwaltung\n", "staff", "add", "--email", "admin@kvmyk.de", "--role", "admin");

        Assert.Equal(0, exit);
        Assert.Contains("admin@kvmyk.de", output, StringComparison.Ordinal);
        await using var app = await TestApp.StartAsync(Settings);
        var signIn = await app.Get<StaffService>().SignInAsync("admin@kvmyk.de", "Rhein-Mosel-Verwaltung");
        Assert.Equal(SignInStatus.Succeeded, signIn.Status);
        Assert.Equal(StaffRole.Admin, signIn.Member!.Role);
    }

    [Fact]
    public async Task StaffAdd_WeakPassword_ExitsNonZeroWithMessage()
    {
        var (exit, _, error) = await RunAsync("kurz\n", "staff", "add", "--email", "admin@kvmyk.de", "--role", "admin");

        Assert.NotEqual(0, exit);
        Assert.Contains("at least 12 characters", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffAdd_Duplicate_ExitsNonZeroWithMessage()
    {
        await RunAsync("Rhein-Mosel-Verwaltung\n", "staff", "add", "--email", "admin@kvmyk.de", "--role", "admin");

        var (exit, _, error) = await RunAsync("Anderes-Passwort-123\n", "staff", "add", "--email", "ADMIN@kvmyk.de", "--role", "moderator");

        Assert.NotEqual(0, exit);
        Assert.Contains("exists already", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("staff", "add", "--role", "admin")]
    [InlineData("staff", "add", "--email", "x@kvmyk.de", "--role", "chef")]
    [InlineData("staff", "remove")]
    [InlineData("gibtsnicht")]
    public async Task BadInput_ExitsNonZeroWithOneLine(params string[] args)
    {
        var (exit, _, error) = await RunAsync("Rhein-Mosel-Verwaltung\n", args);

        Assert.NotEqual(0, exit);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Migrate_AppliedMigrationChanged_ExitsNonZeroNamingTheFile()
    {
        Assert.Equal(0, (await RunAsync("", "migrate")).Exit);
        await using (var connection = new SqliteConnection($"Data Source={_directory.File("participation.db")};Pooling=false"))
        {
            await connection.ExecuteAsync("UPDATE schema_migrations SET checksum = 'abcdefabcdefabcdef' WHERE name = '0002_mail_outbox.sql'");
        }

        var (exit, _, error) = await RunAsync("", "migrate");

        Assert.Equal(1, exit);
        Assert.Contains("0002_mail_outbox.sql", error, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private async Task<(int Exit, string Output, string Error)> RunAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, new StringReader(input), output, error, Settings);
        return (exit, output.ToString(), error.ToString());
    }
}
