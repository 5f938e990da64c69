using Dapper;
using MYK10.Participation.Data;

namespace MYK10.Participation.Surveys;

/// <summary>One bar: an option, a scale value or a rank, with its count and its share of the question's responses.</summary>
public sealed record OptionResult(string Key, string Label, long Count, decimal Percent);

/// <summary>A matrix row or a ranking option: its responses, average and distribution.</summary>
public sealed record ItemResult(string Key, string Label, long Responses, decimal? Average, IReadOnlyList<OptionResult> Distribution);

public sealed record QuestionResult(
    Question Question,
    int Number,
    long Responses,
    decimal? Average,
    decimal? Minimum,
    decimal? Maximum,
    IReadOnlyList<OptionResult> Options,
    IReadOnlyList<ItemResult> Items,
    IReadOnlyList<string> PublishedTexts);

/// <summary>The materialised results of a survey for one segment ('' = everyone, else a municipality of the respondents).</summary>
public sealed record SurveyResults(SurveyDefinition Definition, string Segment, long Responses, DateTimeOffset? ComputedAt, IReadOnlyList<QuestionResult> Questions);

/// <summary>Reads the results the aggregation job stored and shapes them per question.</summary>
public sealed class SurveyResultsStore(IDbConnectionFactory connections)
{
    /// <summary>Labels of the fixed answers (the exports are German documents; the site localises by key).</summary>
    public const string YesLabel = "Ja";
    public const string NoLabel = "Nein";
    public const string OtherLabel = "Sonstiges";
    public const string ConsentLabel = "Zugestimmt";

