namespace MYK10.Participation.Benchmarks;

/// <summary><c>dotnet run -c Release --project tests/MYK10.Participation.Benchmarks -- [--scale S] [--seconds N] [--connections C] [--out FILE] [--seed-only] [--only TEXT]</c></summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        var report = await BenchmarkRun.RunAsync(options, Console.Out);
        Console.WriteLine();
        Console.WriteLine(report.Markdown);
        var output = options.OutputFile ?? Path.Combine(Directory.GetCurrentDirectory(), "benchmark-results.md");
        await File.WriteAllTextAsync(output, report.Markdown);
        Console.WriteLine($"Written to {output}");
        return report.IntegrityOk ? 0 : 1;
    }
}
