using MYK10.Participation.Demo;

namespace MYK10.Participation.Web.Cli;

/// <summary><c>seed-demo</c>: fills an empty database with demonstration data.</summary>
internal static class SeedDemoCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        if (context.Args.Length > 0)
        {
            return await context.FailAsync("Usage: seed-demo (takes no arguments)");
        }

        var result = await context.Services.GetRequiredService<DemoSeeder>().SeedAsync();
        if (!result.Seeded)
        {
            return await context.FailAsync(result.Summary, 1);
        }

        await context.Output.WriteLineAsync(result.Summary);
        return 0;
    }
}
