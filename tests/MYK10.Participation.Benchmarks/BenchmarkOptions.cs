using System.Globalization;

namespace MYK10.Participation.Benchmarks;

/// <summary>
/// Command line: <c>--scale S</c> (1 = county size), <c>--seconds N</c> per load scenario, <c>--connections C</c>,
/// <c>--write-connections W</c> (for the three write loads together), <c>--out FILE</c>, <c>--seed-only</c> (seed a data
/// folder to look at, then stop), <c>--only TEXT</c> (only the read scenarios whose name contains TEXT, after the ceiling,
/// and the writes with their integrity check if TEXT is part of "writes"; no job timings: for looking at one thing while
/// changing it).
/// </summary>
public sealed record BenchmarkOptions(double Scale, double SecondsPerScenario, int Connections, string? OutputFile, string? WorkDirectory = null, bool SeedOnly = false, int WriteConnections = 15, string? Only = null)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        var scale = double.Parse(Value("--scale") ?? "1", CultureInfo.InvariantCulture);
        if (scale is <= 0 or > 10)
        {
            throw new ArgumentException("--scale must be between 0 and 10.");
        }

        return new BenchmarkOptions(
            scale,
            double.Parse(Value("--seconds") ?? (scale >= 0.5 ? "10" : "2"), CultureInfo.InvariantCulture),
            int.Parse(Value("--connections") ?? "64", CultureInfo.InvariantCulture),
            Value("--out"),
            SeedOnly: args.Contains("--seed-only"),
            WriteConnections: int.Parse(Value("--write-connections") ?? "15", CultureInfo.InvariantCulture),
            Only: Value("--only"));
    }

    public int Count(int atScaleOne) => Math.Max(1, (int)Math.Round(atScaleOne * Scale));
}
