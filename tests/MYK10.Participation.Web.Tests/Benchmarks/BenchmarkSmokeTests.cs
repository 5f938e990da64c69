using MYK10.Participation.Benchmarks;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Benchmarks;

/// <summary>The benchmark end to end at a tiny scale: it must complete and its integrity checks must pass. Timings are not asserted.</summary>
public sealed class BenchmarkSmokeTests
{
    [Fact]
    public async Task Benchmark_AtScaleOnePercent_CompletesWithIntegrityIntact()
    {
        using var directory = new TempDirectory();
        using var log = new StringWriter();

        var report = await BenchmarkRun.RunAsync(new BenchmarkOptions(0.01, 0.5, 8, null, directory.Path), log);

        Assert.True(report.IntegrityOk, report.Markdown + log);
        Assert.Contains("| integrity after the write load |", report.Markdown, StringComparison.Ordinal);
        Assert.Contains(report.Rows, r => r.What.StartsWith("supports", StringComparison.Ordinal) && !r.Measured.StartsWith("0 accepted", StringComparison.Ordinal));
        Assert.All(report.Rows.Where(r => r.Measured.Contains("errors", StringComparison.Ordinal)), r => Assert.Contains(" 0 errors", r.Measured, StringComparison.Ordinal));
    }
}
