using System.Diagnostics;
using Dapper;
using MYK10.Participation.Surveys;
using MYK10.Participation.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MYK10.Participation.Tests.Surveys;

public sealed class ResultsJobTests(ITestOutputHelper output)
{
    private const string Dump = """
        SELECT 'total' AS Kind, segment AS Segment, 0 AS QuestionId, '' AS Item, '' AS Value, responses AS Number, NULL AS Average
        FROM survey_result_totals
        UNION ALL
        SELECT 'count', segment, question_id, item, value, count, NULL FROM survey_result_counts
        UNION ALL
        SELECT 'stat', segment, question_id, item, '', responses, average FROM survey_result_stats
        ORDER BY 1, 2, 3, 4, 5
        """;

    [Fact]
    public async Task RunTwice_GivesTheSameRows_AndNewResponsesReplaceRatherThanAdd()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app);
        await survey.SubmitFixedResponsesAsync(app);
        var job = app.Get<SurveyResultsJob>();
        await using var connection = await app.Connections.OpenAsync();

        await job.RunAsync(survey.Id, CancellationToken.None);
        var first = (await connection.QueryAsync<(string, string, long, string, string, long, double?)>(Dump)).ToList();
        await job.RunAsync(survey.Id, CancellationToken.None);
        var second = (await connection.QueryAsync<(string, string, long, string, string, long, double?)>(Dump)).ToList();

        Assert.NotEmpty(first);
        Assert.Equal(first, second);

        await app.Get<SurveyResponder>().SubmitAsync(survey.Id, new Respondent.Browser(SurveyResponder.NewToken()),
            survey.Answers(("place", "o1"), ("kids", "no"), ("age", "30"), ("consent", "1")), null);
        await Task.WhenAll(job.RunAsync(survey.Id, CancellationToken.None), job.RunAsync(survey.Id, CancellationToken.None));
        var results = (await app.Get<SurveyResultsStore>().ReadAsync(survey.Id))!;

        Assert.Equal(5, results.Responses);
        Assert.Equal([3L, 2L], results.Questions[0].Options.Select(o => o.Count));
    }

    [Fact]
    public async Task AnswersThatNoLongerExist_LeaveNoStaleRows()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app);
        await survey.SubmitFixedResponsesAsync(app);
        var job = app.Get<SurveyResultsJob>();
        await job.RunAsync(survey.Id, CancellationToken.None);
        await using var connection = await app.Connections.OpenAsync();

        await connection.ExecuteAsync("DELETE FROM survey_responses WHERE municipality_id = 'andernach'");
        await job.RunAsync(survey.Id, CancellationToken.None);

        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM survey_result_totals WHERE segment = 'andernach'"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM survey_result_counts WHERE segment = 'andernach'"));
        Assert.Equal(3, (await app.Get<SurveyResultsStore>().ReadAsync(survey.Id))!.Responses);
    }

    [Fact]
    public async Task RefreshJob_ComputesOpenSurveysAndClosedOnesNotYetComputed_AndDropsOldDrafts()
    {
        await using var app = await SurveyApp.StartAsync();
        var open = await GoldenSurvey.CreateAsync(app);
        var closed = await GoldenSurvey.CreateAsync(app);
        var draft = await GoldenSurvey.CreateAsync(app, open: false);
        await closed.SubmitFixedResponsesAsync(app);
        var responder = app.Get<SurveyResponder>();
        await responder.SaveDraftAsync(open.Id, "alt", new AnswerSet());
        Assert.True((await app.Get<SurveyBuilder>().CloseAsync(closed.Id)).Succeeded);
        app.Clock.Advance(TimeSpan.FromDays(31));

        await app.Get<SurveyResultsRefreshJob>().RunAsync(CancellationToken.None);

        var store = app.Get<SurveyStore>();
        Assert.NotNull((await store.FindAsync(open.Id))!.ResultsComputedAt);
        Assert.NotNull((await store.FindAsync(closed.Id))!.ResultsComputedAt);
        Assert.Null((await store.FindAsync(draft.Id))!.ResultsComputedAt);
        Assert.Equal(4, (await app.Get<SurveyResultsStore>().ReadAsync(closed.Id))!.Responses);
        Assert.Equal(0, (await responder.LoadDraftAsync(open.Id, "alt")).Answers.Count + (await CountDraftsAsync(app)));
        Assert.Equal([closed.Id], app.Services.GetService(typeof(ISurveyResultsSignal)) is ClosedSurveys c ? c.Ids.ToArray() : []);
    }

    [Fact]
    public async Task AResponseAndTheCloseWhileTheJobCounts_AreInTheResults_OrTheSurveyIsCountedAgain()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app);
        await survey.SubmitFixedResponsesAsync(app);
        var connections = app.Get<MYK10.Participation.Data.IDbConnectionFactory>();
        // The last response comes in and the survey closes while the job is at work: here, the moment the job reads the clock.
        var clock = new ClockThatFirst(app.Clock, () =>
        {
            using var connection = connections.OpenAsync().GetAwaiter().GetResult();
            connection.Execute("INSERT INTO survey_responses (survey_id, submitted_on) VALUES (@Id, '2026-11-16')", new { survey.Id });
            connection.Execute("UPDATE surveys SET status = 'closed', updated_at = @Now WHERE id = @Id", new { survey.Id, Now = app.Clock.GetUtcNow() });
        });

        await new SurveyResultsJob(connections, clock).RunAsync(survey.Id, CancellationToken.None);

        var counted = (await app.Get<SurveyResultsStore>().ReadAsync(survey.Id))!.Responses;
        await using var reader = await connections.OpenAsync();
        var due = await reader.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM surveys WHERE id = @Id AND (results_computed_at IS NULL OR results_computed_at < updated_at)", new { survey.Id });
        Assert.True(counted == 5 || due == 1, $"stored {counted} of 5 responses as the results after closing");
    }

    /// <summary>The benchmark measures speed; this proves the job completes on 100,000 responses and counts them exactly.</summary>
    [Fact]
    public async Task HundredThousandResponses_AreAggregatedExactly()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app);
        var clock = Stopwatch.StartNew();
        var expected = await GenerateAsync(app.Connections, survey, 100_000);
        var generated = clock.Elapsed;

        clock.Restart();
        await app.Get<SurveyResultsJob>().RunAsync(survey.Id, CancellationToken.None);
        output.WriteLine($"generated 100,000 responses in {generated.TotalSeconds:F1} s, aggregated in {clock.Elapsed.TotalSeconds:F1} s");

        var results = (await app.Get<SurveyResultsStore>().ReadAsync(survey.Id))!;
        Assert.Equal(100_000, results.Responses);
        Assert.Equal(expected.Town, results.Questions[0].Options[0].Count);
        Assert.Equal(expected.Bus, results.Questions.Single(q => q.Question.Id == survey.Q["modes"]).Options[1].Count);
        Assert.Equal(expected.Kids, results.Questions.Single(q => q.Question.Id == survey.Q["kita"]).Responses);
        Assert.Equal(Math.Round((decimal)expected.AgeSum / 100_000, 2), results.Questions.Single(q => q.Question.Id == survey.Q["age"]).Average);
    }

    private static async Task<long> CountDraftsAsync(Infrastructure.TestApp app)
    {
        await using var connection = await app.Connections.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM survey_drafts");
    }

    private static async Task<(long Town, long Bus, long Kids, long AgeSum)> GenerateAsync(MYK10.Participation.Data.IDbConnectionFactory connections, GoldenSurvey survey, int count)
    {
        var random = new Random(7);
        string[] municipalities = ["andernach", "bendorf", "mayen", "maifeld", "mendig", "pellenz", "rhein-mosel", "vallendar", "vordereifel", "weissenthurm"];
        long town = 0, bus = 0, kids = 0, ageSum = 0;
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var response = connection.CreateCommand();
        response.Transaction = transaction;
        response.CommandText = "INSERT INTO survey_responses (id, survey_id, submitted_on, municipality_id) VALUES ($id, $survey, '2026-11-16', $m)";
        var rid = response.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Integer);
        response.Parameters.AddWithValue("$survey", survey.Id);
        var municipality = response.Parameters.Add("$m", Microsoft.Data.Sqlite.SqliteType.Text);
        await using var answer = connection.CreateCommand();
        answer.Transaction = transaction;
        answer.CommandText = "INSERT INTO survey_answers (response_id, question_id, item, value) VALUES ($r, $q, $i, $v)";
        var ar = answer.Parameters.Add("$r", Microsoft.Data.Sqlite.SqliteType.Integer);
        var aq = answer.Parameters.Add("$q", Microsoft.Data.Sqlite.SqliteType.Integer);
        var ai = answer.Parameters.Add("$i", Microsoft.Data.Sqlite.SqliteType.Text);
        var av = answer.Parameters.Add("$v", Microsoft.Data.Sqlite.SqliteType.Text);
        void Add(long r, string q, string item, string value)
        {
            ar.Value = r;
            aq.Value = survey.Q[q];
            ai.Value = item;
            av.Value = value;
            answer.ExecuteNonQuery();
        }

        for (var r = 1L; r <= count; r++)
        {
            rid.Value = r;
            municipality.Value = r % 11 == 0 ? DBNull.Value : municipalities[random.Next(municipalities.Length)];
            response.ExecuteNonQuery();
            var place = random.Next(2) == 0 ? "o1" : "o2";
            town += place == "o1" ? 1 : 0;
            Add(r, "place", "", place);
            var firstMode = random.Next(1, 4);
            Add(r, "modes", $"o{firstMode}", "1");
            bus += firstMode == 2 ? 1 : 0;
            var hasKids = random.Next(3) == 0;
            Add(r, "kids", "", hasKids ? "yes" : "no");
            if (hasKids)
            {
                kids++;
                Add(r, "kita", "", random.Next(1, 6).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            Add(r, "offers", "r1", random.Next(1, 4).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Add(r, "offers", "r2", random.Next(1, 4).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var first = random.Next(1, 4);
            Add(r, "goals", "o1", first.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Add(r, "goals", "o2", (first % 3 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Add(r, "goals", "o3", ((first + 1) % 3 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var age = random.Next(16, 90);
            ageSum += age;
            Add(r, "age", "", age.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Add(r, "consent", "", "1");
        }

        transaction.Commit();
        return (town, bus, kids, ageSum);
    }
}
