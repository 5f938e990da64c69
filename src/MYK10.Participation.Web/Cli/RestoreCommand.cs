using MYK10.Participation.Operations;

namespace MYK10.Participation.Web.Cli;

/// <summary><c>restore FILE</c>: replaces the database with a backup, only while no site runs on it.</summary>
internal static class RestoreCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        if (context.Args.Length != 1)
        {
            return await context.FailAsync("Usage: restore FILE (stop the site first)");
        }

        var file = Path.GetFullPath(context.Args[0]);
        var result = await context.Services.GetRequiredService<RestoreService>().RestoreAsync(file);
        return result.Status switch
        {
            RestoreStatus.Restored => await DoneAsync(context, $"Database {result.Detail} restored from {file}."),
            RestoreStatus.FileMissing => await context.FailAsync($"File not found: {file}"),
            RestoreStatus.NotADatabase => await context.FailAsync($"{file} is not an SQLite database."),
            RestoreStatus.NotParticipationDatabase => await context.FailAsync($"{file} is not a MYK10 participation database (no schema_migrations table)."),
            RestoreStatus.Damaged => await context.FailAsync($"{file} failed the integrity check: {result.Detail}"),
            RestoreStatus.SiteRunning => await context.FailAsync($"A running site uses {result.Detail}: stop it before restoring.", 1),
            _ => await context.FailAsync("Not restored.", 1),
        };
    }

    private static async Task<int> DoneAsync(CommandContext context, string message)
    {
        await context.Output.WriteLineAsync(message);
        return 0;
    }
}
