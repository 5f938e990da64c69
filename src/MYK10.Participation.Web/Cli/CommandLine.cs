using MYK10.Participation.Data;
using MYK10.Participation.Hosting;

namespace MYK10.Participation.Web.Cli;

/// <summary>
/// Operations verbs of the site's executable (<c>--help</c> lists them). Each exits non-zero with a
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

    private static readonly string[] HelpWords = ["help", "--help", "-h"];

    private const string Help = """
        Commands (run as: dotnet run --project src/MYK10.Participation.Web -- COMMAND; without one the site starts):
          migrate                                            apply pending migrations and exit
          staff add --email ADDRESS --role admin|moderator   create a staff account (password from standard input)
          staff list                                         every staff account
          staff deactivate|activate --email ADDRESS          end or allow an account's sign-in
          staff password --email ADDRESS                     set a new password (from standard input), lift a lockout
          staff reset-two-factor --email ADDRESS             turn off the second factor of a lost phone
          staff role --email ADDRESS --role admin|moderator  change someone's role
          backup                                             write a backup into Backups:Directory now
          restore FILE                                       replace the database with a backup (stop the site first)
          seed-demo                                          fill an empty database with demonstration data
          digests run [--council ID]                         a council digest round now
          votes import FILE.pb [--title TEXT]                a closed vote from a Pabulib file
          votes tally ID [--rule greedy|equal-shares]        totals and winners of a vote
        """;

    public static bool IsCommand(string[] args) => args.Length > 0
        && (HelpWords.Contains(args[0], StringComparer.Ordinal) || (!args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal)));

    public static async Task<int> RunAsync(string[] args, TextReader? input = null, TextWriter? output = null, TextWriter? error = null,
        IDictionary<string, string?>? configuration = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        if (HelpWords.Contains(args[0], StringComparer.Ordinal))
        {
            await output.WriteAsync(Help);
            return 0;
        }

        if (!Verbs.TryGetValue(args[0], out var verb))
        {
            await error.WriteLineAsync($"Unknown command '{args[0]}'. Known commands: {string.Join(", ", Verbs.Keys)} (more with --help).");
            return 2;
        }

        // Every option of these commands takes a value: one left without it is refused rather than ignored.
        if (args.Index().FirstOrDefault(a => a.Item.StartsWith("--", StringComparison.Ordinal)
                && (a.Index + 1 == args.Length || args[a.Index + 1].StartsWith("--", StringComparison.Ordinal))) is { Item: { } bare })
        {
            await error.WriteLineAsync($"{bare} needs a value. See --help.");
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
