using MYK10.Participation.Operations;

namespace MYK10.Participation.Web.Cli;

/// <summary><c>backup</c>: a consistent copy of the database now, into <c>Backups:Directory</c>.</summary>
internal static class BackupCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        if (context.Args.Length > 0)
        {
            return await context.FailAsync("Usage: backup (takes no arguments; the folder is Backups:Directory)");
        }

        var path = await context.Services.GetRequiredService<BackupService>().CreateManualAsync();
        await context.Output.WriteLineAsync($"Backup written to {path}");
        return 0;
    }
}
