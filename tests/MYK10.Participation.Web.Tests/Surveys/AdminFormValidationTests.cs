using System.Net;
using Dapper;
using MYK10.Participation.Data;
using MYK10.Participation.Staff;
using MYK10.Participation.Surveys;
using MYK10.Participation.Tests.Surveys;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Surveys;

/// <summary>Input the survey builder's forms must refuse with a German message instead of failing or guessing.</summary>
public sealed class AdminFormValidationTests(AdminFormValidationTests.Site site) : IClassFixture<AdminFormValidationTests.Site>
{
    public sealed class Site : SiteFactory;

    private static string FieldError(AngleSharp.Html.Dom.IHtmlDocument document, string field) =>
        document.QuerySelector($"#{field}-error")?.TextContent.Trim() ?? string.Empty;

    private async Task<int> SurveyCountAsync() =>
        (await site.Get<SurveyStore>().ListAsync(Enum.GetValues<SurveyStatus>(), countResponses: false)).Count;

    [Fact]
    public async Task NewSurvey_StartingInTheHourSkippedBySummerTime_GetsAGermanMessageAtTheField_NotAnError()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var before = await SurveyCountAsync();

        using var response = await admin.PostFormAsync("/admin/umfragen/neu", new()
        {
            ["Input.Title"] = "Zeitumstellung",
            ["Input.OpensAt"] = "2027-03-28T02:30",
            ["Input.ClosesAt"] = "2027-04-28T02:30",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.Contains("Diese Uhrzeit gibt es am 28.03.2027 wegen der Umstellung auf Sommerzeit nicht", FieldError(document, "Input_OpensAt"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, FieldError(document, "Input_ClosesAt"));
        Assert.Equal(before, await SurveyCountAsync());
    }

    [Fact]
    public async Task SurveySettings_TextsLongerThanTheDatabaseKeeps_AreRefusedAtTheirFields_NotCut()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var before = await SurveyCountAsync();

        using var response = await admin.PostFormAsync("/admin/umfragen/neu", new()
        {
            ["Input.Title"] = new string('T', 201),
            ["Input.Introduction"] = new string('E', 4001),
            ["Input.ThankYou"] = new string('D', 4001),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.Equal("Dieser Text ist zu lang: höchstens 200 Zeichen, jetzt sind es 201. Bitte kürzen Sie ihn.", FieldError(document, "Input_Title"));
        Assert.Contains("höchstens 4.000 Zeichen", FieldError(document, "Input_Introduction"), StringComparison.Ordinal);
        Assert.Contains("höchstens 4.000 Zeichen", FieldError(document, "Input_ThankYou"), StringComparison.Ordinal);
        Assert.Equal(before, await SurveyCountAsync());
    }

    [Fact]
    public async Task SurveySettings_ATextAsLongAsTheFieldAllows_IsKept_ThoughTheBrowserSendsLineEndsAsTwoCharacters()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        // 4,000 characters as the browser's maxlength counts them, with nine line ends, each sent as CR LF (4,009).
        var introduction = string.Join("\r\n", Enumerable.Repeat(new string('E', 399), 10)) + new string('E', 1);

        using var response = await admin.PostFormAsync("/admin/umfragen/neu", new() { ["Input.Title"] = "Zeilen", ["Input.Introduction"] = introduction });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var connection = await site.Get<IDbConnectionFactory>().OpenAsync();
        Assert.Equal(4000, await connection.ExecuteScalarAsync<long>("SELECT length(introduction) FROM surveys WHERE title = 'Zeilen'"));
    }

    /// <summary>Posts the question form of a draft's first page; asserts the form came back and nothing was stored.</summary>
    private async Task<AngleSharp.Html.Dom.IHtmlDocument> RefusedQuestionAsync(Dictionary<string, string> fields)
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var survey = await GoldenSurvey.CreateAsync(site.Services, open: false);
        var definition = (await site.Get<SurveyStore>().LoadAsync(survey.Id))!;

        using var response = await admin.PostFormAsync($"/admin/umfragen/{survey.Id}/frage?seite={definition.Pages[0].Id}", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(definition.Questions.Count, (await site.Get<SurveyStore>().LoadAsync(survey.Id))!.Questions.Count);
        return await response.ReadDocumentAsync();
    }

    [Fact]
    public async Task Question_TextAndHelpLongerThanTheDatabaseKeeps_AreRefusedAtTheirFields()
    {
        var document = await RefusedQuestionAsync(new()
        {
            ["Input.Kind"] = "LongText",
            ["Input.Text"] = new string('F', 2001),
            ["Input.Help"] = new string('H', 2001),
        });

        Assert.Contains("höchstens 2.000 Zeichen, jetzt sind es 2.001", FieldError(document, "Input_Text"), StringComparison.Ordinal);
        Assert.Contains("höchstens 2.000 Zeichen", FieldError(document, "Input_Help"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageTitles_LongerThan200Characters_AreRefusedWithAGermanMessage_WhenAddingAndRenaming()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var survey = await GoldenSurvey.CreateAsync(site.Services, open: false);
        var definition = (await site.Get<SurveyStore>().LoadAsync(survey.Id))!;
        var url = $"/admin/umfragen/{survey.Id}";
        var tooLong = new string('S', 201);
        const string message = "Der Seitentitel ist zu lang: höchstens 200 Zeichen.";

        using var added = await admin.PostFormAsync(url, new() { ["Input.PageTitle"] = tooLong }, "form[action*='handler=AddPage']");
        var afterAdding = await added.ReadDocumentAsync();
        using var renamed = await admin.PostFormAsync(url, new() { ["Input.PageTitle"] = tooLong }, $"form[action*='pageId={definition.Pages[0].Id}']");
        var afterRenaming = await renamed.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(message, FieldError(afterAdding, "Input_PageTitle"));
        Assert.Equal(message, FieldError(afterRenaming, $"page-title-{definition.Pages[0].Id}"));
        var pages = (await site.Get<SurveyStore>().LoadAsync(survey.Id))!.Pages;
        Assert.Equal(definition.Pages.Select(p => p.Title), pages.Select(p => p.Title));
    }

    [Fact]
    public async Task RenamingAPage_WithATitleTooLong_ShowsTheErrorAtTheField_InItsOpenedDetails_LinkedFromTheSummary()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var survey = await GoldenSurvey.CreateAsync(site.Services, open: false);
        var pages = (await site.Get<SurveyStore>().LoadAsync(survey.Id))!.Pages;
        var second = pages[1].Id;
        var tooLong = new string('S', 201);

        using var response = await admin.PostFormAsync($"/admin/umfragen/{survey.Id}", new() { ["Input.PageTitle"] = tooLong }, $"form[action*='pageId={second}']");

        var document = await response.ReadDocumentAsync();
        var field = document.GetElementById($"page-title-{second}")!;
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Equal($"page-title-{second}-error", field.GetAttribute("aria-describedby"));
        Assert.Equal(tooLong, field.GetAttribute("value"));
        Assert.Equal(field, document.GetElementById($"page-title-{second}-error")!.ParentElement!.QuerySelector("input"));
        Assert.True(field.Closest("details")!.HasAttribute("open"));
        Assert.Equal([second], document.QuerySelectorAll("details[open] input[id^='page-title-']").Select(i => long.Parse(i.Id!["page-title-".Length..], System.Globalization.CultureInfo.InvariantCulture)));
        var links = document.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"#page-title-{second}"], links);
        Assert.Equal(string.Empty, document.GetElementById("Input_PageTitle")!.GetAttribute("value") ?? string.Empty);
    }

    [Fact]
    public async Task InvitationCodes_ACountThatIsNoNumber_MakesNoCodes_AndSaysSo()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var survey = await GoldenSurvey.CreateAsync(site.Services, SurveyMode.Codes);

        foreach (var count in new[] { "abc", "", "99999999999" })
        {
            using var response = await admin.PostFormAsync($"/admin/umfragen/{survey.Id}/codes", new() { ["Input.Count"] = count });

            var document = await response.ReadDocumentAsync();
            Assert.Equal("Bitte geben Sie eine Zahl von 1 bis 5000 an.", FieldError(document, "Input_Count"));
            Assert.Empty(document.QuerySelectorAll(".code-list li"));
        }

        Assert.Equal((0L, 0L), await site.Get<InvitationCodes>().CountAsync(survey.Id));
    }

