using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dapper;
using MYK10.Participation.Data;

namespace MYK10.Participation.Surveys;

/// <summary>One column of the raw export: a question, or one option or row of it.</summary>
public sealed record ExportColumn(string Key, long QuestionId, string Item, string Header);

/// <summary>
/// Exports for admins and open data. Raw responses: one column per question or option in survey order, fixed by
/// the definition alone, so conditions never shift columns (a hidden question leaves its cells empty). Rows are
/// sorted by their content, not by id or time, so the file says nothing about the order of submission.
/// CSV is UTF-8 with BOM, separated by ';', CRLF line ends and German number format, as German Excel opens it.
/// </summary>
public sealed class SurveyExports(IDbConnectionFactory connections, SurveyResultsStore results)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IReadOnlyList<ExportColumn> Columns(SurveyDefinition definition)
    {
        var numbers = definition.QuestionNumbers();
        var columns = new List<ExportColumn>();
        foreach (var q in definition.OrderedQuestions().Where(q => q.TakesAnswer))
        {
            var key = $"F{numbers[q.Id].ToString(CultureInfo.InvariantCulture)}";
            var header = $"{key} {q.Text}";
            switch (q.Kind)
            {
                case QuestionKind.Multiple:
                    columns.AddRange(q.Settings.Options.Select(o => new ExportColumn($"{key}.{o.Key}", q.Id, o.Key, $"{header}: {o.Label}")));
                    if (q.Settings.AllowOther)
                    {
                        columns.Add(new ExportColumn($"{key}.{QuestionSettings.OtherItem}", q.Id, QuestionSettings.OtherItem, $"{header}: {SurveyResultsStore.OtherLabel}"));
                    }

                    break;
                case QuestionKind.Ranking:
                    columns.AddRange(q.Settings.Options.Select(o => new ExportColumn($"{key}.{o.Key}", q.Id, o.Key, $"{header}: {o.Label}")));
                    break;
                case QuestionKind.Matrix:
                    columns.AddRange(q.Settings.Rows.Select(r => new ExportColumn($"{key}.{r.Key}", q.Id, r.Key, $"{header}: {r.Label}")));
                    break;
                default:
                    columns.Add(new ExportColumn(key, q.Id, "", header));
                    break;
            }
        }

        return columns;
    }

    public async Task<byte[]?> ResponsesCsvAsync(long surveyId, CancellationToken cancellationToken = default)
    {
        var raw = await RawAsync(surveyId, cancellationToken);
        if (raw is null)
        {
            return null;
        }

        var csv = new StringBuilder();
        AppendRow(csv, ["Nr.", "Datum", "Kommune", .. raw.Value.Columns.Select(c => c.Header)]);
        var n = 0;
        foreach (var row in raw.Value.Rows)
        {
            AppendRow(csv, [(++n).ToString(CultureInfo.InvariantCulture), row.Date, row.Municipality, .. row.Cells.Select(c => c ?? string.Empty)]);
        }

        return Utf8WithBom(csv.ToString());
    }

    public async Task<byte[]?> ResponsesJsonAsync(long surveyId, CancellationToken cancellationToken = default)
    {
        var raw = await RawAsync(surveyId, cancellationToken);
        if (raw is null)
        {
            return null;
        }

        var (definition, columns, rows) = raw.Value;
        var document = new
        {
            survey = new { id = definition.Survey.Id, title = definition.Survey.Title },
            columns = columns.Select(c => new { key = c.Key, title = c.Header }),
            responses = rows.Select((r, i) => new
            {
                nr = i + 1,
                date = r.Date,
                municipality = r.Municipality.Length == 0 ? null : r.Municipality,
                answers = columns.Select((c, j) => (c.Key, Value: r.Cells[j])).ToDictionary(x => x.Key, x => x.Value),
            }),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Json).Concat("\n"u8.ToArray()).ToArray();
    }

    public async Task<byte[]?> ResultsCsvAsync(long surveyId, string segment = SurveyResultsJob.AllSegment, CancellationToken cancellationToken = default)
    {
        var result = await results.ReadAsync(surveyId, segment, cancellationToken);
        if (result is null)
        {
            return null;
        }

        var csv = new StringBuilder();
        AppendRow(csv, ["Frage", "Fragetext", "Zeile", "Antwort", "Anzahl", "Anteil (%)", "Antworten auf die Frage", "Durchschnitt"]);
        foreach (var q in result.Questions)
        {
            var key = $"F{q.Number.ToString(CultureInfo.InvariantCulture)}";
            var responses = q.Responses.ToString(CultureInfo.InvariantCulture);
            foreach (var o in q.Options)
            {
                AppendRow(csv, [key, q.Question.Text, "", o.Label, Count(o.Count), Number(o.Percent), responses, ""]);
            }

            foreach (var item in q.Items)
            {
                foreach (var o in item.Distribution)
                {
                    AppendRow(csv, [key, q.Question.Text, item.Label, o.Label, Count(o.Count), Number(o.Percent), Count(item.Responses), Number(item.Average)]);
                }
            }

            if (q.Options.Count == 0 && q.Items.Count == 0 || q.Average is not null)
            {
                AppendRow(csv, [key, q.Question.Text, "", q.Average is null ? "" : "Durchschnitt", "", "", responses, Number(q.Average)]);
            }
        }

        return Utf8WithBom(csv.ToString());
    }

    public async Task<byte[]?> ResultsJsonAsync(long surveyId, string segment = SurveyResultsJob.AllSegment, bool includeTexts = true, CancellationToken cancellationToken = default)
    {
        var result = await results.ReadAsync(surveyId, segment, cancellationToken);
        return result is null ? null : JsonSerializer.SerializeToUtf8Bytes(ResultsDocument(result, includeTexts), Json).Concat("\n"u8.ToArray()).ToArray();
    }

    /// <summary>The results as a plain object tree, for the JSON export and the open-data API.</summary>
    public static object ResultsDocument(SurveyResults result, bool includeTexts) => new
    {
        survey = new
        {
            id = result.Definition.Survey.Id,
            title = result.Definition.Survey.Title,
            municipality = result.Definition.Survey.MunicipalityId,
            status = result.Definition.Survey.Status.ToText(),
        },
        segment = result.Segment.Length == 0 ? null : result.Segment,
        responses = result.Responses,
        questions = result.Questions.Select(q => new
        {
            key = $"F{q.Number.ToString(CultureInfo.InvariantCulture)}",
            text = q.Question.Text,
            kind = q.Question.Kind.ToText(),
            responses = q.Responses,
            average = q.Average,
            minimum = q.Minimum,
            maximum = q.Maximum,
            options = q.Options.Select(o => new { key = o.Key, label = o.Label, count = o.Count, percent = o.Percent }),
            items = q.Items.Select(i => new
            {
                key = i.Key,
                label = i.Label,
                responses = i.Responses,
                average = i.Average,
                distribution = i.Distribution.Select(o => new { key = o.Key, label = o.Label, count = o.Count, percent = o.Percent }),
            }),
            texts = includeTexts ? q.PublishedTexts : [],
        }),
    };

    private async Task<(SurveyDefinition Definition, IReadOnlyList<ExportColumn> Columns, List<RawRow> Rows)?> RawAsync(long surveyId, CancellationToken cancellationToken)
    {
        const string responsesSql = """
            SELECT r.id AS Id, r.submitted_on AS Date, coalesce(m.short_name, '') AS Municipality
            FROM survey_responses r LEFT JOIN municipalities m ON m.id = r.municipality_id
            WHERE r.survey_id = @SurveyId
            """;
        const string answersSql = """
            SELECT a.response_id AS ResponseId, a.question_id AS QuestionId, a.item AS Item, a.value AS Value
            FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
            WHERE r.survey_id = @SurveyId
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var definition = await SurveyStore.LoadAsync(connection, null, surveyId);
        if (definition is null)
        {
            return null;
        }

        var columns = Columns(definition);
        var index = columns.Select((c, i) => (c, i)).ToDictionary(x => (x.c.QuestionId, x.c.Item), x => x.i);
        var rows = (await connection.QueryAsync<(long Id, string Date, string Municipality)>(responsesSql, new { SurveyId = surveyId }))
            .ToDictionary(r => r.Id, r => new RawRow(r.Date, r.Municipality, new string?[columns.Count]));
        var answered = new HashSet<(long ResponseId, long QuestionId)>();
        foreach (var a in await connection.QueryAsync<(long ResponseId, long QuestionId, string Item, string Value)>(answersSql, new { SurveyId = surveyId }))
        {
            var question = definition.Find(a.QuestionId);
            if (question is null || !rows.TryGetValue(a.ResponseId, out var row))
            {
                continue;
            }

            answered.Add((a.ResponseId, a.QuestionId));
            var item = question.Kind is QuestionKind.Multiple or QuestionKind.Ranking or QuestionKind.Matrix ? a.Item : "";
            if (index.TryGetValue((a.QuestionId, item), out var column))
            {
                row.Cells[column] = Cell(question, a.Item, a.Value);
            }
        }

        // A multiple choice question that was answered shows 0 for the options not chosen; unanswered or hidden stays empty.
        foreach (var (responseId, questionId) in answered)
        {
            var question = definition.Find(questionId)!;
            if (question.Kind == QuestionKind.Multiple)
            {
                foreach (var option in question.Settings.Options)
                {
                    rows[responseId].Cells[index[(questionId, option.Key)]] ??= "0";
                }
            }
        }

        var ordered = rows.Values.OrderBy(r => r, RawRow.ContentOrder).ToList();
        return (definition, columns, ordered);
    }

    private static string Cell(Question question, string item, string value) => question.Kind switch
    {
        QuestionKind.Single or QuestionKind.Dropdown => question.Settings.OptionLabel(value) ?? value,
        QuestionKind.YesNo => value == "yes" ? SurveyResultsStore.YesLabel : SurveyResultsStore.NoLabel,
        QuestionKind.Consent => SurveyResultsStore.YesLabel,
        QuestionKind.Multiple => item == QuestionSettings.OtherItem ? value : "1",
        QuestionKind.Number => value.Replace('.', ','),
        _ => value,
    };

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(decimal? value) => value is { } v ? v.ToString("0.0##", German) : "";

    private static void AppendRow(StringBuilder csv, IEnumerable<string> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                csv.Append(';');
            }

            first = false;
            csv.Append(CsvCell.Of(cell));
        }

        csv.Append("\r\n");
    }

    private static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    private sealed record RawRow(string Date, string Municipality, string?[] Cells)
    {
        public static readonly IComparer<RawRow> ContentOrder = Comparer<RawRow>.Create((a, b) =>
        {
            var c = string.CompareOrdinal(a.Date, b.Date);
            if (c != 0)
            {
                return c;
            }

            c = string.CompareOrdinal(a.Municipality, b.Municipality);
            for (var i = 0; c == 0 && i < a.Cells.Length; i++)
            {
                c = string.CompareOrdinal(a.Cells[i], b.Cells[i]);
            }

            return c;
        });
    }
}
