using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Data;

namespace MYK10.Participation.Surveys;

/// <summary>Summary of a survey for lists.</summary>
public sealed record SurveySummary(
    long Id,
    string Title,
    string MunicipalityId,
    string MunicipalityName,
    SurveyMode Mode,
    SurveyStatus Status,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    bool ResultsPublished,
    long Responses)
{
    public bool AcceptsAnswers(DateTimeOffset now) => Survey.AcceptsAnswers(Status, OpensAt, ClosesAt, now);
}

/// <summary>Reads survey definitions and lists.</summary>
public sealed class SurveyStore(IDbConnectionFactory connections)
{
    public async Task<SurveyDefinition?> LoadAsync(long surveyId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await LoadAsync(connection, null, surveyId);
    }

    internal static async Task<SurveyDefinition?> LoadAsync(SqliteConnection connection, SqliteTransaction? transaction, long surveyId)
    {
        const string surveySql = """
            SELECT id AS Id, title AS Title, introduction AS Introduction, municipality_id AS MunicipalityId,
                   opens_at AS OpensAt, closes_at AS ClosesAt, mode AS Mode, anonymous AS Anonymous, thank_you AS ThankYou,
                   status AS Status, results_published AS ResultsPublished, results_computed_at AS ResultsComputedAt
            FROM surveys WHERE id = @Id
            """;
        const string pagesSql = """
            SELECT id AS Id, position AS Position, title AS Title, condition_mode AS ConditionMode
            FROM survey_pages WHERE survey_id = @Id ORDER BY position
            """;
        const string questionsSql = """
            SELECT id AS Id, page_id AS PageId, position AS Position, kind AS Kind, text AS Text, help AS Help,
                   required AS Required, settings_json AS SettingsJson, condition_mode AS ConditionMode
            FROM survey_questions WHERE survey_id = @Id ORDER BY page_id, position
            """;
        const string conditionsSql = """
            SELECT id AS Id, page_id AS PageId, question_id AS QuestionId, source_question_id AS SourceQuestionId,
                   operator AS Operator, item AS Item, values_json AS ValuesJson
            FROM survey_conditions WHERE survey_id = @Id ORDER BY id
            """;
        var row = await connection.QuerySingleOrDefaultAsync<SurveyRow>(surveySql, new { Id = surveyId }, transaction);
        if (row is null)
        {
            return null;
        }

        // Pages, questions and conditions change only while a survey is a draft; after that they are read once per process.
        var key = (connection.DataSource, surveyId);
        if (row.Status != "draft" && FixedParts.TryGetValue(key, out var fixedParts))
        {
            return new SurveyDefinition(row.ToSurvey(), fixedParts.Pages, fixedParts.Questions, fixedParts.Conditions);
        }

        var pages = (await connection.QueryAsync<PageRow>(pagesSql, new { Id = surveyId }, transaction))
            .Select(p => new SurveyPage(p.Id, p.Position, p.Title, SurveyText.ParseConditionMode(p.ConditionMode))).ToList();
        var questions = (await connection.QueryAsync<QuestionRow>(questionsSql, new { Id = surveyId }, transaction))
            .Select(q => new Question(q.Id, q.PageId, q.Position, SurveyText.ParseKind(q.Kind), q.Text, q.Help, q.Required == 1,
                QuestionSettings.FromJson(q.SettingsJson), SurveyText.ParseConditionMode(q.ConditionMode))).ToList();
        var conditions = (await connection.QueryAsync<ConditionRow>(conditionsSql, new { Id = surveyId }, transaction))
            .Select(c => new Condition(c.Id, c.PageId, c.QuestionId, c.SourceQuestionId, SurveyText.ParseOperator(c.Operator), c.Item,
                JsonSerializer.Deserialize<List<string>>(c.ValuesJson) ?? [])).ToList();
        if (row.Status != "draft")
        {
            FixedParts[key] = (pages, questions, conditions);
        }

        return new SurveyDefinition(row.ToSurvey(), pages, questions, conditions);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Database, long SurveyId),
        (List<SurveyPage> Pages, List<Question> Questions, List<Condition> Conditions)> FixedParts = new();

