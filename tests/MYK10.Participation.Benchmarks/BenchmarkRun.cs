using System.Globalization;
using System.Net;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using MYK10.Participation.Ballots;
using MYK10.Participation.Data;
using MYK10.Participation.Surveys;

namespace MYK10.Participation.Benchmarks;

public sealed record ReportRow(string What, string Measured, string Target, bool? Met);

public sealed record BenchmarkReport(IReadOnlyList<ReportRow> Rows, bool IntegrityOk, string Markdown);

/// <summary>Seeds, starts the real site, loads it, times the jobs, checks integrity, and reports.</summary>
public static class BenchmarkRun
{
    public static async Task<BenchmarkReport> RunAsync(BenchmarkOptions options, TextWriter log)
    {
        LoadRunner.WarmUp = TimeSpan.FromSeconds(Math.Min(2, options.SecondsPerScenario / 5));
        var directory = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "myk10-benchmark", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        DapperTypeHandlers.Register();
        var connections = new SqliteConnectionFactory($"Data Source={Path.Combine(directory, "participation.db")}");
        await new Migrator(connections, MigrationScript.Embedded(), TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync();

        var rows = new List<ReportRow>();
        var seeder = new Seeder(connections, options);
        var seedTime = await seeder.SeedAsync();
        await using var smtp = new SmtpSink();
        await using var services = BenchmarkServices.Build(directory, smtp.Port);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var surveys = new SurveySeeder(connections, services.GetRequiredService<SurveyBuilder>(), options);
        await surveys.SeedAsync();
        var votes = new VoteSeeder(connections, services.GetRequiredService<VoteStore>(), options);
        await votes.SeedAsync(seeder.FirstFreshParticipant - 1);
        await using (var analyse = await connections.OpenAsync())
        {
            await analyse.ExecuteAsync("ANALYZE;");
        }

        seedTime += watch.Elapsed;
        var seeded = $"{seeder.Participants:N0} participants, {seeder.Ideas:N0} ideas, {seeder.Supports:N0} supports, {seeder.Comments:N0} comments, " +
            $"{SurveySeeder.SurveyCount} surveys with {surveys.Responses:N0} responses ({surveys.Answers:N0} answers), " +
            $"{VoteSeeder.VoteCount} votes with {votes.Ballots:N0} ballots, 11 councils with 5 recipients each";
        log.WriteLine($"Seeded {seeded} in {seedTime.TotalSeconds:F1} s");
        rows.Add(new ReportRow("seeding (bulk inserts)", $"{seeded} in {seedTime.TotalSeconds:F1} s", "–", null));
        if (options.SeedOnly)
        {
            log.WriteLine($"Data folder: {directory}");
            return new BenchmarkReport(rows, true, Report.Markdown(options, rows));
        }

        if (options.Only is null)
        {
            rows.AddRange(await JobTimings.RunAsync(services, smtp, surveys, votes, log));
        }

        var settings = new Dictionary<string, string>
        {
            // The write loads write many times per participant and address on purpose; the per-person limits would refuse them.
            ["RateLimits:Support:PermitLimit"] = "1000000",
            ["RateLimits:Ballot:PermitLimit"] = "1000000",
            ["RateLimits:SurveySubmit:PermitLimit"] = "1000000",
            ["RateLimits:Writes:PermitLimit"] = "1000000",
        };
        await using var server = await ServerProcess.StartAsync(directory, settings);
        rows.Add(new ReportRow("start to first response, migrated database", Ms(server.TimeToFirstResponse.TotalMilliseconds), "≤ 1,500 ms", server.TimeToFirstResponse.TotalMilliseconds <= 1500));
        log.WriteLine($"Site answered after {server.TimeToFirstResponse.TotalMilliseconds:F0} ms at {server.Address}");

        var duration = TimeSpan.FromSeconds(options.SecondsPerScenario);
        var published = (await QueryIdsAsync(connections, "SELECT id FROM ideas WHERE state = 'published' ORDER BY id")).ToArray();
        var pageCount = Math.Max(1, published.Length / 20);
        // The list's order (newest first): visitors open mostly what its first pages show.
        var listOrder = (await QueryIdsAsync(connections, "SELECT id FROM ideas WHERE state = 'published' ORDER BY published_at DESC, id DESC")).ToArray();
        var popularity = new ZipfPicker(listOrder.Length);
        var ceiling = await LoadRunner.RunAsync("plaintext ceiling (/health/live)", server.Address, options.Connections, duration, (_, _) => Get("/health/live"));
        rows.Add(new ReportRow(ceiling.Name, $"{ceiling.RequestsPerSecond:N0} req/s, p99 {ceiling.P99Ms:F1} ms", "ceiling", null));
        var sessionCount = Math.Min(options.Connections, seeder.Participants - seeder.FirstFreshParticipant + 1);
        var sessions = await ParticipantSessions.SignInAsync(connections, server.Address, seeder.FirstFreshParticipant, sessionCount, $"/ideen/{published[0]}");
        var results = surveys.Closed;
        var distinct = new DistinctSearches(options.Connections);
        (string Name, Func<int, long, HttpRequestMessage> Request, bool Search)[] scenarios =
        [
            ("start page /", (_, _) => Get("/"), false),
            ("/ideen page 1", (_, _) => Get("/ideen"), false),
            ($"/ideen page {Math.Min(200, pageCount)}", (_, _) => Get($"/ideen?seite={Math.Min(200, pageCount)}"), false),
            ("/ideen by municipality and field", (w, n) => Get($"/ideen?gemeinde=mayen&feld={(n % 2 == 0 ? "energie" : "bildung")}"), false),
            ("/ideen/{id}, every idea alike", (w, n) => Get($"/ideen/{published[(int)((w * 7919 + n * 104729) % published.Length)]}"), false),
            ($"/ideen/{{id}}, popular ideas first (Zipf over the list; the first 200 get {popularity.ShareOfFirst(200):P0})", (w, n) => Get($"/ideen/{listOrder[popularity.Pick(w, n)]}"), false),
            ("/umfragen/{id}/ergebnisse", (w, n) => Get($"/umfragen/{results[(int)((w + n) % results.Count)]}/ergebnisse"), false),
            ("/abstimmungen/{id}/ergebnis", (w, n) => Get($"/abstimmungen/{votes.Closed[(int)((w + n) % votes.Closed.Count)]}/ergebnis"), false),
            ("/api/v1/ideas", (_, _) => Get("/api/v1/ideas"), false),
            ("search /ideen?q=…", (w, n) => Get($"/ideen?q={Uri.EscapeDataString(DistinctSearches.Terms[(int)((w + n) % DistinctSearches.Terms.Length)])}"), true),
            (distinct.Name, (w, n) => Get(distinct.Url(w, n)), true),
        ];
        // Pages for signed-in participants are rendered for each request; the search results behind them are shared.
        var signedInSearch = ("search /ideen?q=…, signed in (page rendered each time, results shared)", scenarios[^2].Request, true);
        foreach (var (name, request, search) in scenarios.Append(signedInSearch).Where(s => options.Only is null || s.Item1.Contains(options.Only, StringComparison.OrdinalIgnoreCase)))
        {
            var read = name == signedInSearch.Item1
                ? await LoadRunner.RunAsync(name, server.Address, sessions.All.Count, duration, request, clients: w => sessions.All[w].Client)
                : await LoadRunner.RunAsync(name, server.Address, options.Connections, duration, request);
            log.WriteLine($"{name}: {read.RequestsPerSecond:F0} req/s, p99 {read.P99Ms:F1} ms, {read.Errors} errors");
            var ratio = read.RequestsPerSecond / ceiling.RequestsPerSecond;
            var target = search ? "p99 ≤ 50 ms" : "≥ 30 % of ceiling, p99 ≤ 25 ms";
            var met = read.Errors == 0 && (search ? read.P99Ms <= 50 : ratio >= 0.30 && read.P99Ms <= 25);
            var repeated = name == distinct.Name && distinct.Repeated ? "; some queries repeated, so some may have come from the cache" : string.Empty;
            rows.Add(new ReportRow(read.Name, $"{read.RequestsPerSecond:N0} req/s ({ratio:P0} of ceiling), p50 {read.P50Ms:F1} / p95 {read.P95Ms:F1} / p99 {read.P99Ms:F1} ms, {read.Errors} errors{repeated}", target, met));
        }

        if (options.Only is not null && !"writes".Contains(options.Only, StringComparison.OrdinalIgnoreCase))
        {
            return new BenchmarkReport(rows, true, Report.Markdown(options, rows));
        }

        // Writes at the same time: supports and ballots by distinct signed-in participants, survey submissions by new browsers.
        await using var before = await connections.OpenAsync();
        var surveyId = surveys.Open[0];
        var responsesBefore = await before.ExecuteScalarAsync<long>("SELECT count(*) FROM survey_responses WHERE survey_id = @Id", new { Id = surveyId });
        var participationsBefore = await before.ExecuteScalarAsync<long>("SELECT count(*) FROM survey_participations WHERE survey_id = @Id", new { Id = surveyId });
        // The write connections are shared out equally among supports, ballots and survey submissions.
        var share = Math.Max(1, Math.Min(options.WriteConnections / 3, sessions.All.Count / 2));
        var supporters = sessions.All.Take(share).ToList();
        var voters = sessions.All.Skip(share).Take(share).ToList();
        var accepted = new System.Collections.Concurrent.ConcurrentDictionary<(long Participant, long Vote), int>();
        var writeLoads = await Task.WhenAll(
            WriteLoads.SupportsAsync(server.Address, supporters, published, duration),
            WriteLoads.BallotsAsync(voters, votes.Open, accepted, duration),
            WriteLoads.SurveySubmissionsAsync(server.Address, [surveyId], share, duration));
        var (supports, ballots, submissions) = (writeLoads[0], writeLoads[1], writeLoads[2]);
        foreach (var session in sessions.All)
        {
            session.Client.Dispose();
        }

        foreach (var write in writeLoads)
        {
            log.WriteLine($"{write.Name}: {(write.Requests - write.Errors) / write.Seconds:F0}/s accepted, p99 {write.P99Ms:F1} ms, {write.Errors} refused");
            rows.Add(new ReportRow(write.Name, $"{(write.Requests - write.Errors) / write.Seconds:N0} accepted/s, p50 {write.P50Ms:F1} / p95 {write.P95Ms:F1} / p99 {write.P99Ms:F1} ms, {write.Errors} refused", "–", null));
        }

        var writeRate = writeLoads.Sum(w => (w.Requests - w.Errors) / w.Seconds);
        var writeP99 = writeLoads.Max(w => w.P99Ms);
        var writeErrors = writeLoads.Sum(w => w.Errors);
        rows.Add(new ReportRow($"all three writes at once ({supporters.Count} + {voters.Count} + {share} connections)",
            $"{writeRate:N0} accepted writes/s in total, worst p99 {writeP99:F1} ms, {writeErrors} refused",
            "≥ 1,500 writes/s in total, p99 ≤ 50 ms", writeErrors == 0 && writeRate >= 1500 && writeP99 <= 50));

        server.Sample();
        var peak = server.PeakMemoryMb;
        rows.Add(new ReportRow("peak memory of the server (VmHWM)", $"{peak:N0} MB", "≤ 300 MB", peak <= 300));
        var size = new FileInfo(Path.Combine(directory, "participation.db")).Length + (File.Exists(Path.Combine(directory, "participation.db-wal")) ? new FileInfo(Path.Combine(directory, "participation.db-wal")).Length : 0);
        rows.Add(new ReportRow("database file size", $"{size / 1024.0 / 1024.0:N1} MB", "–", null));

        var integrity = await Integrity.CheckAsync(connections, seeder, published.Length, supporters.Count, supports, accepted,
            (surveyId, responsesBefore, participationsBefore, submissions.AcceptedWithWarmUp));
        rows.Add(integrity);
        var integrityOk = integrity.Met == true;

        var report = Report.Markdown(options, rows);
        return new BenchmarkReport(rows, integrityOk, report);
    }

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static string Ms(double ms) => $"{ms:N0} ms";

    private static async Task<IEnumerable<long>> QueryIdsAsync(IDbConnectionFactory connections, string sql)
    {
        await using var connection = await connections.OpenAsync();
        return (await connection.QueryAsync<long>(sql)).AsList();
    }
}