    public async Task<SurveyResults?> ReadAsync(long surveyId, string segment = SurveyResultsJob.AllSegment, CancellationToken cancellationToken = default)
    {
        const string totalSql = "SELECT responses FROM survey_result_totals WHERE survey_id = @SurveyId AND segment = @Segment";
        const string countsSql = """
            SELECT question_id AS QuestionId, item AS Item, value AS Value, count AS Count
            FROM survey_result_counts WHERE survey_id = @SurveyId AND segment = @Segment
            """;
        const string statsSql = """
            SELECT question_id AS QuestionId, item AS Item, responses AS Responses, average AS Average, minimum AS Minimum, maximum AS Maximum
            FROM survey_result_stats WHERE survey_id = @SurveyId AND segment = @Segment
            """;
        const string textsSql = """
            SELECT a.question_id AS QuestionId, a.value AS Value
            FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
            WHERE a.question_id IN (SELECT id FROM survey_questions WHERE survey_id = @SurveyId) AND a.published = 1
              AND a.item = '' AND (@Segment = '' OR r.municipality_id = @Segment)
            ORDER BY a.value
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var definition = await SurveyStore.LoadAsync(connection, null, surveyId);
        if (definition is null)
        {
            return null;
        }

        var args = new { SurveyId = surveyId, Segment = segment };
        var total = await connection.ExecuteScalarAsync<long?>(totalSql, args) ?? 0;
        var counts = (await connection.QueryAsync<(long QuestionId, string Item, string Value, long Count)>(countsSql, args))
            .ToDictionary(c => (c.QuestionId, c.Item, c.Value), c => c.Count);
        var stats = (await connection.QueryAsync<(long QuestionId, string Item, long Responses, double? Average, double? Minimum, double? Maximum)>(statsSql, args))
            .ToDictionary(s => (s.QuestionId, s.Item));
        var texts = (await connection.QueryAsync<(long QuestionId, string Value)>(textsSql, args)).ToLookup(t => t.QuestionId, t => t.Value);

        var numbers = definition.QuestionNumbers();
        var questions = new List<QuestionResult>();
        foreach (var question in definition.OrderedQuestions().Where(q => q.TakesAnswer))
        {
            stats.TryGetValue((question.Id, ""), out var stat);
            long Count(string item, string value) => counts.GetValueOrDefault((question.Id, item, value));
            OptionResult Bar(string key, string label, long count, long of) => new(key, label, count, Percent(count, of));

            var s = question.Settings;
            var responses = stat.Responses;
            IReadOnlyList<OptionResult> options = question.Kind switch
            {
                QuestionKind.Single or QuestionKind.Dropdown => s.Options.Select(o => Bar(o.Key, o.Label, Count("", o.Key), responses)).ToList(),
                QuestionKind.YesNo => [Bar("yes", YesLabel, Count("", "yes"), responses), Bar("no", NoLabel, Count("", "no"), responses)],
                QuestionKind.Consent => [Bar("1", ConsentLabel, Count("", "1"), responses)],
                QuestionKind.Rating => Enumerable.Range(1, s.ScaleMax).Select(v => Scale(v)).Select(v => Bar(v, v, Count("", v), responses)).ToList(),
                // Per-option totals: each option counts every response that chose it, so shares add up to more than 100 %.
                QuestionKind.Multiple => s.Options.Select(o => Bar(o.Key, o.Label, Count(o.Key, "1"), responses))
                    .Concat(s.AllowOther ? [Bar(QuestionSettings.OtherItem, OtherLabel, Count(QuestionSettings.OtherItem, "1"), responses)] : [])
                    .ToList(),
                QuestionKind.Number => counts.Where(c => c.Key.QuestionId == question.Id)
                    .OrderBy(c => decimal.Parse(c.Key.Value, System.Globalization.CultureInfo.InvariantCulture))
                    .Select(c => Bar(c.Key.Value, c.Key.Value.Replace('.', ','), c.Value, responses)).ToList(),
                _ => [],
            };

            IReadOnlyList<ItemResult> items = question.Kind switch
            {
                QuestionKind.Matrix => s.Rows.Select(row =>
                {
                    stats.TryGetValue((question.Id, row.Key), out var rowStat);
                    return new ItemResult(row.Key, row.Label, rowStat.Responses, Round(rowStat.Average),
                        s.Scale.Select((label, i) => Bar(Scale(i + 1), label, Count(row.Key, Scale(i + 1)), rowStat.Responses)).ToList());
                }).ToList(),
                QuestionKind.Ranking => s.Options.Select(option =>
                {
                    stats.TryGetValue((question.Id, option.Key), out var rankStat);
                    return new ItemResult(option.Key, option.Label, rankStat.Responses, Round(rankStat.Average),
                        Enumerable.Range(1, s.Options.Count).Select(r => Bar(Scale(r), Scale(r), Count(option.Key, Scale(r)), rankStat.Responses)).ToList());
                }).ToList(),
                _ => [],
            };

            var numeric = question.Kind is QuestionKind.Rating or QuestionKind.Number;
            questions.Add(new QuestionResult(question, numbers[question.Id], responses,
                numeric ? Round(stat.Average) : null, numeric ? Round(stat.Minimum) : null, numeric ? Round(stat.Maximum) : null,
                options, items, question.Kind.IsFreeText() ? texts[question.Id].ToList() : []));
        }

        return new SurveyResults(definition, segment, total, definition.Survey.ResultsComputedAt, questions);
    }

    /// <summary>Municipalities with at least one response (for the filter).</summary>
    public async Task<IReadOnlyList<(string Id, string Name, long Responses)>> SegmentsAsync(long surveyId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT t.segment AS Id, m.short_name AS Name, t.responses AS Responses
            FROM survey_result_totals t JOIN municipalities m ON m.id = t.segment
            WHERE t.survey_id = @SurveyId AND t.segment <> '' AND t.responses > 0
            ORDER BY m.position
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(string Id, string Name, long Responses)>(sql, new { SurveyId = surveyId })).AsList();
    }

    /// <summary>Free-text answers for moderation: response id, text and whether it is published.</summary>
    public async Task<IReadOnlyList<(long ResponseId, long QuestionId, string Text, bool Published)>> FreeTextsAsync(long surveyId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT a.response_id AS ResponseId, a.question_id AS QuestionId, a.value AS Text, a.published AS Published
            FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id
            WHERE q.survey_id = @SurveyId AND q.kind IN ('short_text', 'long_text') AND a.item = ''
            ORDER BY a.question_id, a.value, a.response_id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(long, long, string, long)>(sql, new { SurveyId = surveyId }))
            .Select(r => (r.Item1, r.Item2, r.Item3, r.Item4 == 1)).ToList();
    }

    public static decimal Percent(long count, long of) => of == 0 ? 0m : Math.Round(count * 100m / of, 1, MidpointRounding.AwayFromZero);

    private static decimal? Round(double? value) => value is { } v ? Math.Round((decimal)v, 2, MidpointRounding.AwayFromZero) : null;

    private static string Scale(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
