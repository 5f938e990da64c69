using Dapper;
using Hangfire;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Data;

namespace MYK10.Participation.Surveys;

/// <summary>
/// Materialises the results of one survey: counts per question, item and value, and per question and item the
/// number of responses and the average, for all respondents ('' segment) and per municipality of the respondent.
/// Idempotent: every row is recomputed from the answers and upserted, rows the answers no longer support are
/// removed; nothing is incremented, so a second or concurrent run writes the same rows.
/// </summary>
public sealed class SurveyResultsJob(IDbConnectionFactory connections, TimeProvider clock)
{
    public const string AllSegment = "";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task RunAsync(long surveyId, CancellationToken cancellationToken)
    {
        // The results are as of the moment before the responses are read, not when they are saved: a run begun before
        // the survey closed and saved after it would otherwise pass for the results after closing.
        var computedAt = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var definition = await SurveyStore.LoadAsync(connection, null, surveyId);
        if (definition is null)
        {
            return;
        }

        var counted = definition.Questions.Where(q => q.Kind.IsCounted()).Select(q => q.Id).ToHashSet();
        var numeric = definition.Questions.Where(q => q.Kind is QuestionKind.Rating or QuestionKind.Number or QuestionKind.Matrix or QuestionKind.Ranking)
            .Select(q => q.Id).ToHashSet();

        const string totalsSql = """
            SELECT municipality_id AS Segment, count(*) AS Responses FROM survey_responses WHERE survey_id = @SurveyId GROUP BY municipality_id
            """;
        var totals = Segmented((await connection.QueryAsync<(string? Segment, long Responses)>(
                new CommandDefinition(totalsSql, new { SurveyId = surveyId }, cancellationToken: cancellationToken))).Select(t => (t.Segment, Key: "", t.Responses)))
            .Select(x => (x.Segment, x.Value)).ToList();

        // One pass over the answers, summed per municipality; the '' segment is the sum over all municipalities (and unknown).
        var sums = SurveyAnswerTotals.Read(connection, surveyId, counted, numeric, cancellationToken);
        var counts = Segmented(sums.Counts.Select(c => (c.Segment, Key: (c.QuestionId, c.Item, c.Value), c.Count))).ToList();
        var answered = Segmented(sums.Answered.Select(a => (a.Segment, Key: a.QuestionId, a.Responses)))
            .ToDictionary(x => (x.Segment, x.Key), x => x.Value);
        // In segment order, so that the sums of everyone's numbers add up in the same order on every run.
        var numbers = SegmentedNumbers(sums.Numbers.OrderBy(n => n.Segment, StringComparer.Ordinal));

        var stats = answered.Select(a =>
        {
            numbers.TryGetValue((a.Key.Segment, a.Key.Key, ""), out var n);
            return new StatRow(a.Key.Segment, a.Key.Key, "", a.Value, n);
        }).Concat(numbers.Where(n => n.Key.Item != "").Select(n => new StatRow(n.Key.Segment, n.Key.QuestionId, n.Key.Item, n.Value.Count, n.Value)));
        if (!totals.Any(t => t.Segment == AllSegment))
        {
            totals.Add((AllSegment, 0));
        }

        await SaveAsync(connection, surveyId, computedAt, totals, counts, stats, cancellationToken);
    }

