using System.Text;

namespace MYK10.Participation.Benchmarks;

internal static class Report
{
    public static string Markdown(BenchmarkOptions options, IReadOnlyList<ReportRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
            $"Scale {options.Scale}, {options.Connections} connections, {options.SecondsPerScenario} s per scenario; machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024 / 1024 / 1024} GiB; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine("| what | measured | target | met |");
        text.AppendLine("| --- | --- | --- | --- |");
        foreach (var row in rows)
        {
            var met = row.Met switch { true => "yes", false => "**no**", null => "–" };
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"| {row.What} | {row.Measured} | {row.Target} | {met} |");
        }

        return text.ToString();
    }
}
