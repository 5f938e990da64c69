using MYK10.Participation.Surveys;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Surveys;

public sealed class BuilderTests
{
    private static QuestionInput Text(string text) => new(QuestionKind.ShortText, text, "", false, new QuestionSettings());

    [Fact]
    public async Task OnlyADraft_ChangesItsQuestions_AndAnOpenSurveyCanOnlyBeClosed()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app);
        var builder = app.Get<SurveyBuilder>();
        var definition = (await app.Get<SurveyStore>().LoadAsync(survey.Id))!;
        var page = definition.Pages[0].Id;

        Assert.Equal(BuilderStatus.WrongState, (await builder.AddQuestionAsync(survey.Id, page, Text("Neu"))).Status);
        Assert.Equal(BuilderStatus.WrongState, (await builder.UpdateQuestionAsync(survey.Id, survey.Q["remark"], Text("Geändert"))).Status);
        Assert.Equal(BuilderStatus.WrongState, (await builder.DeleteQuestionAsync(survey.Id, survey.Q["remark"])).Status);
        Assert.Equal(BuilderStatus.WrongState, (await builder.AddPageAsync(survey.Id, "Neu")).Status);
        Assert.Equal(BuilderStatus.WrongState, (await builder.UpdateAsync(survey.Id, new SurveyInput("x", "", "kreis", null, null, SurveyMode.Open, true, ""))).Status);
        Assert.Equal(BuilderStatus.WrongState, (await builder.ArchiveAsync(survey.Id)).Status);
        Assert.Equal(BuilderStatus.WrongState, (await builder.PublishResultsAsync(survey.Id, true)).Status);
        Assert.Equal(definition.Questions.Count, (await app.Get<SurveyStore>().LoadAsync(survey.Id))!.Questions.Count);

        Assert.True((await builder.CloseAsync(survey.Id)).Succeeded);
        Assert.True((await builder.PublishResultsAsync(survey.Id, true)).Succeeded);
        Assert.True((await builder.ArchiveAsync(survey.Id)).Succeeded);
        Assert.Equal(SurveyStatus.Archived, (await app.Get<SurveyStore>().FindAsync(survey.Id))!.Status);
    }

    [Fact]
    public async Task ADraft_CannotBeClosed_ButCanBeArchived()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app, open: false);

        Assert.Equal(BuilderStatus.WrongState, (await app.Get<SurveyBuilder>().CloseAsync(survey.Id)).Status);
        Assert.True((await app.Get<SurveyBuilder>().ArchiveAsync(survey.Id)).Succeeded);

        Assert.Equal(SurveyStatus.Archived, (await app.Get<SurveyStore>().FindAsync(survey.Id))!.Status);
    }

    [Fact]
    public async Task DeletingAPage_TakesItsQuestions_AndTheLaterPagesMoveUp()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app, open: false);
        var before = (await app.Get<SurveyStore>().LoadAsync(survey.Id))!;
        var middle = before.Pages[1];

        var deleted = await app.Get<SurveyBuilder>().DeletePageAsync(survey.Id, middle.Id);

        Assert.True(deleted.Succeeded, deleted.Status.ToString());
        var after = (await app.Get<SurveyStore>().LoadAsync(survey.Id))!;
        Assert.Equal([(before.Pages[0].Id, 1L), (before.Pages[2].Id, 2L)], after.Pages.Select(p => (p.Id, (long)p.Position)));
        Assert.DoesNotContain(after.Questions, q => q.Id == survey.Q["kita"]);
        Assert.Equal(before.Questions.Count - 1, after.Questions.Count);
    }

    [Fact]
    public async Task AQuestionMovesPastTheGapADeletedQuestionLeft()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app, open: false);
        var builder = app.Get<SurveyBuilder>();
        async Task<List<long>> LastPageAsync()
        {
            var definition = (await app.Get<SurveyStore>().LoadAsync(survey.Id))!;
            return definition.QuestionsOn(definition.Pages[^1].Id).Select(q => q.Id).ToList();
        }

        Assert.True((await builder.DeleteQuestionAsync(survey.Id, survey.Q["goals"])).Succeeded);
        var before = await LastPageAsync();
        var age = before.IndexOf(survey.Q["age"]);

        Assert.True((await builder.MoveQuestionAsync(survey.Id, survey.Q["age"], -1)).Succeeded);
        var up = await LastPageAsync();
        Assert.Equal(survey.Q["age"], up[age - 1]);
        Assert.Equal(survey.Q["offers"], up[age]);

        Assert.True((await builder.MoveQuestionAsync(survey.Id, survey.Q["age"], 1)).Succeeded);
        Assert.Equal(before, await LastPageAsync());
    }

    [Fact]
    public async Task OpeningClosingAndPublishing_AreStampedByTheDatabase_ForTheDigests()
    {
        await using var app = await SurveyApp.StartAsync();
        var builder = app.Get<SurveyBuilder>();
        var survey = await GoldenSurvey.CreateAsync(app, open: false);
        Assert.Equal((null, null, null), await MilestonesAsync(app, survey.Id));

        app.Clock.Set(new DateTimeOffset(2026, 11, 17, 9, 0, 0, TimeSpan.Zero));
        Assert.True((await builder.OpenAsync(survey.Id)).Succeeded);
        app.Clock.Set(new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero));
        Assert.True((await builder.CloseAsync(survey.Id)).Succeeded);
        app.Clock.Set(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        Assert.True((await builder.PublishResultsAsync(survey.Id, true)).Succeeded);
        Assert.Equal(("2026-11-17T09:00:00.0000000Z", "2026-11-19T09:00:00.0000000Z", "2026-11-20T09:00:00.0000000Z"), await MilestonesAsync(app, survey.Id));

        app.Clock.Set(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));
        Assert.True((await builder.PublishResultsAsync(survey.Id, false)).Succeeded);
        Assert.True((await builder.ArchiveAsync(survey.Id)).Succeeded);
        Assert.Equal(("2026-11-17T09:00:00.0000000Z", "2026-11-19T09:00:00.0000000Z", null), await MilestonesAsync(app, survey.Id));
    }

    private static async Task<(string?, string?, string?)> MilestonesAsync(TestApp app, long surveyId)
    {
        await using var connection = await app.Connections.OpenAsync();
        return await Dapper.SqlMapper.QuerySingleAsync<(string?, string?, string?)>(connection,
            "SELECT opened_at, closed_at, results_published_at FROM surveys WHERE id = @Id", new { Id = surveyId });
    }

    [Fact]
    public async Task Open_NeedsAQuestionThatTakesAnAnswer()
    {
        await using var app = await SurveyApp.StartAsync();
        var builder = app.Get<SurveyBuilder>();
        var id = await builder.CreateAsync(new SurveyInput("Leer", "", "mayen", null, null, SurveyMode.Open, true, ""));
        var page = (await app.Get<SurveyStore>().LoadAsync(id))!.Pages[0].Id;
        await builder.AddQuestionAsync(id, page, new QuestionInput(QuestionKind.Info, "Nur ein Hinweis", "", false, new QuestionSettings()));

        var result = await builder.OpenAsync(id);

        Assert.Equal((BuilderStatus.Invalid, SurveyBuilder.Problems.NoQuestions), (result.Status, result.Problem));
    }

    [Fact]
    public async Task Conditions_MayOnlyLookBack()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app, open: false);
        var builder = app.Get<SurveyBuilder>();
        var definition = (await app.Get<SurveyStore>().LoadAsync(survey.Id))!;

        var forward = await builder.AddConditionAsync(survey.Id, null, survey.Q["place"], survey.Q["age"], ConditionOperator.Answered, "", []);
        var samePage = await builder.AddConditionAsync(survey.Id, definition.Pages[0].Id, null, survey.Q["place"], ConditionOperator.Answered, "", []);
        var fromInfo = await builder.AddConditionAsync(survey.Id, null, survey.Q["age"], survey.Q["intro"], ConditionOperator.Answered, "", []);

        Assert.All([forward, samePage, fromInfo], r => Assert.Equal(SurveyBuilder.Problems.ConditionSource, r.Problem));
    }

    [Theory]
    [InlineData(QuestionKind.Single, SurveyBuilder.Problems.Options)]
    [InlineData(QuestionKind.Ranking, SurveyBuilder.Problems.Options)]
    [InlineData(QuestionKind.Matrix, SurveyBuilder.Problems.Rows)]
    public async Task QuestionsWithoutTheirOptions_AreRefused(QuestionKind kind, string problem)
    {
        await using var app = await SurveyApp.StartAsync();
        var builder = app.Get<SurveyBuilder>();
        var id = await builder.CreateAsync(new SurveyInput("Test", "", "kreis", null, null, SurveyMode.Open, true, ""));
        var page = (await app.Get<SurveyStore>().LoadAsync(id))!.Pages[0].Id;

        var result = await builder.AddQuestionAsync(id, page, new QuestionInput(kind, "Frage", "", true, new QuestionSettings { Options = [new("o1", "Nur eine")] }));

        Assert.Equal(problem, result.Problem);
    }

    [Fact]
    public async Task Duplicate_CopiesPagesQuestionsAndConditions_AsANewDraftWithoutResponses()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app);
        await survey.SubmitFixedResponsesAsync(app);

        var copy = await app.Get<SurveyBuilder>().DuplicateAsync(survey.Id, "Kopie: ");

        var original = (await app.Get<SurveyStore>().LoadAsync(survey.Id))!;
        var duplicate = (await app.Get<SurveyStore>().LoadAsync(copy.Id!.Value))!;
        Assert.Equal("Kopie: Mobilität im Test", duplicate.Survey.Title);
        Assert.Equal(SurveyStatus.Draft, duplicate.Survey.Status);
        Assert.Equal(original.Questions.Select(q => (q.Kind, q.Text, q.Position, q.Settings.ToJson())), duplicate.Questions.Select(q => (q.Kind, q.Text, q.Position, q.Settings.ToJson())));
        Assert.Equal(original.Conditions.Count, duplicate.Conditions.Count);
        Assert.All(duplicate.Conditions, c => Assert.NotNull(duplicate.Find(c.SourceQuestionId)));
        Assert.Equal(0, await app.Get<SurveyStore>().CountResponsesAsync(duplicate.Survey.Id));

        // Same behaviour: the page condition still hides the Kita page.
        Assert.Equal(2, ConditionEvaluator.Evaluate(duplicate, new AnswerSet()).VisiblePages.Count);
    }

    [Fact]
    public async Task MoveQuestion_SwapsWithItsNeighbour()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app, open: false);

        await app.Get<SurveyBuilder>().MoveQuestionAsync(survey.Id, survey.Q["kids"], -1);

        var page = (await app.Get<SurveyStore>().LoadAsync(survey.Id))!;
        Assert.Equal([survey.Q["place"], survey.Q["kids"], survey.Q["modes"]], page.QuestionsOn(page.Pages[0].Id).Select(q => q.Id));
    }

    [Fact]
    public async Task DemoData_CreatesAnOpenAClosedWithPublishedResultsAndADraftSurvey_Once()
    {
        await using var app = await SurveyApp.StartAsync();
        var demo = app.Get<SurveyDemoData>();

        var seeded = await demo.SeedAsync();
        var again = await demo.SeedAsync();

        Assert.NotNull(seeded);
        Assert.Null(again);
        var store = app.Get<SurveyStore>();
        Assert.Equal(SurveyStatus.Open, (await store.FindAsync(seeded.OpenSurveyId))!.Status);
        Assert.True((await store.FindAsync(seeded.OpenSurveyId))!.AcceptsAnswers(app.Clock.GetUtcNow()));
        var closed = (await store.FindAsync(seeded.ClosedSurveyId))!;
        Assert.Equal((SurveyStatus.Closed, true), (closed.Status, closed.ResultsPublished));
        Assert.Equal(SurveyStatus.Draft, (await store.FindAsync(seeded.DraftSurveyId))!.Status);
        var results = (await app.Get<SurveyResultsStore>().ReadAsync(seeded.ClosedSurveyId))!;
        Assert.Equal(120, results.Responses);
        Assert.Equal(120, results.Questions[0].Options.Sum(o => o.Count));
        Assert.NotEmpty(results.Questions.SelectMany(q => q.PublishedTexts));
        Assert.True((await app.Get<SurveyResultsStore>().SegmentsAsync(seeded.ClosedSurveyId)).Count >= 5);
    }
}
