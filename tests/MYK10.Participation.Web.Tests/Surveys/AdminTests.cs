using System.Net;
using System.Text;
using System.Text.Json;
using MYK10.Participation.Staff;
using MYK10.Participation.Surveys;
using MYK10.Participation.Tests.Surveys;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Surveys;

public sealed class AdminTests(AdminTests.Site site) : IClassFixture<AdminTests.Site>
{
    public sealed class Site : SiteFactory;

    [Fact]
    public async Task Admin_BuildsOpensClosesAndPublishesASurvey_ThroughTheForms_AndHangfireComputesTheResults()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);

        using var created = await admin.PostFormAsync("/admin/umfragen/neu", new()
        {
            ["Input.Title"] = "Radverkehr in Andernach",
            ["Input.Introduction"] = "Drei kurze Fragen.",
            ["Input.MunicipalityId"] = "andernach",
            ["Input.Mode"] = "Open",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var detailsUrl = created.Headers.Location!.OriginalString;
        var id = long.Parse(detailsUrl.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var pageId = (await site.Get<SurveyStore>().LoadAsync(id))!.Pages[0].Id;

        using var question = await admin.PostFormAsync($"/admin/umfragen/{id}/frage?seite={pageId}", new()
        {
            ["Input.Kind"] = "Single",
            ["Input.Text"] = "Wie oft fahren Sie Rad?",
            ["Input.Required"] = "true",
            ["Input.Options"] = "Täglich\r\nWöchentlich\r\nSelten\r\n",
        });
        Assert.Equal(HttpStatusCode.Redirect, question.StatusCode);
        using var second = await admin.PostFormAsync($"/admin/umfragen/{id}/frage?seite={pageId}", new()
        {
            ["Input.Kind"] = "LongText",
            ["Input.Text"] = "Was stört Sie am meisten?",
            ["Input.MaxLength"] = "500",
        });
        var definition = (await site.Get<SurveyStore>().LoadAsync(id))!;
        Assert.Equal(["Täglich", "Wöchentlich", "Selten"], definition.Questions[0].Settings.Options.Select(o => o.Label));

        // The text question only for those who cycle at all: a condition typed with the option's label.
        using var condition = await admin.PostFormAsync($"/admin/umfragen/{id}/bedingungen?frage={definition.Questions[1].Id}", new()
        {
            ["Input.SourceQuestionId"] = definition.Questions[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Operator"] = "AnyOf",
            ["Input.Values"] = "täglich; Wöchentlich",
        });
        Assert.Equal(HttpStatusCode.Redirect, condition.StatusCode);
        Assert.Equal(["o1", "o2"], (await site.Get<SurveyStore>().LoadAsync(id))!.Conditions.Single().Values);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(detailsUrl, new() { ["Input.ConfirmOpen"] = "true" }, "form[action*='handler=Open']")).StatusCode);
        Assert.Equal(SurveyStatus.Open, (await site.Get<SurveyStore>().FindAsync(id))!.Status);

        // An open survey's questions are fixed: the question form sends the admin back.
        using var locked = await admin.GetAsync($"/admin/umfragen/{id}/frage/{definition.Questions[0].Id}");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);

        var answers = new AnswerSet();
        answers.Set(definition.Questions[0].Id, "o1");
        answers.Set(definition.Questions[1].Id, "Falschparker auf dem Radweg");
        Assert.True((await site.Get<SurveyResponder>().SubmitAsync(id, new Respondent.Browser("browser-1"), answers, "andernach")).Succeeded);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(detailsUrl, new() { ["Input.ConfirmClose"] = "true" }, "form[action*='handler=Close']")).StatusCode);
        await WaitForResultsAsync(id);
        Assert.Equal(1, (await site.Get<SurveyResultsStore>().ReadAsync(id))!.Responses);

        // Not yet published: the public page says so, the API knows nothing.
        var visitor = site.CreateBrowserLikeClient();
        Assert.Contains("noch nicht veröffentlicht", (await visitor.GetDocumentAsync($"/umfragen/{id}/ergebnisse")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/v1/surveys/{id}/results")).StatusCode);

        // Approve the free text, publish.
        var texts = await admin.GetDocumentAsync($"/admin/umfragen/{id}/freitexte");
        var approve = texts.QuerySelector("main table form")!.GetAttribute("action")!;
        await admin.PostFormAsync($"/admin/umfragen/{id}/freitexte", [], $"form[action='{approve}']");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(detailsUrl, [], "form[action*='handler=Publish']")).StatusCode);

        var results = await visitor.GetDocumentAsync($"/umfragen/{id}/ergebnisse");
        Assert.False(string.IsNullOrWhiteSpace(results.QuerySelector(".bar-chart[role=img]")?.GetAttribute("aria-label")));
        Assert.Contains("Falschparker auf dem Radweg", results.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("100,0 %", results.QuerySelector("table.figures tbody tr td:last-child")!.TextContent);

        using var api = await visitor.GetAsync($"/api/v1/surveys/{id}/results");
        var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, json.GetProperty("responses").GetInt32());
        Assert.Equal(1, json.GetProperty("questions")[0].GetProperty("options")[0].GetProperty("count").GetInt32());
        var list = JsonDocument.Parse(await visitor.GetStringAsync("/api/v1/surveys")).RootElement;
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("id").GetInt64() == id && s.GetProperty("resultsPublished").GetBoolean());

        using var csv = await admin.GetAsync($"/admin/umfragen/{id}?handler=Export&file=antworten.csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Contains("Täglich", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndingASurvey_WithoutTickingTheConfirmation_KeepsItOpen_AndSaysWhy()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services);
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var detailsUrl = $"/admin/umfragen/{survey.Id}";

        var page = await RefusedWithoutTheTickAsync(admin, detailsUrl, "form[action*='handler=Close']", "Input_ConfirmClose", "Bitte bestätigen Sie, dass Sie die Umfrage jetzt beenden möchten.");
        Assert.Equal("Input_ConfirmClose-error", page.QuerySelector("#Input_ConfirmClose")!.GetAttribute("aria-describedby"));
        Assert.Contains("lässt sich nicht wieder starten", page.QuerySelector("label[for=Input_ConfirmClose]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SurveyStatus.Open, (await site.Get<SurveyStore>().FindAsync(survey.Id))!.Status);

        using var confirmed = await admin.SubmitFormAsync(page, detailsUrl, new() { ["Input.ConfirmClose"] = "true" }, "form[action*='handler=Close']");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(SurveyStatus.Closed, (await site.Get<SurveyStore>().FindAsync(survey.Id))!.Status);
    }

    [Theory]
    [InlineData("Open", "Bitte bestätigen Sie, dass Sie die Umfrage jetzt starten möchten.", "nicht mehr ändern", SurveyStatus.Open)]
    [InlineData("Archive", "Bitte bestätigen Sie, dass Sie die Umfrage archivieren möchten.", "nicht mehr bearbeiten oder starten", SurveyStatus.Archived)]
    public async Task StartingOrArchivingADraft_WithoutTickingTheConfirmation_KeepsItADraft_AndSaysWhy(string handler, string message, string warning, SurveyStatus done)
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services, open: false);
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var detailsUrl = $"/admin/umfragen/{survey.Id}";
        var form = $"form[action*='handler={handler}']";

        var page = await RefusedWithoutTheTickAsync(admin, detailsUrl, form, $"Input_Confirm{handler}", message);
        Assert.Contains(warning, page.QuerySelector($"label[for=Input_Confirm{handler}]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SurveyStatus.Draft, (await site.Get<SurveyStore>().FindAsync(survey.Id))!.Status);

        using var confirmed = await admin.SubmitFormAsync(page, detailsUrl, new() { [$"Input.Confirm{handler}"] = "true" }, form);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(done, (await site.Get<SurveyStore>().FindAsync(survey.Id))!.Status);
    }

    [Fact]
    public async Task DeletingAPageWithQuestions_WithoutTickingTheConfirmation_KeepsIt_AndSaysWhy()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services, open: false);
        var pages = (await site.Get<SurveyStore>().LoadAsync(survey.Id))!.Pages;
        var last = pages[^1].Id;
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var detailsUrl = $"/admin/umfragen/{survey.Id}";
        var form = $"form[action*='handler=DeletePage'][action*='pageId={last}']";

        var page = await RefusedWithoutTheTickAsync(admin, detailsUrl, form, $"delete-page-{last}", "Bitte bestätigen Sie, dass die Seite gelöscht werden soll.");
        Assert.True(page.QuerySelector($"details:has(#delete-page-{last})")!.HasAttribute("open"));
        Assert.Equal($"Ja, Seite 3 mit ihren 9 Fragen endgültig löschen; Bedingungen, die auf diesen Fragen beruhen, fallen mit weg.", page.QuerySelector($"label[for=delete-page-{last}]")!.TextContent);
        Assert.Equal(pages.Count, (await site.Get<SurveyStore>().LoadAsync(survey.Id))!.Pages.Count);

        using var confirmed = await admin.SubmitFormAsync(page, detailsUrl, new() { ["Input.ConfirmDelete"] = "true" }, form);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.DoesNotContain((await site.Get<SurveyStore>().LoadAsync(survey.Id))!.Pages, p => p.Id == last);
    }

    [Fact]
    public async Task DeletingAQuestion_WithoutTickingTheConfirmation_KeepsIt_AndSaysWhy()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services, open: false);
        var question = survey.Q["place"];
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var detailsUrl = $"/admin/umfragen/{survey.Id}";
        var form = $"form[action*='handler=DeleteQuestion'][action*='questionId={question}']";

        var page = await RefusedWithoutTheTickAsync(admin, detailsUrl, form, $"delete-question-{question}", "Bitte bestätigen Sie, dass die Frage gelöscht werden soll.");
        Assert.True(page.QuerySelector($"details:has(#delete-question-{question})")!.HasAttribute("open"));
        Assert.Equal("Löschen …: Wohnen Sie in der Stadt oder auf dem Land?", page.QuerySelector($"details:has(#delete-question-{question}) summary")!.TextContent);
        Assert.Equal("Ja, Frage F1 endgültig löschen; Bedingungen, die auf dieser Frage beruhen, fallen mit weg.", page.QuerySelector($"label[for=delete-question-{question}]")!.TextContent);
        Assert.Contains((await site.Get<SurveyStore>().LoadAsync(survey.Id))!.Questions, q => q.Id == question);

        using var confirmed = await admin.SubmitFormAsync(page, detailsUrl, new() { ["Input.ConfirmDelete"] = "true" }, form);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.DoesNotContain((await site.Get<SurveyStore>().LoadAsync(survey.Id))!.Questions, q => q.Id == question);
    }

    [Fact]
    public async Task InvitationCodes_AfterARefusedCsv_TheMainButtonShowsTheCodes_NotAFile()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services, SurveyMode.Codes, open: false);
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var codesUrl = $"/admin/umfragen/{survey.Id}/codes";
        using var refused = await admin.PostWithTokenAsync(codesUrl, $"{codesUrl}?handler=Csv", new() { ["Input.Count"] = "0" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        // The browser is now at the address of the CSV handler.
        using var generated = await admin.SubmitFormAsync(await refused.ReadDocumentAsync(), $"{codesUrl}?handler=Csv", new() { ["Input.Count"] = "3" }, "main form");

        Assert.Equal("text/html", generated.Content.Headers.ContentType!.MediaType);
        Assert.Equal(3, (await generated.ReadDocumentAsync()).QuerySelectorAll(".code-list li").Length);
    }

    /// <summary>Sends a form of the survey page without its confirmation tick: the page comes back with the message linked to the box.</summary>
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> RefusedWithoutTheTickAsync(HttpClient admin, string detailsUrl, string form, string boxId, string message)
    {
        using var refused = await admin.PostFormAsync(detailsUrl, [], form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadDocumentAsync();
        Assert.Equal(message, page.QuerySelector($".error-summary a[href='#{boxId}']")!.TextContent);
        return page;
    }

    [Fact]
    public async Task Results_FilteredByMunicipality_SayWhoseAnswersTheyShow_AlsoInEnglish()
    {
        var survey = await GoldenSurvey.CreatePublishedAsync(site.Services);
        var client = site.CreateBrowserLikeClient();
        var url = $"/umfragen/{survey.Id}/ergebnisse";

        var all = await client.GetDocumentAsync(url);
        var mayen = await client.GetDocumentAsync($"{url}?kommune=mayen");
        var andernach = await client.GetDocumentAsync($"{url}?kommune=andernach");
        var unknown = await client.GetDocumentAsync($"{url}?kommune=vallendar");
        await client.PostFormAsync(url, new() { ["Input.Culture"] = "en", ["Input.ReturnUrl"] = url }, "form.language-switch");
        var mayenInEnglish = await client.GetDocumentAsync($"{url}?kommune=mayen");

        Assert.Null(all.QuerySelector(".results-segment"));
        Assert.StartsWith("4 Teilnahmen", all.QuerySelector(".lead")!.TextContent.Trim(), StringComparison.Ordinal);
        var line = mayen.QuerySelector(".lead .results-segment")!;
        Assert.Equal("Antworten aus: Mayen (2 Teilnahmen)", line.TextContent.Trim());
        Assert.Null(line.Closest(".no-print, .filter-form")); // the filter form is not printed; this line is
        Assert.Equal("Antworten aus: Andernach (1 Teilnahme)", andernach.QuerySelector(".results-segment")!.TextContent.Trim());
        Assert.Contains("1 von 1 Teilnehmenden hat diese Frage beantwortet.", andernach.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("1 von 1 Teilnehmenden haben", andernach.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(unknown.QuerySelector(".results-segment")); // no responses from there: all results, and nothing claims otherwise
        Assert.Equal("Responses from: Mayen (2 responses)", mayenInEnglish.QuerySelector(".results-segment")!.TextContent.Trim());
    }

    [Fact]
    public async Task EnglishPages_MarkTheSurveysGermanTextAsGerman_ApartFromTheEnglishWordsAroundIt_AndGermanPagesMarkNothing()
    {
        var survey = await GoldenSurvey.CreatePublishedAsync(site.Services);
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var results = $"/umfragen/{survey.Id}/ergebnisse";
        var details = $"/admin/umfragen/{survey.Id}";

        var germanResults = await admin.GetDocumentAsync(results);
        var (germanDetails, englishDetails) = await admin.GermanThenEnglishAsync(details);
        var englishResults = await admin.GetDocumentAsync(results);

        Assert.Null(germanResults.QuerySelector("main [lang]"));
        Assert.Null(germanDetails.QuerySelector("main [lang]"));
        // "Question 1: Wohnen Sie …": the English words belong to the page, the question is its own German element.
        var question = englishResults.QuerySelector("main .result h2")!;
        Assert.Equal(("Question 1: ", "Wohnen Sie in der Stadt oder auf dem Land?"), (question.TextContent[..12], question.QuerySelector("span[lang=de]")?.TextContent));
        Assert.Null(question.Closest("[lang=de]"));
        Assert.Equal("Mobilität im Test", englishResults.QuerySelector("h1 span[lang=de]")?.TextContent);
        Assert.Equal(["Stadt", "Land"], englishResults.QuerySelectorAll("main .result:first-of-type tbody th[lang=de]").Select(th => th.TextContent));
        Assert.Equal(["Other", "Yes", "No"], englishResults.QuerySelectorAll("main tbody th:not([lang])").Select(th => th.TextContent).Take(3)); // translated: not marked
        Assert.Equal("de", englishDetails.QuerySelector("h1")!.GetAttribute("lang"));
        var pageTitle = englishDetails.QuerySelectorAll("main h3").First(h => h.TextContent.StartsWith("Page 2: ", StringComparison.Ordinal));
        Assert.Equal("Familie", pageTitle.QuerySelector("span[lang=de]")?.TextContent);
        Assert.Contains(englishDetails.QuerySelectorAll(".question-admin span[lang=de]"), span => span.TextContent == "Wie zufrieden sind Sie mit den Kitas?");
    }

    [Fact]
    public async Task EditForms_InEnglish_MarkTheFieldsHoldingGermanTextAsGerman_AndNotTheOthers()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services, open: false);
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var question = $"/admin/umfragen/{survey.Id}/frage/{survey.Q["place"]}";

        var (german, english) = await admin.GermanThenEnglishAsync(question);
        var settings = await admin.GetDocumentAsync($"/admin/umfragen/{survey.Id}/einstellungen");
        var details = await admin.GetDocumentAsync($"/admin/umfragen/{survey.Id}");

        Assert.Null(german.QuerySelector("main [lang]"));
        Assert.Equal("Wohnen Sie in der Stadt oder auf dem Land?", english.QuerySelector("textarea[name='Input.Text'][lang=de]")?.TextContent.Trim());
        Assert.Contains("Stadt", english.QuerySelector("textarea[name='Input.Options'][lang=de]")?.TextContent, StringComparison.Ordinal);
        Assert.Null(english.QuerySelector("input[name='Input.Min']")!.GetAttribute("lang")); // a number, no German text
        Assert.Equal("Mobilität im Test", settings.QuerySelector("input[name='Input.Title'][lang=de]")?.GetAttribute("value"));
        Assert.NotEmpty(details.QuerySelectorAll("input[name='Input.PageTitle'][lang=de]"));
    }

    [Fact]
    public async Task AveragesOfRankingsAndMatrices_HaveTwoDecimals_SoThatTheyLineUp()
    {
        // The golden survey's fixed responses give averages of 2, 2,67 and 1,33.
        var survey = await GoldenSurvey.CreatePublishedAsync(site.Services);

        var page = await site.CreateBrowserLikeClient().GetDocumentAsync($"/umfragen/{survey.Id}/ergebnisse");

        var averages = page.QuerySelectorAll(".bar-value").Select(v => v.TextContent.Trim()).Where(v => v.StartsWith("Ø ", StringComparison.Ordinal)).ToList();
        Assert.Contains("Ø 2,00", averages);
        Assert.All(averages, average => Assert.Matches(@"^Ø \d+,\d\d$", average));
    }

    [Fact]
    public async Task ResultsApi_UnknownMunicipality_IsABadRequestNamingTheParameter_NotAnEmptyResult()
    {
        var survey = await GoldenSurvey.CreatePublishedAsync(site.Services);
        var client = site.CreateBrowserLikeClient();

        using var unknown = await client.GetAsync($"/api/v1/surveys/{survey.Id}/results?kommune=koblenz");
        using var mayen = await client.GetAsync($"/api/v1/surveys/{survey.Id}/results?kommune=mayen");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        using var json = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync());
        Assert.Equal("unknown_filter", json.RootElement.GetProperty("error").GetString());
        Assert.Equal("kommune", json.RootElement.GetProperty("parameter").GetString());
        Assert.Contains("mayen", json.RootElement.GetProperty("allowed").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(HttpStatusCode.OK, mayen.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await mayen.Content.ReadAsStringAsync()).RootElement.GetProperty("responses").GetInt32());
    }

    [Fact]
    public async Task Conditions_NameTheirQuestion_InTheAdminsLanguage()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services);
        var number = (await site.Get<SurveyStore>().LoadAsync(survey.Id))!.QuestionNumbers()[survey.Q["kids"]];
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var url = $"/admin/umfragen/{survey.Id}";

        var (germanPage, englishPage) = await admin.GermanThenEnglishAsync(url);
        var (german, english) = (germanPage.QuerySelector("main")!.TextContent, englishPage.QuerySelector("main")!.TextContent);

        Assert.Contains($"Nur wenn: F{number} „Leben Kinder in Ihrem Haushalt?“", german, StringComparison.Ordinal);
        Assert.Contains($"Only if: Q{number} “Leben Kinder in Ihrem Haushalt?”", english, StringComparison.Ordinal);
        Assert.DoesNotContain("„", english, StringComparison.Ordinal);
        // The question is German inside the English sentence; the condition's own words are not.
        var condition = englishPage.QuerySelectorAll("main p.muted").First(p => p.TextContent.StartsWith("Only if:", StringComparison.Ordinal));
        Assert.Equal("Leben Kinder in Ihrem Haushalt?", condition.QuerySelector("span[lang=de]")?.TextContent);
        Assert.Null(condition.GetAttribute("lang"));
        // On the conditions page of a draft the description is shown twice: as the item, and as the name of its remove button.
        var draft = await GoldenSurvey.CreateAsync(site.Services, open: false);
        var draftPage = await admin.GetDocumentAsync($"/admin/umfragen/{draft.Id}");
        var conditionPages = draftPage.QuerySelectorAll("main a[href*='/bedingungen']").Select(a => a.GetAttribute("href")!).Distinct();
        var removeButtons = new List<AngleSharp.Dom.IElement>();
        foreach (var conditionPage in conditionPages)
        {
            removeButtons.AddRange((await admin.GetDocumentAsync(conditionPage)).QuerySelectorAll(".question-admin li button"));
        }

        Assert.Contains(removeButtons, button => button.TextContent.StartsWith($"Remove condition: Q{number} “Leben Kinder in Ihrem Haushalt?” ", StringComparison.Ordinal)
            && button.QuerySelector(".visually-hidden span[lang=de]")?.TextContent == "Leben Kinder in Ihrem Haushalt?");
    }

    [Fact]
    public async Task SurveyAdminPages_AreForAdminsOnly()
    {
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        var visitor = site.CreateBrowserLikeClient();

        using var asModerator = await moderator.GetAsync("/admin/umfragen");
        using var asVisitor = await visitor.GetAsync("/admin/umfragen/neu");

        Assert.StartsWith("/staff/kein-zugriff", asModerator.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/staff/anmelden", asVisitor.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvitationCodes_AreShownOnce_AndDownloadAsCsv_AndWorkForAnswering()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var survey = await GoldenSurvey.CreateAsync(site.Services, SurveyMode.Codes);

        using var shown = await admin.PostFormAsync($"/admin/umfragen/{survey.Id}/codes", new() { ["Input.Count"] = "12" });
        var codes = (await shown.ReadDocumentAsync()).QuerySelectorAll(".code-list li").Select(li => li.TextContent).ToList();
        using var download = await admin.PostWithTokenAsync($"/admin/umfragen/{survey.Id}/codes", $"/admin/umfragen/{survey.Id}/codes?handler=Csv", new() { ["Input.Count"] = "3" });
        var csv = Encoding.UTF8.GetString(await download.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        using var tooMany = await admin.PostFormAsync($"/admin/umfragen/{survey.Id}/codes", new() { ["Input.Count"] = "5001" });

        Assert.Equal(12, codes.Count);
        Assert.Equal(4, csv.Length);
        Assert.Equal((15L, 0L), await site.Get<InvitationCodes>().CountAsync(survey.Id));
        Assert.Equal(CodeState.Unused, await site.Get<SurveyResponder>().CheckCodeAsync(survey.Id, codes[0]));
        Assert.Equal(CodeState.Unused, await site.Get<SurveyResponder>().CheckCodeAsync(survey.Id, csv[1].Split(';')[1]));
        Assert.Contains("1 bis 5000", (await tooMany.ReadDocumentAsync()).QuerySelector("#Input_Count-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvitationCodes_OneCode_IsCountedWithoutAPluralSlip()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var survey = await GoldenSurvey.CreateAsync(site.Services, SurveyMode.Codes);

        using var shown = await admin.PostFormAsync($"/admin/umfragen/{survey.Id}/codes", new() { ["Input.Count"] = "1" });
        var main = (await shown.ReadDocumentAsync()).QuerySelector("main")!;

        Assert.Contains(main.QuerySelectorAll("h2"), h => h.TextContent == "Neue Einladungscodes: 1");
        var details = (await admin.GetDocumentAsync($"/admin/umfragen/{survey.Id}/codes")).QuerySelector("main")!;
        Assert.Contains(details.QuerySelectorAll("p"), p => p.TextContent == "Einladungscodes erzeugt: 1, davon verwendet: 0.");
    }

    [Fact]
    public async Task Duplicate_MakesAnEditableDraftOfAnOpenSurvey()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var survey = await GoldenSurvey.CreateAsync(site.Services);

        using var response = await admin.PostFormAsync($"/admin/umfragen/{survey.Id}", [], "form[action*='handler=Duplicate']");
        var copyUrl = response.Headers.Location!.OriginalString;
        var copy = await admin.GetDocumentAsync(copyUrl);

        Assert.NotEqual($"/admin/umfragen/{survey.Id}", copyUrl);
        Assert.Equal("Kopie: Mobilität im Test", copy.QuerySelector("h1")!.TextContent);
        Assert.NotNull(copy.QuerySelector("form[action*='handler=Open']"));
    }

    private async Task WaitForResultsAsync(long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if ((await site.Get<SurveyStore>().FindAsync(id))!.ResultsComputedAt is not null)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail("The results job enqueued on closing did not run.");
    }
}
