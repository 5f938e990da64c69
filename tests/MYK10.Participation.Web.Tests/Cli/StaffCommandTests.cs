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

    [Theory]
    [InlineData("'extra'", "staff", "list", "extra")]
    [InlineData("'--email'", "staff", "list", "--email", "admin@kvmyk.de")]
    [InlineData("'extra'", "staff", "add", "--email", "neu@kvmyk.de", "--role", "admin", "extra")]
    [InlineData("'--council'", "staff", "add", "--email", "neu@kvmyk.de", "--role", "admin", "--council", "3")]
    [InlineData("'extra'", "staff", "deactivate", "--email", "admin@kvmyk.de", "extra")]
    [InlineData("'--role'", "staff", "activate", "--email", "admin@kvmyk.de", "--role", "admin")]
    [InlineData("'extra'", "staff", "reset-two-factor", "--email", "admin@kvmyk.de", "extra")]
    [InlineData("'extra'", "staff", "password", "--email", "admin@kvmyk.de", "extra")]
    [InlineData("'extra'", "staff", "role", "--email", "admin@kvmyk.de", "--role", "moderator", "extra")]
    public async Task StrayArgument_IsRefusedWithTheUsageLine_AndChangesNothing(string named, params string[] args)
    {
        await RunAsync("Rhein-Mosel-Verwaltung\n", "staff", "add", "--email", "admin@kvmyk.de", "--role", "admin");

        var (exit, output, error) = await RunAsync("Neues-Passwort-Mayen-2026\n", args);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        var line = Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith($"Unexpected argument {named}. Usage: staff add --email ADDRESS", line, StringComparison.Ordinal);
        var (_, list, _) = await RunAsync("", "staff", "list");
        var account = Assert.Single(list.Trim().Split('\n'));
        Assert.Matches("^admin@kvmyk.de  admin +active +second factor off  never signed in$", account);
        await using var app = await TestApp.StartAsync(Settings);
        Assert.Equal(SignInStatus.Succeeded, (await app.Get<StaffService>().SignInAsync("admin@kvmyk.de", "Rhein-Mosel-Verwaltung")).Status);
    }

    [Fact]
    public async Task AnOptionGivenTwice_IsRefused()
    {
        var (exit, _, error) = await RunAsync("Rhein-Mosel-Verwaltung\n", "staff", "add", "--email", "a@kvmyk.de", "--role", "admin", "--email", "b@kvmyk.de");

        Assert.Equal(2, exit);
        Assert.StartsWith("--email is given twice. Usage: staff add", error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffList_NamesTheLastSignIn_InAnUnambiguousBerlinTime()
    {
        await RunAsync("Rhein-Mosel-Verwaltung\n", "staff", "add", "--email", "admin@kvmyk.de", "--role", "admin");
        await using (var app = await TestApp.StartAsync(Settings))
        {
            await app.Get<StaffService>().SignInAsync("admin@kvmyk.de", "Rhein-Mosel-Verwaltung");
        }

        var (_, output, _) = await RunAsync("", "staff", "list");

        Assert.Matches(@"last sign-in \d{4}-\d{2}-\d{2} \d{2}:\d{2} Berlin time", output);
    }

    [Fact]
    public async Task StaffList_OnAFreshDatabase_SaysHowToAddTheFirstAccount()
    {
        var (exit, output, error) = await RunAsync("", "staff", "list");

        Assert.Equal((0, ""), (exit, error));
        Assert.Equal("No staff accounts yet. Add one with: staff add --email ADDRESS --role admin", output.Trim());
    }

    [Fact]
    public async Task StaffDeactivate_EndsSignIn_ActivateRestoresIt_AndTheLastActiveAdminStays()
    {
        await RunAsync("Rhein-Mosel-Verwaltung\n", "staff", "add", "--email", "admin@kvmyk.de", "--role", "admin");
        await RunAsync("Pellenz-Vordereifel-2026\n", "staff", "add", "--email", "moderation@kvmyk.de", "--role", "moderator");

        var refused = await RunAsync("", "staff", "deactivate", "--email", "admin@kvmyk.de");
        Assert.Equal(1, refused.Exit);
        Assert.Contains("last active admin", refused.Error, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync("", "staff", "deactivate", "--email", "Moderation@kvmyk.de")).Exit);
        await using (var app = await TestApp.StartAsync(Settings))
        {
            Assert.Equal(SignInStatus.InvalidCredentials, (await app.Get<StaffService>().SignInAsync("moderation@kvmyk.de", "Pellenz-Vordereifel-2026")).Status);
            Assert.Equal(SignInStatus.Succeeded, (await app.Get<StaffService>().SignInAsync("admin@kvmyk.de", "Rhein-Mosel-Verwaltung")).Status);
        }

        var (_, list, _) = await RunAsync("", "staff", "list");
        var lines = list.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^admin@kvmyk\.de\s+admin\s+active\s+second factor off\s+last sign-in", lines[0]);
        Assert.Matches(@"^moderation@kvmyk\.de\s+moderator\s+deactivated\s+second factor off\s+never signed in", lines[1]);

        Assert.Equal(0, (await RunAsync("", "staff", "activate", "--email", "moderation@kvmyk.de")).Exit);
        await using (var app = await TestApp.StartAsync(Settings))
        {
            Assert.Equal(SignInStatus.Succeeded, (await app.Get<StaffService>().SignInAsync("moderation@kvmyk.de", "Pellenz-Vordereifel-2026")).Status);
            await using var connection = await app.Connections.OpenAsync();
            var log = (await connection.QueryAsync<(string Action, string Details, long? StaffId)>(
                "SELECT action, details, staff_id FROM admin_log WHERE target_type = 'staff' AND action IN ('activate', 'deactivate') ORDER BY id")).ToList();
            Assert.Equal([("deactivate", "moderation@kvmyk.de", null), ("activate", "moderation@kvmyk.de", null)], log);
        }

        var unknown = await RunAsync("", "staff", "deactivate", "--email", "niemand@kvmyk.de");
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("no staff account", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffPassword_SetsANewPasswordUnderThePolicy_AndLiftsALockout()
    {
        await RunAsync("Rhein-Mosel-Verwaltung\n", "staff", "add", "--email", "admin@kvmyk.de", "--role", "admin");
        await using (var app = await TestApp.StartAsync(Settings))
        {
            for (var i = 0; i < 10; i++)
            {
                await app.Get<StaffService>().SignInAsync("admin@kvmyk.de", "falsch-falsch-falsch");
            }

            Assert.Equal(SignInStatus.LockedOut, (await app.Get<StaffService>().SignInAsync("admin@kvmyk.de", "Rhein-Mosel-Verwaltung")).Status);
        }

        var weak = await RunAsync("kurz\n", "staff", "password", "--email", "admin@kvmyk.de");
        Assert.Equal(2, weak.Exit);
        Assert.Contains("at least 12 characters", weak.Error, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync("Neues-Passwort-Koblenz\n", "staff", "password", "--email", "admin@kvmyk.de")).Exit);
        await using (var app = await TestApp.StartAsync(Settings))
        {
            Assert.Equal(SignInStatus.Succeeded, (await app.Get<StaffService>().SignInAsync("admin@kvmyk.de", "Neues-Passwort-Koblenz")).Status);
            Assert.Equal(SignInStatus.InvalidCredentials, (await app.Get<StaffService>().SignInAsync("admin@kvmyk.de", "Rhein-Mosel-Verwaltung")).Status);
        }
    }

    [Fact]
    public async Task StaffResetTwoFactor_TurnsOffTheSecondFactorOfALostPhone()
    {
        await RunAsync("Rhein-Mosel-Verwaltung\n", "staff", "add", "--email", "admin@kvmyk.de", "--role", "admin");
        long id;
        await using (var app = await TestApp.StartAsync(Settings))
        {
            id = (await app.Get<StaffStore>().FindIdAsync("admin@kvmyk.de"))!.Value;
            var twoFactor = app.Get<TwoFactorService>();
            var secret = (await twoFactor.BeginEnrolmentAsync(id))!;
            Assert.True(await twoFactor.ConfirmEnrolmentAsync(id, twoFactor.CurrentCode(secret)));
        }

        Assert.Contains("second factor on", (await RunAsync("", "staff", "list")).Output, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("", "staff", "reset-two-factor", "--email", "admin@kvmyk.de")).Exit);

        await using (var app = await TestApp.StartAsync(Settings))
        {
            Assert.False(await app.Get<TwoFactorService>().IsEnabledAsync(id));
        }

        Assert.Contains("had no second factor; nothing changed", (await RunAsync("", "staff", "reset-two-factor", "--email", "admin@kvmyk.de")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffRole_RefusesToDemoteTheLastActiveAdmin_ThenChangesRolesBothWays_EachInTheAdminLog()
    {
        await RunAsync("Rhein-Mosel-Verwaltung\n", "staff", "add", "--email", "admin@kvmyk.de", "--role", "admin");
        await RunAsync("Pellenz-Vordereifel-2026\n", "staff", "add", "--email", "moderation@kvmyk.de", "--role", "moderator");

        var refused = await RunAsync("", "staff", "role", "--email", "admin@kvmyk.de", "--role", "moderator");
        Assert.Equal(1, refused.Exit);
        Assert.Contains("last active admin", refused.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await RunAsync("", "staff", "role", "--email", "admin@kvmyk.de", "--role", "chef")).Exit);

        Assert.Equal((0, "Staff account moderation@kvmyk.de is admin now."), Trimmed(await RunAsync("", "staff", "role", "--email", "moderation@kvmyk.de", "--role", "admin")));
        Assert.Equal((0, "Staff account admin@kvmyk.de is moderator now."), Trimmed(await RunAsync("", "staff", "role", "--email", "admin@kvmyk.de", "--role", "moderator")));
        Assert.Equal((0, "Staff account admin@kvmyk.de was moderator already; nothing changed."), Trimmed(await RunAsync("", "staff", "role", "--email", "admin@kvmyk.de", "--role", "moderator")));

        await using var app = await TestApp.StartAsync(Settings);
        Assert.Equal(StaffRole.Moderator, (await app.Get<StaffService>().SignInAsync("admin@kvmyk.de", "Rhein-Mosel-Verwaltung")).Member!.Role);
        Assert.Equal(StaffRole.Admin, (await app.Get<StaffService>().SignInAsync("moderation@kvmyk.de", "Pellenz-Vordereifel-2026")).Member!.Role);
        await using var connection = await app.Connections.OpenAsync();
        var log = (await connection.QueryAsync<(string Details, string Before, string After)>(
            "SELECT details, before_json, after_json FROM admin_log WHERE target_type = 'staff' AND action = 'update' ORDER BY id")).ToList();
        Assert.Equal([("moderation@kvmyk.de", """{"role":"moderator"}""", """{"role":"admin"}"""), ("admin@kvmyk.de", """{"role":"admin"}""", """{"role":"moderator"}""")], log);

        static (int, string) Trimmed((int Exit, string Output, string Error) result) => (result.Exit, result.Output.Trim());
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