    public async Task<Survey?> FindAsync(long surveyId, CancellationToken cancellationToken = default) =>
        (await LoadAsync(surveyId, cancellationToken))?.Survey;

    /// <summary>Surveys in the given states, newest first; <paramref name="municipalityId"/> also includes county-wide ones.
    /// Counting the responses reads every response's index entry: <paramref name="countResponses"/> false skips it (0).</summary>
    public async Task<IReadOnlyList<SurveySummary>> ListAsync(IReadOnlyCollection<SurveyStatus> statuses, string? municipalityId = null, CancellationToken cancellationToken = default,
        bool countResponses = true)
    {
        const string sql = """
            SELECT s.id AS Id, s.title AS Title, s.municipality_id AS MunicipalityId, m.short_name AS MunicipalityName,
                   s.mode AS Mode, s.status AS Status, s.opens_at AS OpensAt, s.closes_at AS ClosesAt,
                   s.results_published AS ResultsPublished,
                   CASE WHEN @CountResponses = 1 THEN (SELECT count(*) FROM survey_responses r WHERE r.survey_id = s.id) ELSE 0 END AS Responses
            FROM surveys s JOIN municipalities m ON m.id = s.municipality_id
            WHERE s.status IN (SELECT value FROM json_each(@Statuses))
              AND (@Municipality IS NULL OR s.municipality_id = @Municipality OR s.municipality_id = 'kreis')
            ORDER BY coalesce(s.closes_at, s.created_at) DESC, s.id DESC
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(sql,
            new { Statuses = JsonSerializer.Serialize(statuses.Select(s => s.ToText())), Municipality = municipalityId, CountResponses = countResponses ? 1 : 0 },
            cancellationToken: cancellationToken));
        return rows.Select(r => new SurveySummary(r.Id, r.Title, r.MunicipalityId, r.MunicipalityName, SurveyText.ParseMode(r.Mode),
            SurveyText.ParseStatus(r.Status), r.OpensAt, r.ClosesAt, r.ResultsPublished == 1, r.Responses)).ToList();
    }

    public async Task<long> CountResponsesAsync(long surveyId, CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT count(*) FROM survey_responses WHERE survey_id = @Id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { Id = surveyId }, cancellationToken: cancellationToken));
    }

    private sealed record SurveyRow(long Id, string Title, string Introduction, string MunicipalityId, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt,
        string Mode, long Anonymous, string ThankYou, string Status, long ResultsPublished, DateTimeOffset? ResultsComputedAt)
    {
        public Survey ToSurvey() => new(Id, Title, Introduction, MunicipalityId, OpensAt, ClosesAt, SurveyText.ParseMode(Mode), Anonymous == 1,
            ThankYou, SurveyText.ParseStatus(Status), ResultsPublished == 1, ResultsComputedAt);
    }

    private sealed record PageRow(long Id, long Position, string Title, string ConditionMode);

    private sealed record QuestionRow(long Id, long PageId, long Position, string Kind, string Text, string Help, long Required, string SettingsJson, string ConditionMode);

    private sealed record ConditionRow(long Id, long? PageId, long? QuestionId, long SourceQuestionId, string Operator, string Item, string ValuesJson);

    // A class: with no rows SQLite reports the count column as a blob, which no record constructor matches.
    private sealed class SummaryRow
    {
        public long Id { get; init; }

        public string Title { get; init; } = "";

        public string MunicipalityId { get; init; } = "";

        public string MunicipalityName { get; init; } = "";

        public string Mode { get; init; } = "";

        public string Status { get; init; } = "";

        public DateTimeOffset? OpensAt { get; init; }

        public DateTimeOffset? ClosesAt { get; init; }

        public long ResultsPublished { get; init; }

        public long Responses { get; init; }
    }
}