    /// <summary>Upserts every row under a new run id, then removes the rows of earlier runs: all in one transaction.</summary>
    private static async Task SaveAsync(SqliteConnection connection, long surveyId, DateTimeOffset computedAt, IEnumerable<(string Segment, long Value)> totals,
        IEnumerable<(string Segment, (long QuestionId, string Item, string Value) Key, long Value)> counts, IEnumerable<StatRow> stats,
        CancellationToken cancellationToken)
    {
        const string upsertTotal = """
            INSERT INTO survey_result_totals (survey_id, segment, responses, run_id) VALUES (@SurveyId, @Segment, @Responses, @RunId)
            ON CONFLICT (survey_id, segment) DO UPDATE SET responses = excluded.responses, run_id = excluded.run_id
            """;
        const string upsertCount = """
            INSERT INTO survey_result_counts (survey_id, segment, question_id, item, value, count, run_id)
            VALUES (@SurveyId, @Segment, @QuestionId, @Item, @Value, @Count, @RunId)
            ON CONFLICT (survey_id, segment, question_id, item, value) DO UPDATE SET count = excluded.count, run_id = excluded.run_id
            """;
        const string upsertStat = """
            INSERT INTO survey_result_stats (survey_id, segment, question_id, item, responses, average, minimum, maximum, run_id)
            VALUES (@SurveyId, @Segment, @QuestionId, @Item, @Responses, @Average, @Minimum, @Maximum, @RunId)
            ON CONFLICT (survey_id, segment, question_id, item) DO UPDATE SET responses = excluded.responses, average = excluded.average,
                minimum = excluded.minimum, maximum = excluded.maximum, run_id = excluded.run_id
            """;
        const string removeStale = """
            DELETE FROM survey_result_totals WHERE survey_id = @SurveyId AND run_id <> @RunId;
            DELETE FROM survey_result_counts WHERE survey_id = @SurveyId AND run_id <> @RunId;
            DELETE FROM survey_result_stats WHERE survey_id = @SurveyId AND run_id <> @RunId;
            UPDATE surveys SET results_computed_at = @Now WHERE id = @SurveyId;
            """;
        var runId = Guid.NewGuid().ToString("N");
        await using var transaction = connection.BeginTransaction();
        await using (var upsert = PreparedCommand.Create(connection, transaction, upsertTotal, "@SurveyId", "@Segment", "@Responses", "@RunId"))
        {
            foreach (var (segment, responses) in totals)
            {
                await upsert.ExecuteAsync(cancellationToken, surveyId, segment, responses, runId);
            }
        }

        await using (var upsert = PreparedCommand.Create(connection, transaction, upsertCount,
                         "@SurveyId", "@Segment", "@QuestionId", "@Item", "@Value", "@Count", "@RunId"))
        {
            foreach (var (segment, (questionId, item, value), count) in counts)
            {
                await upsert.ExecuteAsync(cancellationToken, surveyId, segment, questionId, item, value, count, runId);
            }
        }

        await using (var upsert = PreparedCommand.Create(connection, transaction, upsertStat,
                         "@SurveyId", "@Segment", "@QuestionId", "@Item", "@Responses", "@Average", "@Minimum", "@Maximum", "@RunId"))
        {
            foreach (var s in stats)
            {
                var any = s.Numbers.Count > 0;
                await upsert.ExecuteAsync(cancellationToken, surveyId, s.Segment, s.QuestionId, s.Item, s.Responses,
                    any ? s.Numbers.Total / s.Numbers.Count : null, any ? s.Numbers.Minimum : null, any ? s.Numbers.Maximum : null, runId);
            }
        }

        await connection.ExecuteAsync(removeStale, new { SurveyId = surveyId, RunId = runId, Now = computedAt }, transaction);
        transaction.Commit();
    }

    /// <summary>Adds the '' segment (everyone) to per-municipality sums; responses without a municipality count only there.</summary>
    private static IEnumerable<(string Segment, TKey Key, long Value)> Segmented<TKey>(IEnumerable<(string? Segment, TKey Key, long Value)> rows)
        where TKey : notnull
    {
        var all = new Dictionary<TKey, long>();
        var list = rows.ToList();
        foreach (var (segment, key, value) in list)
        {
            all[key] = all.GetValueOrDefault(key) + value;
            if (segment is not null)
            {
                yield return (segment, key, value);
            }
        }

        foreach (var (key, value) in all)
        {
            yield return (AllSegment, key, value);
        }
    }

    private static Dictionary<(string Segment, long QuestionId, string Item), Numbers> SegmentedNumbers(
        IEnumerable<(string? Segment, long QuestionId, string Item, NumberSum Numbers)> rows)
    {
        var result = new Dictionary<(string, long, string), Numbers>();
        foreach (var (segment, questionId, item, sum) in rows)
        {
            var numbers = new Numbers(sum.Count, sum.Total, sum.Minimum, sum.Maximum);
            if (segment is not null)
            {
                result[(segment, questionId, item)] = numbers;
            }

            var allKey = (AllSegment, questionId, item);
            result[allKey] = result.TryGetValue(allKey, out var total) ? total.Add(numbers) : numbers;
        }

        return result;
    }

    private readonly record struct Numbers(long Count, double Total, double Minimum, double Maximum)
    {
        public Numbers Add(Numbers other) => new(Count + other.Count, Total + other.Total, Math.Min(Minimum, other.Minimum), Math.Max(Maximum, other.Maximum));
    }

    private sealed record StatRow(string Segment, long QuestionId, string Item, long Responses, Numbers Numbers);
}

/// <summary>The recurring run: recomputes open surveys and closed ones not yet computed since closing; drops old drafts.</summary>
public sealed class SurveyResultsRefreshJob(IDbConnectionFactory connections, SurveyResultsJob results, TimeProvider clock)
{
    public static readonly TimeSpan DraftLifetime = TimeSpan.FromDays(30);

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        const string due = """
            SELECT id FROM surveys
            WHERE status = 'open' OR (status IN ('closed', 'archived') AND (results_computed_at IS NULL OR results_computed_at < updated_at))
            ORDER BY id
            """;
        const string dropDrafts = "DELETE FROM survey_drafts WHERE updated_at < @Before";
        List<long> ids;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            ids = (await connection.QueryAsync<long>(due)).AsList();
            await connection.ExecuteAsync(dropDrafts, new { Before = clock.GetUtcNow() - DraftLifetime });
        }

        foreach (var id in ids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await results.RunAsync(id, cancellationToken);
        }
    }
}
