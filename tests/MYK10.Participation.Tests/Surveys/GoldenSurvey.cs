using Microsoft.Extensions.DependencyInjection;
using MYK10.Participation.Surveys;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Surveys;

/// <summary>
/// A survey with every question type and conditions on a page and on a question, and four fixed responses whose
/// results are worked out by hand in <see cref="GoldenResultsTests"/>.
/// </summary>
public sealed class GoldenSurvey
{
    private GoldenSurvey(long id, IReadOnlyDictionary<string, long> questions)
    {
        Id = id;
        Q = questions;
    }

    public long Id { get; }

    /// <summary>Question ids by short name.</summary>
    public IReadOnlyDictionary<string, long> Q { get; }

    public static List<Choice> Options(params string[] labels) => labels.Select((l, i) => new Choice($"o{i + 1}", l)).ToList();

    public static Task<GoldenSurvey> CreateAsync(TestApp app, SurveyMode mode = SurveyMode.Open, bool anonymous = true, bool open = true) =>
        CreateAsync(app.Services, mode, anonymous, open);

    public static async Task<GoldenSurvey> CreateAsync(IServiceProvider services, SurveyMode mode = SurveyMode.Open, bool anonymous = true, bool open = true)
    {
        var builder = services.GetRequiredService<SurveyBuilder>();
        var store = services.GetRequiredService<SurveyStore>();
        var id = await builder.CreateAsync(new SurveyInput("Mobilität im Test", "Einleitung", "kreis", null, null, mode, anonymous, "Danke!"));
        var page1 = (await store.LoadAsync(id))!.Pages[0].Id;
        var page2 = (await builder.AddPageAsync(id, "Familie")).Id!.Value;
        var page3 = (await builder.AddPageAsync(id, "Bewertung")).Id!.Value;
        var q = new Dictionary<string, long>();

        async Task Add(string name, long page, QuestionKind kind, string text, bool required = false, QuestionSettings? settings = null)
        {
            var result = await builder.AddQuestionAsync(id, page, new QuestionInput(kind, text, "", required, settings ?? new QuestionSettings()));
            Assert.True(result.Succeeded, $"{name}: {result.Status} {result.Problem}");
            q[name] = result.Id!.Value;
        }

        await Add("place", page1, QuestionKind.Single, "Wohnen Sie in der Stadt oder auf dem Land?", true, new() { Options = Options("Stadt", "Land") });
        await Add("modes", page1, QuestionKind.Multiple, "Welche Verkehrsmittel nutzen Sie?", false, new() { Options = Options("Auto", "Bus", "Rad"), AllowOther = true, MaxSelections = 2 });
        await Add("kids", page1, QuestionKind.YesNo, "Leben Kinder in Ihrem Haushalt?", true);
        await Add("kita", page2, QuestionKind.Rating, "Wie zufrieden sind Sie mit den Kitas?", true, new() { ScaleMax = 5, LowLabel = "gar nicht", HighLabel = "sehr" });
        await Add("intro", page3, QuestionKind.Info, "Zum Schluss noch einige Bewertungen.");
        await Add("offers", page3, QuestionKind.Matrix, "Wie bewerten Sie die Angebote?", false,
            new() { Rows = [new("r1", "Busse"), new("r2", "Radwege")], Scale = ["schlecht", "mittel", "gut"] });
        await Add("goals", page3, QuestionKind.Ranking, "Was soll zuerst kommen?", false, new() { Options = Options("Glasfaser", "Busse", "Radwege") });
        await Add("age", page3, QuestionKind.Number, "Wie alt sind Sie?", false, new() { Min = 0, Max = 120, IntegerOnly = true });
        await Add("remark", page3, QuestionKind.ShortText, "Ihre Anmerkung; gern \"ausführlich\"", true);
        await Add("device", page3, QuestionKind.Dropdown, "Welches Gerät nutzen Sie?", false, new() { Options = Options("Smartphone", "Computer") });
        await Add("visit", page3, QuestionKind.Date, "Wann waren Sie zuletzt im Amt?");
        await Add("story", page3, QuestionKind.LongText, "Was möchten Sie noch sagen?", false, new() { MaxLength = 500 });
        await Add("consent", page3, QuestionKind.Consent, "Ich bin mit der Auswertung einverstanden.", true);

        Assert.True((await builder.AddConditionAsync(id, page2, null, q["kids"], ConditionOperator.EqualTo, "", ["yes"])).Succeeded);
        // The remark is asked in the country (place = Land) or of people over 60: combined with OR.
        var remarkQuestion = (await store.LoadAsync(id))!.Find(q["remark"])!;
        await builder.UpdateQuestionAsync(id, q["remark"], new QuestionInput(remarkQuestion.Kind, remarkQuestion.Text, "", true, remarkQuestion.Settings, ConditionMode.Any));
        Assert.True((await builder.AddConditionAsync(id, null, q["remark"], q["place"], ConditionOperator.EqualTo, "", ["o2"])).Succeeded);
        Assert.True((await builder.AddConditionAsync(id, null, q["remark"], q["age"], ConditionOperator.GreaterThan, "", ["60"])).Succeeded);

        if (open)
        {
            Assert.True((await builder.OpenAsync(id)).Succeeded);
        }

        return new GoldenSurvey(id, q);
    }

