using Dapper;
using MYK10.Participation.Surveys;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Surveys;

public sealed class SubmissionTests
{
    private static Respondent Browser() => new Respondent.Browser(SurveyResponder.NewToken());

    [Fact]
    public async Task RequiredButHiddenQuestions_DoNotBlockSubmitting()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app);

        // No children: the required Kita rating is hidden; town and aged 30: the required remark is hidden.
        var result = await app.Get<SurveyResponder>().SubmitAsync(survey.Id, Browser(),
            survey.Answers(("place", "o1"), ("kids", "no"), ("age", "30"), ("consent", "1")), null);

        Assert.Equal(SubmitStatus.Submitted, result.Status);
    }

    [Fact]
    public async Task RequiredVisibleQuestions_AreReportedWithTheirCodes()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app);

        var result = await app.Get<SurveyResponder>().SubmitAsync(survey.Id, Browser(), survey.Answers(("place", "o2"), ("kids", "yes")), null);

        Assert.Equal(SubmitStatus.Invalid, result.Status);
        Assert.Equal(
            [(survey.Q["kita"], AnswerErrors.Required), (survey.Q["remark"], AnswerErrors.Required), (survey.Q["consent"], AnswerErrors.Consent)],
            result.Errors.Select(e => (e.QuestionId, e.Code)).OrderBy(e => e.QuestionId));
        Assert.Equal(0, await app.Get<SurveyStore>().CountResponsesAsync(survey.Id));
    }

    [Fact]
    public async Task AnswersToHiddenQuestions_AreNotStored_EvenWhenPostedOnPurpose()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app);
        var definition = (await app.Get<SurveyStore>().LoadAsync(survey.Id))!;

        // A crafted form: every field filled, including hidden ones and fields of questions that do not exist.
        var form = new Dictionary<string, string[]>
        {
            [SurveyFields.Name(survey.Q["place"])] = ["o1"],
            [SurveyFields.Name(survey.Q["kids"])] = ["no"],
            [SurveyFields.Name(survey.Q["kita"])] = ["1"],
            [SurveyFields.Name(survey.Q["remark"])] = ["Das darf nicht gespeichert werden"],
            [SurveyFields.Name(survey.Q["consent"])] = ["1"],
            [SurveyFields.Name(survey.Q["intro"])] = ["Info-Text nimmt keine Antwort"],
            ["q999999"] = ["fremd"],
        };
        var answers = SurveyFields.Read(definition.Questions, name => form.GetValueOrDefault(name) ?? []);
        var result = await app.Get<SurveyResponder>().SubmitAsync(survey.Id, Browser(), answers, null);

        Assert.Equal(SubmitStatus.Submitted, result.Status);
        await using var connection = await app.Connections.OpenAsync();
        var stored = (await connection.QueryAsync<long>("SELECT question_id FROM survey_answers ORDER BY question_id")).ToList();
        Assert.Equal(new[] { survey.Q["place"], survey.Q["kids"], survey.Q["consent"] }.Order(), stored);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM survey_answers WHERE value LIKE '%gespeichert%'"));
    }

    [Fact]
    public async Task ConditionChain_HiddenSourceHidesItsDependants()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app, open: false);
        var builder = app.Get<SurveyBuilder>();
        // The device question now depends on the (conditional) Kita rating being at least 3.
        Assert.True((await builder.AddConditionAsync(survey.Id, null, survey.Q["device"], survey.Q["kita"], ConditionOperator.GreaterThan, "", ["2"])).Succeeded);
        var definition = (await app.Get<SurveyStore>().LoadAsync(survey.Id))!;

        var withKids = ConditionEvaluator.Evaluate(definition, survey.Answers(("kids", "yes"), ("kita", "4"), ("device", "o1")));
        var withoutKids = ConditionEvaluator.Evaluate(definition, survey.Answers(("kids", "no"), ("kita", "4"), ("device", "o1")));

        Assert.Contains(survey.Q["device"], withKids.VisibleQuestionIds);
        Assert.DoesNotContain(survey.Q["device"], withoutKids.VisibleQuestionIds);
        Assert.False(withoutKids.Answers.Has(survey.Q["kita"]));
        Assert.Equal(2, withoutKids.VisiblePages.Count);
    }

    [Theory]
    [InlineData(ConditionOperator.EqualTo, new[] { "o2" }, new[] { false, true, false })]
    [InlineData(ConditionOperator.NotEqualTo, new[] { "o2" }, new[] { true, false, true })]
    [InlineData(ConditionOperator.AnyOf, new[] { "o1", "o3" }, new[] { true, true, false })]
    [InlineData(ConditionOperator.NoneOf, new[] { "o1", "o3" }, new[] { false, false, true })]
    [InlineData(ConditionOperator.Answered, new string[0], new[] { true, true, false })]
    [InlineData(ConditionOperator.NotAnswered, new string[0], new[] { false, false, true })]
    public async Task Operators_OnMultipleChoice(ConditionOperator op, string[] values, bool[] expected)
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app, open: false);
        var definition = (await app.Get<SurveyStore>().LoadAsync(survey.Id))!;
        var condition = new Condition(0, null, survey.Q["device"], survey.Q["modes"], op, "", values);

        bool Holds(params string[] chosen) => ConditionEvaluator.Holds(condition, definition,
            survey.Answers(("modes", chosen.ToDictionary(c => c, _ => "1"))));

        Assert.Equal(expected, new[] { Holds("o1"), Holds("o2", "o3"), Holds() });
    }

    [Theory]
    [InlineData(ConditionOperator.GreaterThan, "60", "61", true)]
    [InlineData(ConditionOperator.GreaterThan, "60", "60", false)]
    [InlineData(ConditionOperator.LessThan, "18", "9", true)]
    [InlineData(ConditionOperator.LessThan, "18", "100", false)]
    [InlineData(ConditionOperator.GreaterThan, "60", null, false)]
    public async Task Operators_OnNumbers_CompareNumerically(ConditionOperator op, string target, string? age, bool expected)
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app, open: false);
        var definition = (await app.Get<SurveyStore>().LoadAsync(survey.Id))!;
        var condition = new Condition(0, null, survey.Q["remark"], survey.Q["age"], op, "", [target]);

        Assert.Equal(expected, ConditionEvaluator.Holds(condition, definition, age is null ? new AnswerSet() : survey.Answers(("age", age))));
    }

    [Theory]
    [InlineData("modes", "o1|o2|o3", AnswerErrors.MaxSelections)]
    [InlineData("modes", "other", AnswerErrors.OtherText)]
    [InlineData("kita", "6", AnswerErrors.InvalidOption)]
    [InlineData("age", "zwölf", AnswerErrors.Integer)]
    [InlineData("age", "12,5", AnswerErrors.Integer)]
    [InlineData("age", "121", AnswerErrors.Max)]
    [InlineData("visit", "31.02.2026", AnswerErrors.Date)]
    [InlineData("goals", "o1=1|o2=1|o3=2", AnswerErrors.RankDuplicate)]
    [InlineData("goals", "o1=1|o2=2", AnswerErrors.RankIncomplete)]
    [InlineData("offers", "r1=4", AnswerErrors.InvalidOption)]
    [InlineData("device", "o9", AnswerErrors.InvalidOption)]
    public async Task InvalidAnswers_GiveTheirErrorCode(string question, string value, string code)
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app);
        var definition = (await app.Get<SurveyStore>().LoadAsync(survey.Id))!;
        var form = new Dictionary<string, string[]>();
        var id = survey.Q[question];
        if (value.Contains('=', StringComparison.Ordinal))
        {
            foreach (var pair in value.Split('|'))
            {
                form[SurveyFields.Name(id, pair.Split('=')[0])] = [pair.Split('=')[1]];
            }
        }
        else
        {
            form[SurveyFields.Name(id)] = value.Split('|');
        }

        form[SurveyFields.Name(survey.Q["kids"])] = ["yes"];
        var answers = SurveyFields.Read(definition.Questions, name => form.GetValueOrDefault(name) ?? []);
        var check = SurveyValidation.Check(definition, answers, q => q.Id == id);

        Assert.Contains(check.Errors, e => e.QuestionId == id && e.Code == code);
    }

    [Fact]
    public async Task Submitting_ToADraftOrClosedSurvey_IsRefused()
    {
        await using var app = await SurveyApp.StartAsync();
        var draft = await GoldenSurvey.CreateAsync(app, open: false);
        var closed = await GoldenSurvey.CreateAsync(app);
        await app.Get<SurveyBuilder>().CloseAsync(closed.Id);
        var answers = draft.Answers(("place", "o1"), ("kids", "no"), ("age", "30"), ("consent", "1"));

        Assert.Equal(SubmitStatus.NotOpen, (await app.Get<SurveyResponder>().SubmitAsync(draft.Id, Browser(), answers, null)).Status);
        Assert.Equal(SubmitStatus.NotOpen, (await app.Get<SurveyResponder>().SubmitAsync(closed.Id, Browser(), answers, null)).Status);
    }

    [Fact]
    public async Task Submitting_AfterTheCloseTime_IsRefused()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app, open: false);
        var builder = app.Get<SurveyBuilder>();
        await builder.UpdateAsync(survey.Id, new SurveyInput("Mobilität im Test", "", "kreis", null, app.Clock.GetUtcNow().AddHours(1), SurveyMode.Open, true, ""));
        await builder.OpenAsync(survey.Id);
        var answers = survey.Answers(("place", "o1"), ("kids", "no"), ("age", "30"), ("consent", "1"));

        app.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(SubmitStatus.NotOpen, (await app.Get<SurveyResponder>().SubmitAsync(survey.Id, Browser(), answers, null)).Status);
    }

    [Fact]
    public async Task Submitting_InAnotherModeThanTheSurveys_IsRefused()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app, SurveyMode.Verified);
        var answers = survey.Answers(("place", "o1"), ("kids", "no"), ("age", "30"), ("consent", "1"));

        Assert.Equal(SubmitStatus.WrongMode, (await app.Get<SurveyResponder>().SubmitAsync(survey.Id, Browser(), answers, null)).Status);
    }

    [Fact]
    public async Task Draft_KeepsAnswersBetweenPages()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app);
        var responder = app.Get<SurveyResponder>();
        var token = SurveyResponder.NewToken();

        await responder.SaveDraftAsync(survey.Id, token, survey.Answers(("place", "o2")));
        var (answers, _) = await responder.LoadDraftAsync(survey.Id, token);
        var (other, _) = await responder.LoadDraftAsync(survey.Id, SurveyResponder.NewToken());

        Assert.Equal("o2", answers.Value(survey.Q["place"]));
        Assert.Equal(0, other.Count);
    }
}
