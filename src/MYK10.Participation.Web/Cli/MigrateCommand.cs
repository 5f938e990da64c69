namespace MYK10.Participation.Web.Cli;

/// <summary><c>migrate</c>: the migrations run before every verb, so this only reports.</summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        if (context.Args.Length > 0)
        {
            return await context.FailAsync("Usage: migrate (takes no arguments)");
        }

        await context.Output.WriteLineAsync("Database is up to date.");
        return 0;
    }
}
