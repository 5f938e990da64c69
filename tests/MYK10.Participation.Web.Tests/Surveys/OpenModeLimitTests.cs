using System.Net;
using MYK10.Participation.Staff;
using MYK10.Participation.Surveys;
using MYK10.Participation.Tests.Surveys;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Surveys;

public sealed class OpenModeLimitTests(OpenModeLimitTests.Site site) : IClassFixture<OpenModeLimitTests.Site>
{
    public sealed class Site() : SiteFactory(new() { ["RateLimits:SurveySubmit:PermitLimit"] = "2" });

    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient client, GoldenSurvey survey, string honeypot = "")
    {
        var url = $"/umfragen/{survey.Id}";
        await client.PostFormAsync(url, new()
        {
            [SurveyFields.Name(survey.Q["place"])] = "o1",
            [SurveyFields.Name(survey.Q["kids"])] = "no",
            ["Input.Direction"] = "weiter",
        });
        await client.PostFormAsync($"{url}?seite=2", new()
        {
            [SurveyFields.Name(survey.Q["age"])] = "30",
            [SurveyFields.Name(survey.Q["consent"])] = "1",
            ["Input.Direction"] = "weiter",
        });
        return await client.PostFormAsync($"{url}/pruefen", new() { ["Homepage"] = honeypot });
    }

    [Fact]
    public async Task OpenSurvey_FromOneAddress_IsLimited_AndEachBrowserAnswersOnce()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services);

        // Two browsers answer; a third from the same address is told to wait, in German.
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(site.CreateBrowserLikeClient(), survey)).StatusCode);
        var browser = site.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(browser, survey)).StatusCode);
        using var third = await AnswerAsync(site.CreateBrowserLikeClient(), survey);
        var document = await third.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Contains("Zu viele Versuche", document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await site.Get<SurveyStore>().CountResponsesAsync(survey.Id));
        Assert.Contains("bereits teilgenommen", (await browser.GetDocumentAsync($"/umfragen/{survey.Id}")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenSurvey_WithTheHoneypotFilled_ThanksTheBotButStoresNoResponse()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services);

        using var bot = await AnswerAsync(site.CreateBrowserLikeClient(), survey, honeypot: "http://spam.example");

        Assert.Equal(HttpStatusCode.Redirect, bot.StatusCode);
        Assert.Equal($"/umfragen/{survey.Id}/danke", bot.Headers.Location!.OriginalString);
        Assert.Equal(0, await site.Get<SurveyStore>().CountResponsesAsync(survey.Id));
    }

    [Fact]
    public async Task ClosedSurvey_SaysItHasClosed_AndLinksToPublishedResults()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services);
        await site.Get<SurveyBuilder>().CloseAsync(survey.Id);
        await site.Get<SurveyBuilder>().PublishResultsAsync(survey.Id, true);

        var document = await site.CreateBrowserLikeClient().GetDocumentAsync($"/umfragen/{survey.Id}");

        Assert.Contains("Diese Umfrage ist beendet.", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector($"main a[href='/umfragen/{survey.Id}/ergebnisse']"));
        Assert.Null(document.QuerySelector("main form"));
    }

    [Fact]
    public async Task SurveyList_ShowsOpenSurveysOfTheMunicipalityAndTheCounty_AndClosedOnesWithResults()
    {
        var builder = site.Get<SurveyBuilder>();
        async Task<long> OpenAsync(string title, string municipality)
        {
            var id = await builder.CreateAsync(new SurveyInput(title, "", municipality, null, null, SurveyMode.Open, true, ""));
            var page = (await site.Get<SurveyStore>().LoadAsync(id))!.Pages[0].Id;
            await builder.AddQuestionAsync(id, page, new QuestionInput(QuestionKind.YesNo, "Frage", "", true, new QuestionSettings()));
            await builder.OpenAsync(id);
            return id;
        }

        await OpenAsync("Umfrage für Mayen", "mayen");
        await OpenAsync("Umfrage für Bendorf", "bendorf");
        await OpenAsync("Umfrage für den Kreis", "kreis");
        var client = site.CreateBrowserLikeClient();

        var mayen = (await client.GetDocumentAsync("/umfragen?kommune=mayen")).QuerySelector("main")!.TextContent;

        Assert.Contains("Umfrage für Mayen", mayen, StringComparison.Ordinal);
        Assert.Contains("Umfrage für den Kreis", mayen, StringComparison.Ordinal);
        Assert.DoesNotContain("Umfrage für Bendorf", mayen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecurringResultsJob_IsRegisteredWithHangfire()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);

        var html = await admin.GetStringAsync("/admin/jobs/recurring");

        Assert.Contains("survey-results", html, StringComparison.Ordinal);
    }
}
