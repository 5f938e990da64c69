using System.Globalization;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Data;
using MYK10.Participation.Surveys;

namespace MYK10.Participation.Benchmarks;

/// <summary>
/// Surveys as the county would run them: defined through the real builder (one page, seven questions of the common
/// kinds, open to everyone, anonymous), their responses and answers added by bulk inserts. The first half is closed
/// with published results (read load), the second half stays open (survey submissions under load).
/// </summary>
internal sealed class SurveySeeder(IDbConnectionFactory connections, SurveyBuilder builder, BenchmarkOptions options)
{
    private static readonly string[] Municipalities = ["andernach", "bendorf", "mayen", "maifeld", "mendig", "pellenz", "rhein-mosel", "vallendar", "vordereifel", "weissenthurm"];
    private static readonly string[] Topics = ["Breitband", "Mobilität", "Gesundheit", "Bildung", "Energie", "Tourismus", "Verwaltung", "Klima", "Wirtschaft", "Ehrenamt"];

    public const int SurveyCount = 20;

    public IReadOnlyList<long> Closed { get; private set; } = [];

    public IReadOnlyList<long> Open { get; private set; } = [];

    public long Responses { get; private set; }

    public long Answers { get; private set; }

    public async Task SeedAsync()
    {
        var surveys = new List<(long Id, long[] Questions)>();
        for (var s = 0; s < SurveyCount; s++)
        {
            var area = s % 4 == 0 ? "kreis" : Municipalities[s % Municipalities.Length];
            var id = await builder.CreateAsync(new SurveyInput($"Umfrage {Topics[s % Topics.Length]} {s + 1}", "Ihre Meinung zählt.", area, null, null, SurveyMode.Open, true, "Danke!"));
            var page = (await new SurveyStore(connections).LoadAsync(id))!.Pages[0].Id;
            var questions = new List<long>();
            foreach (var question in Questions(Topics[s % Topics.Length]))
            {
                var added = await builder.AddQuestionAsync(id, page, question);
                questions.Add(added.Id ?? throw new InvalidOperationException($"Question refused: {added.Status} {added.Problem}"));
            }

            if (!(await builder.OpenAsync(id)).Succeeded)
            {
                throw new InvalidOperationException($"Survey {id} did not open.");
            }

            surveys.Add((id, questions.ToArray()));
        }

        await using (var connection = await connections.OpenAsync())
        {
            await InsertResponsesAsync(connection, surveys);
        }

        foreach (var (id, _) in surveys.Take(SurveyCount / 2))
        {
            await builder.CloseAsync(id);
            await builder.PublishResultsAsync(id, true);
        }

        Closed = surveys.Take(SurveyCount / 2).Select(s => s.Id).ToList();
        Open = surveys.Skip(SurveyCount / 2).Select(s => s.Id).ToList();
    }

    private async Task InsertResponsesAsync(SqliteConnection connection, List<(long Id, long[] Questions)> surveys)
    {
        var total = options.Count(100_000);
        var random = new Random(7);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var responses = new List<(long Survey, string Day, string? Area)>(total);
        var answers = new List<(long Response, long Question, string Item, string Value)>(total * 10);
        for (var r = 0; r < total; r++)
        {
            var (surveyId, questions) = surveys[r % surveys.Count];
            responses.Add((surveyId, today.AddDays(-random.Next(60)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                random.Next(10) == 0 ? null : Municipalities[random.Next(Municipalities.Length)]));
            var response = r + 1;
            answers.Add((response, questions[0], "", $"o{1 + random.Next(5)}"));
            foreach (var option in Enumerable.Range(1, 6).OrderBy(_ => random.Next()).Take(1 + random.Next(3)).Order())
            {
                answers.Add((response, questions[1], $"o{option}", "1"));
            }

            answers.Add((response, questions[2], "", (1 + random.Next(5)).ToString(CultureInfo.InvariantCulture)));
            for (var row = 1; row <= 3; row++)
            {
                answers.Add((response, questions[3], $"r{row}", (1 + random.Next(3)).ToString(CultureInfo.InvariantCulture)));
            }

            answers.Add((response, questions[4], "", random.Next(3) == 0 ? "no" : "yes"));
            answers.Add((response, questions[5], "", random.Next(1, 80).ToString(CultureInfo.InvariantCulture)));
            if (random.Next(3) == 0)
            {
                answers.Add((response, questions[6], "", $"Anmerkung {response}: bitte auch an die kleinen Ortsgemeinden denken."));
            }
        }

        await Seeder.BulkAsync(connection, "INSERT INTO survey_responses (id, survey_id, submitted_on, municipality_id) VALUES ($id, $s, $d, $m)",
            responses.Count, (command, i) =>
            {
                command.Parameters["$id"].Value = i + 1;
                command.Parameters["$s"].Value = responses[i].Survey;
                command.Parameters["$d"].Value = responses[i].Day;
                command.Parameters["$m"].Value = (object?)responses[i].Area ?? DBNull.Value;
            }, "$id", "$s", "$d", "$m");
        await Seeder.BulkAsync(connection, "INSERT INTO survey_answers (response_id, question_id, item, value) VALUES ($r, $q, $i, $v)",
            answers.Count, (command, i) =>
            {
                command.Parameters["$r"].Value = answers[i].Response;
                command.Parameters["$q"].Value = answers[i].Question;
                command.Parameters["$i"].Value = answers[i].Item;
                command.Parameters["$v"].Value = answers[i].Value;
            }, "$r", "$q", "$i", "$v");
        Responses = responses.Count;
        Answers = answers.Count;
    }

    private static IEnumerable<QuestionInput> Questions(string topic)
    {
        List<Choice> Choices(string prefix, params string[] labels) => labels.Select((l, i) => new Choice($"{prefix}{i + 1}", l)).ToList();

        yield return new QuestionInput(QuestionKind.Single, $"Wie wichtig ist Ihnen das Thema {topic}?", "", false,
            new QuestionSettings { Options = Choices("o", "sehr wichtig", "wichtig", "teils", "weniger wichtig", "unwichtig") });
        yield return new QuestionInput(QuestionKind.Multiple, "Welche Angebote nutzen Sie?", "", false,
            new QuestionSettings { Options = Choices("o", "Online-Termine", "Bürgerbüro", "App", "Telefon", "Post", "Vor Ort") });
        yield return new QuestionInput(QuestionKind.Rating, "Wie zufrieden sind Sie heute?", "", false,
            new QuestionSettings { ScaleMax = 5, LowLabel = "gar nicht", HighLabel = "sehr" });
        yield return new QuestionInput(QuestionKind.Matrix, "Wie sehr stimmen Sie zu?", "", false,
            new QuestionSettings { Rows = Choices("r", "Das Angebot ist gut erreichbar.", "Die Informationen sind verständlich.", "Ich würde es weiterempfehlen."), Scale = ["stimme zu", "teils", "stimme nicht zu"] });
        yield return new QuestionInput(QuestionKind.YesNo, "Haben Sie schon einmal an einer Beteiligung teilgenommen?", "", false, new QuestionSettings());
        yield return new QuestionInput(QuestionKind.Number, "Wie viele Minuten fahren Sie zur nächsten Verwaltung?", "", false, new QuestionSettings());
        yield return new QuestionInput(QuestionKind.ShortText, "Was möchten Sie uns noch sagen?", "", false, new QuestionSettings());
    }
}
