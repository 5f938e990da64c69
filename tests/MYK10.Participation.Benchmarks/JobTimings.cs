using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MYK10.Participation.Ballots;
using MYK10.Participation.Digests;
using MYK10.Participation.Mail;
using MYK10.Participation.Surveys;

namespace MYK10.Participation.Benchmarks;

/// <summary>The background jobs on the seeded data, run in this process through the library's real services.</summary>
internal static class JobTimings
{
    public static async Task<IReadOnlyList<ReportRow>> RunAsync(IServiceProvider services, SmtpSink smtp, SurveySeeder surveys, VoteSeeder votes, TextWriter log)
    {
        var rows = new List<ReportRow>();

        var aggregation = services.GetRequiredService<SurveyResultsJob>();
        var watch = Stopwatch.StartNew();
        foreach (var id in surveys.Closed.Concat(surveys.Open))
        {
            await aggregation.RunAsync(id, CancellationToken.None);
        }

        var seconds = watch.Elapsed.TotalSeconds;
        rows.Add(new ReportRow($"survey aggregation ({SurveySeeder.SurveyCount} surveys, {surveys.Responses:N0} responses, {surveys.Answers:N0} answers)",
            $"{seconds:N2} s", "≤ 3 s (1,000,000 answers)", seconds <= 3));
        log.WriteLine($"survey aggregation: {seconds:F2} s");

        var tally = services.GetRequiredService<VoteTallyJob>();
        watch.Restart();
        foreach (var id in votes.Closed.Concat(votes.Open))
        {
            await tally.RunAsync(id, CancellationToken.None);
        }

        seconds = watch.Elapsed.TotalSeconds;
        rows.Add(new ReportRow($"tallies ({VoteSeeder.VoteCount} budget votes, {votes.Ballots:N0} ballots, greedy and Equal Shares)",
            $"{seconds:N2} s", "≤ 5 s (100,000 ballots)", seconds <= 5));
        log.WriteLine($"tallies: {seconds:F2} s");

        var round = services.GetRequiredService<DigestRound>();
        watch.Restart();
        var results = await round.RunNowAsync(null);
        var building = watch.Elapsed.TotalSeconds;
        var deliveries = results.Sum(r => r.Deliveries);
        rows.Add(new ReportRow($"digest round, {results.Count} councils: building and queuing {deliveries} mails", $"{building:N2} s", "≤ 2 s", building <= 2));

        var outbox = services.GetRequiredService<OutboxJob>();
        watch.Restart();
        while (smtp.Received < deliveries && watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            await outbox.RunAsync(CancellationToken.None);
        }

        var sending = watch.Elapsed.TotalSeconds;
        rows.Add(new ReportRow("digest round: sending to a local SMTP server", $"{smtp.Received} of {deliveries} mails in {sending:N2} s", "–", smtp.Received == deliveries ? null : false));
        log.WriteLine($"digests: built in {building:F2} s, {smtp.Received}/{deliveries} sent in {sending:F2} s");
        return rows;
    }
}
