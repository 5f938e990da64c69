using System.Globalization;
using System.Net;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using MYK10.Participation.Data;

namespace MYK10.Participation.Benchmarks;

public sealed record ReportRow(string What, string Measured, string Target, bool? Met);

public sealed record BenchmarkReport(IReadOnlyList<ReportRow> Rows, bool IntegrityOk, string Markdown);

/// <summary>Seeds, starts the real site, loads it, times the jobs, checks integrity, and reports.</summary>
public static class BenchmarkRun
{
    public static async Task<BenchmarkReport> RunAsync(BenchmarkOptions options, TextWriter log)
    {
        var directory = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "myk10-benchmark", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        DapperTypeHandlers.Register();
        var connections = new SqliteConnectionFactory($"Data Source={Path.Combine(directory, "participation.db")}");
        await new Migrator(connections, MigrationScript.Embedded(), TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync();

        var rows = new List<ReportRow>();
        var seeder = new Seeder(connections, options);
        var seedTime = await seeder.SeedAsync();
        log.WriteLine($"Seeded {seeder.Participants:N0} participants, {seeder.Ideas:N0} ideas, {seeder.Supports:N0} supports, {seeder.Comments:N0} comments in {seedTime.TotalSeconds:F1} s");
        rows.Add(new ReportRow("seeding (bulk inserts)", $"{seeder.Participants:N0} participants, {seeder.Ideas:N0} ideas, {seeder.Supports:N0} supports, {seeder.Comments:N0} comments in {seedTime.TotalSeconds:F1} s", "–", null));

        var settings = new Dictionary<string, string>
        {
            // The write load signs many supports per participant on purpose; the per-person limits would refuse them.
            ["RateLimits:Support:PermitLimit"] = "1000000",
            ["RateLimits:Write:PermitLimit"] = "1000000",
            ["RateLimits:Writes:PermitLimit"] = "1000000",
        };
        await using var server = await ServerProcess.StartAsync(directory, settings);
        rows.Add(new ReportRow("start to first response, migrated database", Ms(server.TimeToFirstResponse.TotalMilliseconds), "≤ 1,500 ms", server.TimeToFirstResponse.TotalMilliseconds <= 1500));
        log.WriteLine($"Site answered after {server.TimeToFirstResponse.TotalMilliseconds:F0} ms at {server.Address}");

        var duration = TimeSpan.FromSeconds(options.SecondsPerScenario);
        var published = (await QueryIdsAsync(connections, "SELECT id FROM ideas WHERE state = 'published' ORDER BY id")).ToArray();
        var pageCount = Math.Max(1, published.Length / 20);
        var ceiling = await LoadRunner.RunAsync("plaintext ceiling (/health/live)", server.Address, options.Connections, duration, (_, _) => Get("/health/live"));
        var reads = new List<LoadResult> { ceiling };
        (string Name, Func<int, long, HttpRequestMessage> Request, bool Search)[] scenarios =
        [
            ("start page /", (_, _) => Get("/"), false),
            ("/ideen page 1", (_, _) => Get("/ideen"), false),
            ($"/ideen page {Math.Min(200, pageCount)}", (_, _) => Get($"/ideen?seite={Math.Min(200, pageCount)}"), false),
            ("/ideen by municipality and field", (w, n) => Get($"/ideen?gemeinde=mayen&feld={(n % 2 == 0 ? "energie" : "bildung")}"), false),
            ("/ideen/{id}", (w, n) => Get($"/ideen/{published[(int)((w * 7919 + n * 104729) % published.Length)]}"), false),
            ("/api/v1/ideas", (_, _) => Get("/api/v1/ideas"), false),
            ("search /ideen?q=…", (w, n) => Get($"/ideen?q={Uri.EscapeDataString(SearchTerms[(int)((w + n) % SearchTerms.Length)])}"), true),
        ];
        foreach (var (name, request, _) in scenarios)
        {
            var result = await LoadRunner.RunAsync(name, server.Address, options.Connections, duration, request);
            reads.Add(result);
            log.WriteLine($"{name}: {result.RequestsPerSecond:F0} req/s, p99 {result.P99Ms:F1} ms, {result.Errors} errors");
        }

        foreach (var (read, search) in reads.Skip(1).Zip(scenarios.Select(s => s.Search)))
        {
            var ratio = read.RequestsPerSecond / ceiling.RequestsPerSecond;
            var target = search ? "p99 ≤ 50 ms" : "≥ 30 % of ceiling, p99 ≤ 25 ms";
            var met = read.Errors == 0 && (search ? read.P99Ms <= 50 : ratio >= 0.30 && read.P99Ms <= 25);
            rows.Add(new ReportRow(read.Name, $"{read.RequestsPerSecond:N0} req/s ({ratio:P0} of ceiling), p50 {read.P50Ms:F1} / p95 {read.P95Ms:F1} / p99 {read.P99Ms:F1} ms, {read.Errors} errors", target, met));
        }

        rows.Insert(2, new ReportRow(ceiling.Name, $"{ceiling.RequestsPerSecond:N0} req/s, p99 {ceiling.P99Ms:F1} ms", "ceiling", null));

        // Writes: supports by distinct signed-in participants, each on ideas it has not supported yet.
        var sessionCount = Math.Min(options.Connections, seeder.Participants - seeder.FirstFreshParticipant + 1);
        var sessions = await ParticipantSessions.SignInAsync(connections, server.Address, seeder.FirstFreshParticipant, sessionCount, $"/ideen/{published[0]}");
        var writes = await LoadRunner.RunAsync("supports (POST, distinct participants)", server.Address, sessionCount, duration,
            (w, n) =>
            {
                var session = sessions.All[w];
                var idea = published[(int)((w * 997 + n) % published.Length)];
                var message = new HttpRequestMessage(HttpMethod.Post, $"/ideen/{idea}?handler=Support")
                {
                    Content = new FormUrlEncodedContent([new("__RequestVerificationToken", session.FormToken)]),
                };
                return message;
            },
            response => response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location?.OriginalString.Contains("hinweis=unterstuetzt", StringComparison.Ordinal) == true,
            w => sessions.All[w].Client);
        foreach (var session in sessions.All)
        {
            session.Client.Dispose();
        }

        var writeRate = writes.RequestsPerSecond;
        rows.Add(new ReportRow(writes.Name, $"{writeRate:N0} accepted/s, p50 {writes.P50Ms:F1} / p95 {writes.P95Ms:F1} / p99 {writes.P99Ms:F1} ms, {writes.Errors} refused", "≥ 1,500 writes/s in total, p99 ≤ 50 ms", writes.Errors == 0 && writeRate >= 1500 && writes.P99Ms <= 50));
        log.WriteLine($"supports: {writeRate:F0}/s, p99 {writes.P99Ms:F1} ms, {writes.Errors} refused");

        server.Sample();
        var peak = server.PeakMemoryMb;
        rows.Add(new ReportRow("peak memory of the server (VmHWM)", $"{peak:N0} MB", "≤ 300 MB", peak <= 300));
        var size = new FileInfo(Path.Combine(directory, "participation.db")).Length + (File.Exists(Path.Combine(directory, "participation.db-wal")) ? new FileInfo(Path.Combine(directory, "participation.db-wal")).Length : 0);
        rows.Add(new ReportRow("database file size", $"{size / 1024.0 / 1024.0:N1} MB", "–", null));

        // Integrity: every accepted support is stored exactly once, and every counter matches its rows.
        await using var connection = await connections.OpenAsync();
        var mismatches = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM ideas i WHERE supporters <> (SELECT count(*) FROM idea_supports s WHERE s.idea_id = i.id)");
        var freshRows = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM idea_supports WHERE participant_id >= @First", new { First = seeder.FirstFreshParticipant });
        var maxPairs = sessions.All.Count * (long)published.Length;
        var expected = Math.Min(writes.Requests - writes.Errors, maxPairs);
        var integrityOk = mismatches == 0 && freshRows == expected;
        rows.Add(new ReportRow("integrity after the write load", $"{freshRows:N0} support rows for {expected:N0} accepted supports; {mismatches} counters differ from their rows", "exactly once, counters exact", integrityOk));

        var report = Report.Markdown(options, rows);
        return new BenchmarkReport(rows, integrityOk, report);
    }

    private static readonly string[] SearchTerms = ["glasfaser", "mobilitat", "Rufbus Mayen", "telemedizin", "solar", "hochwasser bendorf", "WLAN", "schule"];

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static string Ms(double ms) => $"{ms:N0} ms";

    private static async Task<IEnumerable<long>> QueryIdsAsync(IDbConnectionFactory connections, string sql)
    {
        await using var connection = await connections.OpenAsync();
        return (await connection.QueryAsync<long>(sql)).AsList();
    }
}