    [Fact]
    public async Task Conditions_WithoutValues_TwiceTheSame_OrWithAnUnknownComparison_AreRefused()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var survey = await GoldenSurvey.CreateAsync(site.Services, open: false);
        var url = $"/admin/umfragen/{survey.Id}/bedingungen?frage={survey.Q["remark"]}";
        var before = (await site.Get<SurveyStore>().LoadAsync(survey.Id))!.Conditions.Count;
        Dictionary<string, string> Form(string op, string values) => new()
        {
            ["Input.SourceQuestionId"] = survey.Q["place"].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Operator"] = op,
            ["Input.Values"] = values,
        };

        var empty = await (await admin.PostFormAsync(url, Form("AnyOf", " ; "))).ReadDocumentAsync();
        var twice = await (await admin.PostFormAsync(url, Form("EqualTo", "Land"))).ReadDocumentAsync(); // GoldenSurvey has this one
        var unknown = await (await admin.PostFormAsync(url, Form("Bogus", "Stadt"))).ReadDocumentAsync();
        var undefined = await (await admin.PostFormAsync(url, Form("99", "Stadt"))).ReadDocumentAsync();

        Assert.StartsWith("Bitte geben Sie mindestens einen Wert an", FieldError(empty, "Input_Values"), StringComparison.Ordinal);
        Assert.Equal("Diese Bedingung gibt es hier schon.", FieldError(twice, "Input_SourceQuestionId"));
        Assert.Equal("Bitte wählen Sie einen Vergleich aus der Liste.", FieldError(unknown, "Input_Operator"));
        Assert.Equal("Bitte wählen Sie einen Vergleich aus der Liste.", FieldError(undefined, "Input_Operator"));
        Assert.Equal(before, (await site.Get<SurveyStore>().LoadAsync(survey.Id))!.Conditions.Count);

