using System.Net;
using Dapper;
using MYK10.Participation.Data;
using MYK10.Participation.Surveys;
using MYK10.Participation.Tests.Surveys;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Surveys;

public sealed class AnsweringTests(AnsweringTests.Site site) : IClassFixture<AnsweringTests.Site>
{
    public sealed class Site : SiteFactory;

    /// <summary>A visitor who has opened the golden survey and answered nothing yet, and the survey's address.</summary>
    private async Task<(HttpClient Client, string Url)> UnansweredSurveyAsync()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services);
        var client = site.CreateBrowserLikeClient();
        var url = $"/umfragen/{survey.Id}";
        (await client.GetAsync(url)).Dispose();
        return (client, url);
    }

    private static string F(GoldenSurvey survey, string question, string item = "") => SurveyFields.Name(survey.Q[question], item);

    private static Dictionary<string, string> Next(params (string Key, string Value)[] fields)
    {
        var form = fields.ToDictionary(f => f.Key, f => f.Value);
        form["Input.Direction"] = "weiter";
        return form;
    }

    [Theory]
    [InlineData(true, "Diese Umfrage ist anonym: Ihre Antworten werden ohne Namen, Code und Uhrzeit gespeichert.")]
    [InlineData(false, "Diese Umfrage ist nicht anonym: Ihre Antworten werden dem Cookie dieses Browsers zugeordnet.")]
    public async Task OpenSurvey_SaysWhatItsAnswersAreLinkedTo(bool anonymous, string hint)
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services, SurveyMode.Open, anonymous);

        var first = await site.CreateBrowserLikeClient().GetDocumentAsync($"/umfragen/{survey.Id}");

        Assert.Contains(hint, first.QuerySelectorAll("p.muted").Select(p => p.TextContent.Trim()));
    }

    [Fact]
    public async Task ReviewPage_LinksEachMissingAnswer_ToItsQuestionsField_NotOnlyToItsPage()
    {
        var (client, url) = await UnansweredSurveyAsync();

        var review = await client.GetDocumentAsync($"{url}/pruefen");

        var links = review.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var (page, fragment) = (link.Split('#')[0], link.Split('#').ElementAtOrDefault(1));
            Assert.False(string.IsNullOrEmpty(fragment), $"{link} leads to the page, not to the question.");
            var target = (await client.GetDocumentAsync(page)).GetElementById(fragment);
            Assert.True(target is AngleSharp.Html.Dom.IHtmlInputElement or AngleSharp.Html.Dom.IHtmlSelectElement or AngleSharp.Html.Dom.IHtmlTextAreaElement, $"{link} names no field on its page.");
        }
    }

    [Fact]
    public async Task MissingAnswers_AreListedInTheSummary_InTheQuestionsOrderOnThePage()
    {
        // Asked before "place" on its page, "kids" has the larger id, so model state lists it second.
        var survey = await GoldenSurvey.CreateAsync(site.Services, open: false);
        var builder = site.Get<SurveyBuilder>();
        Assert.True((await builder.MoveQuestionAsync(survey.Id, survey.Q["kids"], -1)).Succeeded);
        Assert.True((await builder.MoveQuestionAsync(survey.Id, survey.Q["kids"], -1)).Succeeded);
        Assert.True((await builder.OpenAsync(survey.Id)).Succeeded);
        var client = site.CreateBrowserLikeClient();
        var url = $"/umfragen/{survey.Id}";
        await client.GetDocumentAsync(url);

        using var response = await client.PostFormAsync(url, Next());
        var document = await response.ReadDocumentAsync();

        Assert.Equal([$"#{SurveyFields.Id(survey.Q["kids"])}", $"#{SurveyFields.Id(survey.Q["place"])}"], document.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task MultiPageSurvey_AnsweredWithoutJavaScript_IsStoredOnce_WithTheChosenMunicipality()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services);
        var client = site.CreateBrowserLikeClient();
        var url = $"/umfragen/{survey.Id}";

        var first = await client.GetDocumentAsync(url);
        // The Kita page depends on an answer on page 1, so it is not counted yet.
        Assert.Equal("Seite 1 von 2", first.QuerySelector(".survey-progress span")!.TextContent.Trim());

        using var page1 = await client.PostFormAsync(url, Next((F(survey, "place"), "o2"), (F(survey, "modes"), "o2"), (F(survey, "kids"), "yes")));
        Assert.Equal($"{url}?seite=2", page1.Headers.Location!.OriginalString);
        Assert.Equal("Seite 2 von 3", (await client.GetDocumentAsync($"{url}?seite=2")).QuerySelector(".survey-progress span")!.TextContent.Trim());
        using var page2 = await client.PostFormAsync($"{url}?seite=2", Next((F(survey, "kita"), "4")));
        Assert.Equal($"{url}?seite=3", page2.Headers.Location!.OriginalString);
        using var page3 = await client.PostFormAsync($"{url}?seite=3", Next(
            (F(survey, "offers", "r1"), "3"), (F(survey, "goals", "o1"), "2"), (F(survey, "goals", "o2"), "1"), (F(survey, "goals", "o3"), "3"),
            (F(survey, "age"), "41"), (F(survey, "remark"), "Mehr Radwege"), (F(survey, "consent"), "1")));
        Assert.Equal($"{url}/pruefen", page3.Headers.Location!.OriginalString);

        var review = await client.GetDocumentAsync($"{url}/pruefen");
        var reviewText = review.QuerySelector("main")!.TextContent;
        Assert.Contains("Land", reviewText, StringComparison.Ordinal);
        Assert.Contains("1. Busse", reviewText, StringComparison.Ordinal);
        Assert.Contains("Mehr Radwege", reviewText, StringComparison.Ordinal);
        Assert.Contains("Stadt Andernach", review.QuerySelectorAll("#Input_MunicipalityId option").Select(o => o.TextContent)); // named as in the profile

        using var submit = await client.PostFormAsync($"{url}/pruefen", new() { ["Input.MunicipalityId"] = "mendig" });
        Assert.Equal($"{url}/danke", submit.Headers.Location!.OriginalString);
        var thanks = await client.GetDocumentAsync($"{url}/danke");
        Assert.Equal("Vielen Dank für Ihre Teilnahme!", thanks.QuerySelector("h1")!.TextContent);

        // The thanks are for the browser that submitted, once: a reload, or anyone else, lands on the survey's page.
        foreach (var visitor in new[] { client, site.CreateBrowserLikeClient() })
        {
            using var reload = await visitor.GetAsync($"{url}/danke");
            Assert.Equal(HttpStatusCode.Redirect, reload.StatusCode);
            Assert.Equal(url, reload.Headers.Location!.OriginalString);
        }

        await using var connection = await site.Get<IDbConnectionFactory>().OpenAsync();
        Assert.Equal("mendig", await connection.ExecuteScalarAsync<string>("SELECT municipality_id FROM survey_responses WHERE survey_id = @Id", new { survey.Id }));
        Assert.Equal(11, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id WHERE r.survey_id = @Id", new { survey.Id }));

        // The same browser again: already answered, and a second post of the review form stores nothing.
        var again = await client.GetDocumentAsync(url);
        Assert.Contains("bereits teilgenommen", again.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await site.Get<SurveyStore>().CountResponsesAsync(survey.Id));
    }

    [Fact]
    public async Task EmptyRequiredAnswers_ShowGermanErrorsLinkedToTheFields_AndKeepTheGivenAnswers()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services);
        var client = site.CreateBrowserLikeClient();
        var url = $"/umfragen/{survey.Id}";

        using var response = await client.PostFormAsync(url, Next((F(survey, "modes"), "o1")));
        var document = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = document.QuerySelector(".error-summary")!;
        Assert.NotNull(summary.QuerySelector($"a[href='#{SurveyFields.Id(survey.Q["place"])}']"));
        Assert.Contains("Bitte beantworten Sie diese Frage.", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", document.QuerySelector($"#{SurveyFields.Id(survey.Q["place"])}")!.GetAttribute("aria-invalid"));
        Assert.StartsWith("Fehler: ", document.Title, StringComparison.Ordinal);
        Assert.True(document.QuerySelector($"input[name='{F(survey, "modes")}'][value='o1']")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task HiddenPage_IsSkipped_AndBackKeepsTheAnswers()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services);
        var client = site.CreateBrowserLikeClient();
        var url = $"/umfragen/{survey.Id}";

        using var page1 = await client.PostFormAsync(url, Next((F(survey, "place"), "o1"), (F(survey, "kids"), "no")));
        var page2 = await client.GetDocumentAsync(page1.Headers.Location!.OriginalString);
        Assert.Equal("Seite 2 von 2", page2.QuerySelector(".survey-progress span")!.TextContent.Trim());
        Assert.Equal("Bewertung", page2.QuerySelector("main h2")!.TextContent);

        using var back = await client.PostFormAsync($"{url}?seite=2", new() { ["Input.Direction"] = "zurueck", [F(survey, "age")] = "55" });
        Assert.Equal($"{url}?seite=1", back.Headers.Location!.OriginalString);
        var again = await client.GetDocumentAsync($"{url}?seite=1");
        Assert.True(again.QuerySelector($"input[name='{F(survey, "place")}'][value='o1']")!.HasAttribute("checked"));
        var forward = await client.GetDocumentAsync($"{url}?seite=2");
        Assert.Equal("55", forward.QuerySelector($"#{SurveyFields.Id(survey.Q["age"])}")!.GetAttribute("value"));
    }

    [Fact]
    public async Task WholeNumberQuestion_OpensTheDigitKeyboardOnPhones_NotTheDecimalOne()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services);
        var client = site.CreateBrowserLikeClient();

        using var page1 = await client.PostFormAsync($"/umfragen/{survey.Id}", Next((F(survey, "place"), "o1"), (F(survey, "kids"), "no")));
        var page2 = await client.GetDocumentAsync(page1.Headers.Location!.OriginalString);

        Assert.Equal("numeric", page2.QuerySelector($"#{SurveyFields.Id(survey.Q["age"])}")!.GetAttribute("inputmode"));
    }

    [Fact]
    public async Task ReviewPage_InEnglish_MarksTheQuestionsAndPageTitlesAsGerman_ApartFromTheEnglishWordsAroundThem()
    {
        var (client, url) = await UnansweredSurveyAsync();

        var (german, english) = await client.GermanThenEnglishAsync($"{url}/pruefen");

        Assert.Null(german.QuerySelector("main [lang]"));
        var missing = english.QuerySelectorAll(".error-summary a").First(a => a.TextContent.Contains("Wohnen Sie", StringComparison.Ordinal));
        Assert.StartsWith("Page 1, “Wohnen Sie in der Stadt oder auf dem Land?”: ", missing.TextContent, StringComparison.Ordinal);
        Assert.Equal("Wohnen Sie in der Stadt oder auf dem Land?", missing.QuerySelector("span[lang=de]")?.TextContent);
        Assert.Null(missing.Closest("[lang=de]"));
        Assert.Equal(("2. Bewertung", "Bewertung"), english.QuerySelectorAll(".review-page h2").Select(h => (h.TextContent, h.QuerySelector("span[lang=de]")?.TextContent)).ElementAt(1));
        Assert.All(english.QuerySelectorAll(".review-list dt"), dt => Assert.Equal("de", dt.GetAttribute("lang")));
    }

    [Fact]
    public async Task AnsweringForm_InEnglish_MarksTheScaleLabelsAsGerman_InsideTheEnglishHint()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services);
        var client = site.CreateBrowserLikeClient();
        // With children in the household, the second page asks about the Kitas on a scale with named ends.
        using var page1 = await client.PostFormAsync($"/umfragen/{survey.Id}", Next((F(survey, "place"), "o1"), (F(survey, "kids"), "yes")));

        var (german, english) = await client.GermanThenEnglishAsync(page1.Headers.Location!.OriginalString);

        var hint = $"#{SurveyFields.Id(survey.Q["kita"])}-hint";
        Assert.Equal("1 bedeutet „gar nicht“, 5 bedeutet „sehr“.", german.QuerySelector(hint)!.InnerHtml.Trim());
        Assert.Equal("1 means “<span lang=\"de\">gar nicht</span>”, 5 means “<span lang=\"de\">sehr</span>”.", english.QuerySelector(hint)!.InnerHtml.Trim());
    }

    [Fact]
    public async Task ReviewPage_InEnglish_MarksChosenOptionsAsGerman_AndNotTheTranslatedYesOrNo()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services);
        var client = site.CreateBrowserLikeClient();
        var url = $"/umfragen/{survey.Id}";
        (await client.PostFormAsync(url, Next((F(survey, "place"), "o1"), (F(survey, "modes"), "o2"), (F(survey, "kids"), "no")))).Dispose();

        var (german, english) = await client.GermanThenEnglishAsync($"{url}/pruefen");

        Assert.Null(german.QuerySelector("main [lang]"));
        string? Answer(string question) => english.QuerySelectorAll(".review-list div").Single(d => d.QuerySelector("dt")!.TextContent == question).QuerySelector("dd")!.InnerHtml.Trim();
        Assert.Equal("<span lang=\"de\">Stadt</span>", Answer("Wohnen Sie in der Stadt oder auf dem Land?"));
        Assert.Equal("<span lang=\"de\">Bus</span>", Answer("Welche Verkehrsmittel nutzen Sie?"));
        Assert.Equal("No", Answer("Leben Kinder in Ihrem Haushalt?"));
    }

    [Fact]
    public async Task APageChangedFromTheReviewPage_LeadsBackToTheReview_NotThroughTheFollowingPages()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services);
        var client = site.CreateBrowserLikeClient();
        var url = $"/umfragen/{survey.Id}";
        (await client.PostFormAsync(url, Next((F(survey, "place"), "o1"), (F(survey, "kids"), "no")))).Dispose();
        (await client.PostFormAsync($"{url}?seite=2", Next((F(survey, "remark"), "Mehr Radwege"), (F(survey, "consent"), "1")))).Dispose();

        var change = (await client.GetDocumentAsync($"{url}/pruefen")).QuerySelectorAll("main a").Single(a => a.TextContent.Trim() == "Seite 1 ändern").GetAttribute("href")!;
        var page1 = await client.GetDocumentAsync(change);
        using var changed = await client.PostFormAsync(change, Next((F(survey, "place"), "o2"), (F(survey, "kids"), "no")));

        Assert.Equal("Weiter zur Übersicht", page1.QuerySelector("button[value=weiter]")!.TextContent.Trim());
        Assert.Equal($"{url}/pruefen", changed.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task FieldsOfOtherPagesOrHiddenQuestions_PostedOnPurpose_AreNotStored()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services);
        var client = site.CreateBrowserLikeClient();
        var url = $"/umfragen/{survey.Id}";

        // Page 1 with the Kita rating and the remark smuggled in; the page hides Kita (no children) and the remark (town).
        await client.PostFormAsync(url, Next((F(survey, "place"), "o1"), (F(survey, "kids"), "no"), (F(survey, "kita"), "1"), (F(survey, "remark"), "geschmuggelt")));
        await client.PostFormAsync($"{url}?seite=2", Next((F(survey, "age"), "30"), (F(survey, "consent"), "1"), (F(survey, "remark"), "geschmuggelt")));
        using var submit = await client.PostFormAsync($"{url}/pruefen", []);

        Assert.Equal($"{url}/danke", submit.Headers.Location!.OriginalString);
        await using var connection = await site.Get<IDbConnectionFactory>().OpenAsync();
        var stored = (await connection.QueryAsync<long>(
            "SELECT a.question_id FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id WHERE r.survey_id = @Id ORDER BY 1", new { survey.Id })).ToList();
        Assert.Equal(new[] { survey.Q["place"], survey.Q["kids"], survey.Q["age"], survey.Q["consent"] }.Order(), stored);
    }

    [Fact]
    public async Task CodesMode_AsksForTheCode_RefusesWrongOnes_AndACodeAnswersOnce()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services, SurveyMode.Codes);
        var code = (await site.Get<InvitationCodes>().GenerateAsync(survey.Id, 1))[0];
        var url = $"/umfragen/{survey.Id}";
        var client = site.CreateBrowserLikeClient();

        using var wrong = await client.PostFormAsync(url, new() { ["Input.Code"] = "AAAAA-BBBBB" });
        Assert.Contains("nicht gültig", (await wrong.ReadDocumentAsync()).QuerySelector("#Input_Code-error")!.TextContent, StringComparison.Ordinal);

        using var right = await client.PostFormAsync(url, new() { ["Input.Code"] = code.ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        await client.PostFormAsync(url, Next((F(survey, "place"), "o1"), (F(survey, "kids"), "no")));
        await client.PostFormAsync($"{url}?seite=2", Next((F(survey, "age"), "30"), (F(survey, "consent"), "1")));
        using var submit = await client.PostFormAsync($"{url}/pruefen", []);
        Assert.Equal($"{url}/danke", submit.Headers.Location!.OriginalString);

        var other = site.CreateBrowserLikeClient();
        using var reuse = await other.PostFormAsync(url, new() { ["Input.Code"] = code });
        Assert.Contains("bereits teilgenommen", (await reuse.ReadDocumentAsync()).QuerySelector("#Input_Code-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifiedMode_NeedsSignIn_AndTakesTheMunicipalityFromTheProfile()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services, SurveyMode.Verified);
        var url = $"/umfragen/{survey.Id}";

        var anonymous = await site.CreateBrowserLikeClient().GetDocumentAsync(url);
        Assert.NotNull(anonymous.QuerySelector($"a[href^='/konto/anmelden']"));

        var (client, participantId) = await site.ParticipantClientAsync(municipalityId: "pellenz");
        await client.PostFormAsync(url, Next((F(survey, "place"), "o1"), (F(survey, "kids"), "no")));
        await client.PostFormAsync($"{url}?seite=2", Next((F(survey, "age"), "30"), (F(survey, "consent"), "1")));
        using var submit = await client.PostFormAsync($"{url}/pruefen", []);
        Assert.Equal($"{url}/danke", submit.Headers.Location!.OriginalString);

        await using var connection = await site.Get<IDbConnectionFactory>().OpenAsync();
        Assert.Equal("pellenz", await connection.ExecuteScalarAsync<string>("SELECT municipality_id FROM survey_responses WHERE survey_id = @Id", new { survey.Id }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM survey_participations WHERE survey_id = @Id AND participant_id = @P", new { survey.Id, P = participantId }));
        Assert.Contains("bereits teilgenommen", (await client.GetDocumentAsync(url)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The survey list marks it for this participant only.
        string? Mark(AngleSharp.Dom.IDocument list) => list.QuerySelector($"li:has(a[href='{url}']) .answered-mark")?.TextContent;
        Assert.Equal("Sie haben an dieser Umfrage teilgenommen.", Mark(await client.GetDocumentAsync("/umfragen")));
        Assert.Null(Mark(await (await site.ParticipantClientAsync()).Client.GetDocumentAsync("/umfragen")));
        var list = await site.CreateBrowserLikeClient().GetDocumentAsync("/umfragen");
        Assert.Null(Mark(list));
        // A survey of the whole district says so in the words the votes use, not by the district's short name.
        Assert.StartsWith("Für: ganzer Landkreis ·", list.QuerySelector($"li:has(a[href='{url}']) p.muted")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftSurvey_IsNotFound_AndClosedSurvey_SaysSo()
    {
        var draft = await GoldenSurvey.CreateAsync(site.Services, open: false);
        var client = site.CreateBrowserLikeClient();

        using var response = await client.GetAsync($"/umfragen/{draft.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
