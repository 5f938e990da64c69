using MYK10.Participation.Data;
using MYK10.Participation.Hosting;

namespace MYK10.Participation.Web.Cli;

/// <summary>
/// Operations verbs of the site's executable: <c>migrate</c>, <c>staff add</c>, <c>backup</c>, <c>restore FILE</c>. Each exits non-zero with a
/// one-line message on bad input.
/// </summary>
public static class CommandLine
{
    private static readonly Dictionary<string, Func<CommandContext, Task<int>>> Verbs = new(StringComparer.Ordinal)
    {
        ["migrate"] = MigrateCommand.RunAsync,
        ["staff"] = StaffCommand.RunAsync,
        ["backup"] = BackupCommand.RunAsync,
        ["restore"] = RestoreCommand.RunAsync,
        ["seed-demo"] = SeedDemoCommand.RunAsync,
        ["digests"] = DigestsCommand.RunAsync,
        ["votes"] = VotesCommand.RunAsync,
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal);

    public static async Task<int> RunAsync(string[] args, TextReader? input = null, TextWriter? output = null, TextWriter? error = null,
        IDictionary<string, string?>? configuration = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        if (!Verbs.TryGetValue(args[0], out var verb))
        {
            await error.WriteLineAsync($"Unknown command '{args[0]}'. Known commands: {string.Join(", ", Verbs.Keys)}.");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        // A command prints its own result; the log says only what went wrong. It runs without the site's background
        // checkpoint, so its commits checkpoint the write-ahead log themselves, as SQLite does by default.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Database:BackgroundCheckpoint"] = "false",
        });
        if (configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(configuration);
        }

        builder.Services.AddParticipation(builder.Configuration, builder.Environment.ContentRootPath);
        using var host = builder.Build();
        try
        {
            await host.Services.GetRequiredService<Migrator>().MigrateAsync();
        }
        catch (MigrationException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }

        return await verb(new CommandContext(args[1..], host.Services, input ?? Console.In, output, error));
    }
}
