using System.Text;
using MYK10.Participation.Surveys;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Surveys;

public sealed class GoldenResultsTests
{
    private static async Task<(TestApp App, GoldenSurvey Survey)> AnsweredAsync()
    {
        var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app);
        await survey.SubmitFixedResponsesAsync(app);
        await app.Get<SurveyResultsJob>().RunAsync(survey.Id, CancellationToken.None);
        return (app, survey);
    }

    [Fact]
    public async Task FixedResponses_GiveTheHandComputedResults()
    {
        var (app, survey) = await AnsweredAsync();
        await using var _ = app;
        var results = (await app.Get<SurveyResultsStore>().ReadAsync(survey.Id))!;
        QuestionResult Q(string name) => results.Questions.Single(q => q.Question.Id == survey.Q[name]);
        static (string, long, decimal)[] Bars(QuestionResult q) => q.Options.Select(o => (o.Label, o.Count, o.Percent)).ToArray();

        Assert.Equal(4, results.Responses);
        Assert.Equal([("Stadt", 2L, 50.0m), ("Land", 2L, 50.0m)], Bars(Q("place")));

        // Multiple choice: per-option totals over the three who answered, never combinations; shares add up to over 100 %.
        Assert.Equal(3, Q("modes").Responses);
        Assert.Equal([("Auto", 1L, 33.3m), ("Bus", 2L, 66.7m), ("Rad", 1L, 33.3m), ("Sonstiges", 1L, 33.3m)], Bars(Q("modes")));

        Assert.Equal([("Ja", 2L, 50.0m), ("Nein", 2L, 50.0m)], Bars(Q("kids")));

        // The Kita page is hidden for respondents without children: the 2 given by respondent 2 is dropped.
        Assert.Equal(2, Q("kita").Responses);
        Assert.Equal(4.5m, Q("kita").Average);
        Assert.Equal([0L, 0L, 0L, 1L, 1L], Q("kita").Options.Select(o => o.Count));

        var offers = Q("offers").Items;
        Assert.Equal((3L, 2.0m), (offers[0].Responses, offers[0].Average));
        Assert.Equal([1L, 1L, 1L], offers[0].Distribution.Select(d => d.Count));
        Assert.Equal((3L, 2.67m), (offers[1].Responses, offers[1].Average));
        Assert.Equal([0L, 1L, 2L], offers[1].Distribution.Select(d => d.Count));
        Assert.Equal([0m, 33.3m, 66.7m], offers[1].Distribution.Select(d => d.Percent));

        var goals = Q("goals").Items;
        Assert.Equal([1.33m, 2.0m, 2.67m], goals.Select(g => g.Average!.Value));
        Assert.Equal([2L, 1L, 0L], goals[0].Distribution.Select(d => d.Count));

        Assert.Equal((3L, 54m, 34m, 67m), (Q("age").Responses, Q("age").Average!.Value, Q("age").Minimum!.Value, Q("age").Maximum!.Value));

        // The remark of respondent 1 (town, aged 34) was hidden: its text is dropped, so three responses remain.
        Assert.Equal(3, Q("remark").Responses);
        Assert.Equal(4, Q("consent").Responses);
    }

    [Fact]
    public async Task FixedResponses_FilteredByMunicipality_CountOnlyThatMunicipality()
    {
        var (app, survey) = await AnsweredAsync();
        await using var _ = app;
        var mayen = (await app.Get<SurveyResultsStore>().ReadAsync(survey.Id, "mayen"))!;
        var segments = await app.Get<SurveyResultsStore>().SegmentsAsync(survey.Id);

        Assert.Equal(2, mayen.Responses);
        Assert.Equal([1L, 1L], mayen.Questions.Single(q => q.Question.Id == survey.Q["place"]).Options.Select(o => o.Count));
        Assert.Equal([("andernach", 1L), ("mayen", 2L)], segments.Select(s => (s.Id, s.Responses)));
    }

    [Fact]
    public async Task Exports_AreByteIdenticalToTheGoldenFiles()
    {
        var (app, survey) = await AnsweredAsync();
        await using var _ = app;
        var exports = app.Get<SurveyExports>();

        var responsesCsv = (await exports.ResponsesCsvAsync(survey.Id))!;
        GoldenFiles.AssertBytes("responses.csv", responsesCsv);
        GoldenFiles.AssertBytes("responses.json", (await exports.ResponsesJsonAsync(survey.Id))!);
        GoldenFiles.AssertBytes("results.csv", (await exports.ResultsCsvAsync(survey.Id))!);
        GoldenFiles.AssertBytes("results.json", (await exports.ResultsJsonAsync(survey.Id))!);

        Assert.Equal(Encoding.UTF8.GetPreamble(), responsesCsv[..3]);
    }

    [Fact]
    public async Task ResponsesCsv_HasTheSameColumnsWhateverConditionsHide()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app);
        var exports = app.Get<SurveyExports>();
        var empty = Header(await exports.ResponsesCsvAsync(survey.Id));

        // Only a response that hides the Kita page and the remark.
        await app.Get<SurveyResponder>().SubmitAsync(survey.Id, new Respondent.Browser(SurveyResponder.NewToken()),
            survey.Answers(("place", "o1"), ("kids", "no"), ("consent", "1")), null);
        var csv = Encoding.UTF8.GetString(await exports.ResponsesCsvAsync(survey.Id) ?? []).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(empty, Header(await exports.ResponsesCsvAsync(survey.Id)));
        // Nr., date, municipality, F1, four empty option columns of F2, F3, eleven empty columns (F4 hidden … F11), F12.
        Assert.Equal(string.Join(';', ["1", "2026-11-16", "", "Stadt", "", "", "", "", "Nein", .. Enumerable.Repeat("", 11), "Ja"]), lines[1]);
    }

    [Fact]
    public async Task ResponsesCsv_DefusesAFormulaBehindATab()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app);
        await app.Get<SurveyResponder>().SubmitAsync(survey.Id, new Respondent.Browser(SurveyResponder.NewToken()),
            survey.Answers(("place", "o1"), ("kids", "no"), ("story", "\t=HYPERLINK(\"http://example.org\")"), ("consent", "1")), null);

        var csv = Encoding.UTF8.GetString(await app.Get<SurveyExports>().ResponsesCsvAsync(survey.Id) ?? []);

        Assert.Contains(";\"'\t=HYPERLINK(\"\"http://example.org\"\")\";", csv, StringComparison.Ordinal);
    }

    private static string Header(byte[]? csv) => Encoding.UTF8.GetString(csv!).TrimStart('\uFEFF').Split("\r\n")[0];
}