        // "is answered" needs no value.
        using var answered = await admin.PostFormAsync(url, Form("Answered", ""));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
    }

    [Fact]
    public async Task Question_WithAnAnswerOptionTwice_IsRefusedAtTheOptions()
    {
        var document = await RefusedQuestionAsync(new()
        {
            ["Input.Kind"] = "Single",
            ["Input.Text"] = "Welche?",
            ["Input.Options"] = "A\r\nA\r\nB",
        });

        Assert.Equal("„A“ steht mehr als einmal in der Liste. Bitte geben Sie jede Antwort nur einmal an.", FieldError(document, "Input_Options"));
        Assert.Equal(SurveyBuilder.Problems.Options, SurveyBuilder.Check(new QuestionInput(QuestionKind.Single, "Welche?", "", false,
            new QuestionSettings { Options = GoldenSurvey.Options("A", "a", "B") })));
    }

    [Fact]
    public async Task MatrixQuestion_WithAScaleStepTwice_IsRefusedAtTheScale()
    {
        var document = await RefusedQuestionAsync(new()
        {
            ["Input.Kind"] = "Matrix",
            ["Input.Text"] = "Wie zufrieden sind Sie?",
            ["Input.Rows"] = "Bus\r\nBahn",
            ["Input.Scale"] = "gut\r\nGut\r\nschlecht",
        });

        Assert.Equal("„gut“ steht mehr als einmal in der Liste. Bitte geben Sie jede Antwort nur einmal an.", FieldError(document, "Input_Scale"));
        Assert.Equal(SurveyBuilder.Problems.Scale, SurveyBuilder.Check(new QuestionInput(QuestionKind.Matrix, "Wie zufrieden?", "", false,
            new QuestionSettings { Rows = GoldenSurvey.Options("Bus", "Bahn"), Scale = ["gut", "Gut ", "schlecht"] })));
    }

    [Fact]
    public async Task ThankYouField_SaysItStandsBelowTheThankYouHeading_SoAdminsDoNotRepeatIt()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);

        var document = await admin.GetDocumentAsync("/admin/umfragen/neu");

        var field = document.QuerySelector("#Input_ThankYou")!;
        var hint = document.GetElementById(field.GetAttribute("aria-describedby")!)!;
        Assert.Equal("Erscheint auf der Dankeseite unter der Überschrift „Vielen Dank für Ihre Teilnahme!“, zum Beispiel: wann und wo die Ergebnisse veröffentlicht werden.", hint.TextContent.Trim());
    }
}