    public AnswerSet Answers(params (string Question, object Value)[] answers)
    {
        var set = new AnswerSet();
        foreach (var (name, value) in answers)
        {
            switch (value)
            {
                case string text:
                    set.Set(Q[name], text);
                    break;
                case Dictionary<string, string> items:
                    set.Set(Q[name], items);
                    break;
                default:
                    throw new ArgumentException(name);
            }
        }

        return set;
    }

    /// <summary>The four fixed responses: (answers, municipality of the respondent).</summary>
    public IReadOnlyList<(AnswerSet Answers, string? Municipality)> FixedResponses() =>
    [
        (Answers(("place", "o1"), ("modes", Items(("o1", "1"), ("o2", "1"))), ("kids", "yes"), ("kita", "4"),
            ("offers", Items(("r1", "3"), ("r2", "2"))), ("goals", Items(("o1", "1"), ("o2", "2"), ("o3", "3"))), ("age", "34"),
            ("remark", "versteckt, wird verworfen"), ("device", "o1"), ("visit", "03.11.2026"), ("consent", "1")), "mayen"),
        (Answers(("place", "o2"), ("modes", Items(("o2", "1"), ("other", "Zug; nach Koblenz"))), ("kids", "no"), ("kita", "2"),
            ("offers", Items(("r1", "1"))), ("age", "67"), ("remark", "Mehr Busse bitte"), ("story", "=Zeile eins\nZeile zwei"), ("consent", "1")), "andernach"),
        (Answers(("place", "o2"), ("modes", Items(("o3", "1"))), ("kids", "yes"), ("kita", "5"),
            ("offers", Items(("r1", "2"), ("r2", "3"))), ("goals", Items(("o1", "2"), ("o2", "1"), ("o3", "3"))), ("remark", "Schnelles Internet"),
            ("device", "o2"), ("consent", "1")), "mayen"),
        (Answers(("place", "o1"), ("kids", "no"), ("offers", Items(("r2", "3"))), ("goals", Items(("o1", "1"), ("o2", "3"), ("o3", "2"))),
            ("age", "61,0"), ("remark", "Radweg nach Mendig"), ("consent", "1")), null),
    ];

    public static Dictionary<string, string> Items(params (string Item, string Value)[] items) => items.ToDictionary(i => i.Item, i => i.Value);

    /// <summary>The survey with its four fixed responses (two from Mayen, one from Andernach, one without), closed, counted and its results published.</summary>
    public static async Task<GoldenSurvey> CreatePublishedAsync(IServiceProvider services)
    {
        var survey = await CreateAsync(services);
        await survey.SubmitFixedResponsesAsync(services);
        var builder = services.GetRequiredService<SurveyBuilder>();
        await builder.CloseAsync(survey.Id);
        await services.GetRequiredService<SurveyResultsJob>().RunAsync(survey.Id, CancellationToken.None);
        await builder.PublishResultsAsync(survey.Id, true);
        return survey;
    }

    public Task SubmitFixedResponsesAsync(TestApp app) => SubmitFixedResponsesAsync(app.Services);

    public async Task SubmitFixedResponsesAsync(IServiceProvider services)
    {
        foreach (var (answers, municipality) in FixedResponses())
        {
            var result = await services.GetRequiredService<SurveyResponder>().SubmitAsync(Id, new Respondent.Browser(SurveyResponder.NewToken()), answers, municipality);
            Assert.True(result.Succeeded, $"{result.Status}: {string.Join(", ", result.Errors.Select(e => $"{e.QuestionId}/{e.Item}/{e.Code}"))}");
        }
    }
}
