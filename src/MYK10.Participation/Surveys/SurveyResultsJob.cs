using System.Text.Json;
using Dapper;
using Hangfire;
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
        await using var connection = await connections.OpenAsync(cancellationToken);
        var definition = await SurveyStore.LoadAsync(connection, null, surveyId);
        if (definition is null)
        {
            return;
        }

        var counted = definition.Questions.Where(q => q.Kind.IsCounted()).Select(q => q.Id).ToList();
        var numeric = definition.Questions.Where(q => q.Kind is QuestionKind.Rating or QuestionKind.Number or QuestionKind.Matrix or QuestionKind.Ranking)
            .Select(q => q.Id).ToList();

        // One pass per shape, grouped by municipality; the '' segment is the sum over all municipalities (and unknown).
        const string totalsSql = """
            SELECT municipality_id AS Segment, count(*) AS Responses FROM survey_responses WHERE survey_id = @SurveyId GROUP BY municipality_id
            """;
        const string countsSql = """
            SELECT r.municipality_id AS Segment, a.question_id AS QuestionId, a.item AS Item,
                   CASE WHEN a.item = 'other' THEN '1' ELSE a.value END AS Value, count(*) AS Count
            FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
            WHERE r.survey_id = @SurveyId AND a.question_id IN (SELECT value FROM json_each(@Counted))
            GROUP BY r.municipality_id, a.question_id, a.item, 4
            """;
        const string answeredSql = """
            SELECT r.municipality_id AS Segment, a.question_id AS QuestionId, count(DISTINCT a.response_id) AS Responses
            FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
            WHERE r.survey_id = @SurveyId
            GROUP BY r.municipality_id, a.question_id
            """;
        const string numbersSql = """
            SELECT r.municipality_id AS Segment, a.question_id AS QuestionId, a.item AS Item, count(*) AS Responses,
                   sum(CAST(a.value AS REAL)) AS Total, min(CAST(a.value AS REAL)) AS Minimum, max(CAST(a.value AS REAL)) AS Maximum
            FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
            WHERE r.survey_id = @SurveyId AND a.question_id IN (SELECT value FROM json_each(@Numeric))
            GROUP BY r.municipality_id, a.question_id, a.item
            """;
        var args = new { SurveyId = surveyId, Counted = JsonSerializer.Serialize(counted), Numeric = JsonSerializer.Serialize(numeric) };
        var totals = Segmented((await connection.QueryAsync<(string? Segment, long Responses)>(
                new CommandDefinition(totalsSql, args, cancellationToken: cancellationToken))).Select(t => (t.Segment, Key: "", t.Responses)))
            .Select(x => (x.Segment, x.Value)).ToList();
        var counts = Segmented((await connection.QueryAsync<(string? Segment, long QuestionId, string Item, string Value, long Count)>(
                new CommandDefinition(countsSql, args, cancellationToken: cancellationToken)))
            .Select(c => (c.Segment, Key: (c.QuestionId, c.Item, c.Value), c.Count))).ToList();
        var answered = Segmented((await connection.QueryAsync<(string? Segment, long QuestionId, long Responses)>(
                new CommandDefinition(answeredSql, args, cancellationToken: cancellationToken)))
            .Select(a => (a.Segment, Key: a.QuestionId, a.Responses))).ToDictionary(x => (x.Segment, x.Key), x => x.Value);
        var numbers = SegmentedNumbers(await connection.QueryAsync<NumberRow>(new CommandDefinition(numbersSql, args, cancellationToken: cancellationToken)));

        var runId = Guid.NewGuid().ToString("N");
        await using var transaction = connection.BeginTransaction();
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
        if (!totals.Any(t => t.Segment == AllSegment))
        {
            totals.Add((AllSegment, 0));
        }

        await connection.ExecuteAsync(upsertTotal, totals.Select(t => new { SurveyId = surveyId, t.Segment, Responses = t.Value, RunId = runId }), transaction);
        await connection.ExecuteAsync(upsertCount, counts.Select(c => new
        {
            SurveyId = surveyId,
            c.Segment,
            c.Key.QuestionId,
            c.Key.Item,
            c.Key.Value,
            Count = c.Value,
            RunId = runId,
        }), transaction);

        var stats = answered.Select(a =>
        {
            numbers.TryGetValue((a.Key.Segment, a.Key.Key, ""), out var n);
            return new StatRow(a.Key.Segment, a.Key.Key, "", a.Value, n);
        }).Concat(numbers.Where(n => n.Key.Item != "").Select(n => new StatRow(n.Key.Segment, n.Key.QuestionId, n.Key.Item, n.Value.Count, n.Value)));
        await connection.ExecuteAsync(upsertStat, stats.Select(s => new
        {
            SurveyId = surveyId,
            s.Segment,
            s.QuestionId,
            s.Item,
            s.Responses,
            Average = s.Numbers.Count > 0 ? s.Numbers.Total / s.Numbers.Count : (double?)null,
            Minimum = s.Numbers.Count > 0 ? s.Numbers.Minimum : (double?)null,
            Maximum = s.Numbers.Count > 0 ? s.Numbers.Maximum : (double?)null,
            RunId = runId,
        }), transaction);
        await connection.ExecuteAsync(removeStale, new { SurveyId = surveyId, RunId = runId, Now = clock.GetUtcNow() }, transaction);
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

    private static Dictionary<(string Segment, long QuestionId, string Item), Numbers> SegmentedNumbers(IEnumerable<NumberRow> rows)
    {
        var result = new Dictionary<(string, long, string), Numbers>();
        foreach (var row in rows)
        {
            var numbers = new Numbers(row.Responses, row.Total, row.Minimum, row.Maximum);
            if (row.Segment is not null)
            {
                result[(row.Segment, row.QuestionId, row.Item)] = numbers;
            }

            var allKey = (AllSegment, row.QuestionId, row.Item);
            result[allKey] = result.TryGetValue(allKey, out var sum) ? sum.Add(numbers) : numbers;
        }

        return result;
    }

    // A class, not a positional record: with no rows SQLite reports expression columns as blobs, which no constructor matches.
    private sealed class NumberRow
    {
        public string? Segment { get; init; }

        public long QuestionId { get; init; }

        public string Item { get; init; } = "";

        public long Responses { get; init; }

        public double Total { get; init; }

        public double Minimum { get; init; }

        public double Maximum { get; init; }
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
