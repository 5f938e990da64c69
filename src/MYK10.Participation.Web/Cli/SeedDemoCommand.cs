using MYK10.Participation.Demo;

namespace MYK10.Participation.Web.Cli;

/// <summary><c>seed-demo</c>: fills an empty database with demonstration data.</summary>
internal static class SeedDemoCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        var result = await context.Services.GetRequiredService<DemoSeeder>().SeedAsync();
        if (!result.Seeded)
        {
            return await context.FailAsync(result.Summary, 1);
        }

        await context.Output.WriteLineAsync(result.Summary);
        return 0;
    }
}
