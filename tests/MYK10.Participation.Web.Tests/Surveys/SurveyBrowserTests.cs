using Microsoft.Playwright;
using MYK10.Participation.Staff;
using MYK10.Participation.Surveys;
using MYK10.Participation.Tests.Surveys;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Surveys;

[Collection(BrowserCollection.Name)]
public sealed class SurveyBrowserTests(BrowserFixture browser, SurveyBrowserTests.Site site) : IClassFixture<SurveyBrowserTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site() => UseRealServer();
    }

    /// <summary>One page with a required question of every type that takes an answer, plus an information text.</summary>
    private async Task<(long Id, SurveyDefinition Definition)> AllKindsAsync()
    {
        var builder = site.Get<SurveyBuilder>();
        var id = await builder.CreateAsync(new SurveyInput("Alle Fragetypen", "Ein Test aller Fragetypen.", "kreis", null, null, SurveyMode.Open, true, "Danke!"));
        var page = (await site.Get<SurveyStore>().LoadAsync(id))!.Pages[0].Id;
        var options = GoldenSurvey.Options("Erste Antwort", "Zweite Antwort", "Dritte Antwort");
        QuestionInput Q(QuestionKind kind, string text, QuestionSettings? settings = null) => new(kind, text, kind == QuestionKind.Single ? "Eine Hilfe zur Frage." : "", kind != QuestionKind.Info, settings ?? new QuestionSettings());
        foreach (var input in new[]
        {
            Q(QuestionKind.Info, "Bitte beantworten Sie alle Fragen."),
            Q(QuestionKind.Single, "Einfachauswahl", new() { Options = options }),
            Q(QuestionKind.Dropdown, "Auswahlliste", new() { Options = options }),
            Q(QuestionKind.Multiple, "Mehrfachauswahl", new() { Options = options, AllowOther = true, MinSelections = 1, MaxSelections = 2 }),
            Q(QuestionKind.YesNo, "Ja oder nein"),
            Q(QuestionKind.Rating, "Bewertung", new() { ScaleMax = 10, LowLabel = "schlecht", HighLabel = "sehr gut" }),
            Q(QuestionKind.Matrix, "Matrix", new() { Rows = [new("r1", "Erste Aussage"), new("r2", "Zweite Aussage")], Scale = ["nein", "eher nein", "eher ja", "ja"] }),
            Q(QuestionKind.Ranking, "Rangfolge", new() { Options = options }),
            Q(QuestionKind.Number, "Zahl", new() { Min = 0, Max = 100, IntegerOnly = true }),
            Q(QuestionKind.Date, "Datum"),
            Q(QuestionKind.ShortText, "Kurzer Text"),
            Q(QuestionKind.LongText, "Langer Text", new() { MaxLength = 300 }),
            Q(QuestionKind.Consent, "Ich stimme zu."),
        })
        {
            Assert.True((await builder.AddQuestionAsync(id, page, input)).Succeeded, input.Text);
        }

        Assert.True((await builder.OpenAsync(id)).Succeeded);
        return (id, (await site.Get<SurveyStore>().LoadAsync(id))!);
    }

    private static string Css(SurveyDefinition definition, QuestionKind kind, string item = "") =>
        "#" + SurveyFields.Id(definition.Questions.First(q => q.Kind == kind).Id, item);

    [Fact]
    public async Task EveryQuestionType_PassesAxe_Shown_WithErrors_Answered_AndOnThePhone()
    {
        var (id, definition) = await AllKindsAsync();
        var page = await browser.OpenAsync(site);
        await page.GotoAsync($"/umfragen/{id}");
        await page.AssertNoAxeViolationsAsync();
        await page.AssertOneH1AndNoHorizontalScrollAsync();

        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        Assert.Equal(12, await page.Locator(".error-summary li").CountAsync());
        await page.AssertNoAxeViolationsAsync();

        await page.CheckAsync(Css(definition, QuestionKind.Single));
        await page.SelectOptionAsync(Css(definition, QuestionKind.Dropdown), "o2");
        await page.CheckAsync(Css(definition, QuestionKind.Multiple));
        await page.CheckAsync(Css(definition, QuestionKind.Multiple) + "__other");
        await page.FillAsync(Css(definition, QuestionKind.Multiple, "other"), "Etwas anderes");
        await page.CheckAsync(Css(definition, QuestionKind.YesNo));
        await page.CheckAsync(Css(definition, QuestionKind.Rating) + "__7");
        await page.CheckAsync(Css(definition, QuestionKind.Matrix, "r1"));
        await page.CheckAsync(Css(definition, QuestionKind.Matrix, "r2") + "__4");
        await page.SelectOptionAsync(Css(definition, QuestionKind.Ranking, "o1"), "2");
        await page.SelectOptionAsync(Css(definition, QuestionKind.Ranking, "o2"), "1");
        await page.SelectOptionAsync(Css(definition, QuestionKind.Ranking, "o3"), "3");
        await page.FillAsync(Css(definition, QuestionKind.Number), "42");
        await page.FillAsync(Css(definition, QuestionKind.Date), "2026-10-01");
        await page.FillAsync(Css(definition, QuestionKind.ShortText), "Kurz");
        await page.FillAsync(Css(definition, QuestionKind.LongText), "Etwas länger.");
        await page.CheckAsync(Css(definition, QuestionKind.Consent));
        await page.AssertNoAxeViolationsAsync();

        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync($"**/umfragen/{id}/pruefen");
        Assert.Contains("Etwas anderes", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("1. Zweite Antwort", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.AssertNoAxeViolationsAsync();

        var phone = await browser.OpenAsync(site, width: 360, height: 740);
        await phone.GotoAsync($"/umfragen/{id}");
        await phone.AssertOneH1AndNoHorizontalScrollAsync();
    }

    [Fact]
    public async Task MultiPageSurvey_AnsweredWithTheKeyboardAlone()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services);
        var page = await browser.OpenAsync(site, width: 390, height: 800);
        await page.GotoAsync($"/umfragen/{survey.Id}");

        // Page 1: "Land" (second radio: Tab into the group, arrow down), "Bus" (second checkbox), "Ja" (children).
        await page.TabToAsync($"#{SurveyFields.Id(survey.Q["place"])}");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.TabToAsync($"#{SurveyFields.Id(survey.Q["modes"])}__o2");
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync($"#{SurveyFields.Id(survey.Q["kids"])}");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**seite=2");
        Assert.Contains("Seite 2 von 3", await page.InnerTextAsync(".survey-progress"), StringComparison.Ordinal);

        // Page 2: Kita rating 4 (first radio, then three arrows); then back and forward, keeping the answers.
        await page.TabToAsync($"#{SurveyFields.Id(survey.Q["kita"])}");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.TabToAsync("button[value=zurueck]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**seite=1");
        Assert.True(await page.IsCheckedAsync($"#{SurveyFields.Id(survey.Q["place"])}__o2"));
        await page.TabToAsync("button[value=weiter]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**seite=2");
        Assert.True(await page.IsCheckedAsync($"#{SurveyFields.Id(survey.Q["kita"])}__4"));
        await page.TabToAsync("button[value=weiter]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**seite=3");

        // Page 3: a matrix row, the ranking with selects, a number, the remark, consent; Enter in a text field goes on.
        await page.TabToAsync($"#{SurveyFields.Id(survey.Q["offers"], "r1")}");
        await page.Keyboard.PressAsync("ArrowRight");
        foreach (var (option, presses) in new[] { ("o1", 2), ("o2", 1), ("o3", 3) })
        {
            await page.TabToAsync($"#{SurveyFields.Id(survey.Q["goals"], option)}");
            for (var i = 0; i < presses; i++)
            {
                await page.Keyboard.PressAsync("ArrowDown");
            }
        }

        await page.TabToAsync($"#{SurveyFields.Id(survey.Q["consent"])}");
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync($"#{SurveyFields.Id(survey.Q["age"])}");
        await page.Keyboard.TypeAsync("72");
        await page.TabToAsync($"#{SurveyFields.Id(survey.Q["remark"])}");
        await page.Keyboard.TypeAsync("Mit der Tastatur beantwortet");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/pruefen");
        await page.AssertNoAxeViolationsAsync();
        var review = await page.InnerTextAsync("main");
        Assert.Contains("1. Busse", review, StringComparison.Ordinal);
        Assert.Contains("Busse: mittel", review, StringComparison.Ordinal);

        await page.TabToAsync("#Input_MunicipalityId");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.TabToAsync("form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/danke");
        await page.AssertNoAxeViolationsAsync();
        Assert.Equal(1, await site.Get<SurveyStore>().CountResponsesAsync(survey.Id));
    }

    [Fact]
    public async Task ResultsPage_WithChartsAndTables_PassesAxe_FilteredAndOnThePhone()
    {
        var survey = await GoldenSurvey.CreatePublishedAsync(site.Services);
        var texts = await site.Get<SurveyResultsStore>().FreeTextsAsync(survey.Id);
        await site.Get<SurveyBuilder>().PublishTextAsync(survey.Id, texts[0].QuestionId, texts[0].ResponseId, true);

        var page = await browser.OpenAsync(site);
        await page.GotoAsync($"/umfragen/{survey.Id}/ergebnisse");
        Assert.Equal(9, await page.Locator(".bar-chart[role=img]").CountAsync());
        await page.AssertNoAxeViolationsAsync();
        await page.AssertOneH1AndNoHorizontalScrollAsync();

        await page.SelectOptionAsync("#kommune", "mayen");
        await page.ClickAsync("form.filter-form button");
        await page.WaitForURLAsync("**kommune=mayen");
        Assert.Contains("2 Teilnahmen", await page.InnerTextAsync(".lead"), StringComparison.Ordinal);
        await page.AssertNoAxeViolationsAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator("form.filter-form").IsVisibleAsync());
        Assert.Equal("Antworten aus: Mayen (2 Teilnahmen)", (await page.InnerTextAsync(".results-segment")).Trim());
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });

        var phone = await browser.OpenAsync(site, width: 360, height: 740);
        await phone.GotoAsync($"/umfragen/{survey.Id}/ergebnisse");
        await phone.AssertOneH1AndNoHorizontalScrollAsync();

        await page.GotoAsync("/umfragen");
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task BuilderPages_PassAxe()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services, SurveyMode.Codes, open: false);
        var closed = await GoldenSurvey.CreateAsync(site.Services);
        await closed.SubmitFixedResponsesAsync(site.Services);
        await site.Get<SurveyBuilder>().CloseAsync(closed.Id);
        var definition = (await site.Get<SurveyStore>().LoadAsync(survey.Id))!;
        var page = await browser.OpenAsync(site);
        await page.SignInStaffAsync(site, StaffRole.Admin);

        foreach (var url in new[]
        {
            "/admin/umfragen", "/admin/umfragen/neu", $"/admin/umfragen/{survey.Id}", $"/admin/umfragen/{survey.Id}/einstellungen",
            $"/admin/umfragen/{survey.Id}/frage?seite={definition.Pages[0].Id}", $"/admin/umfragen/{survey.Id}/frage/{survey.Q["offers"]}",
            $"/admin/umfragen/{survey.Id}/bedingungen?frage={survey.Q["remark"]}", $"/admin/umfragen/{survey.Id}/bedingungen?seite={definition.Pages[1].Id}",
            $"/admin/umfragen/{survey.Id}/vorschau", $"/admin/umfragen/{survey.Id}/codes",
            $"/admin/umfragen/{closed.Id}", $"/admin/umfragen/{closed.Id}/freitexte", $"/umfragen/{closed.Id}/ergebnisse",
        })
        {
            var response = await page.GotoAsync(url);
            Assert.True(response!.Ok, $"{url}: {response.Status}");
            await page.AssertNoAxeViolationsAsync();
            await page.AssertOneH1AndNoHorizontalScrollAsync();
        }

        // Forms with errors.
        await page.GotoAsync("/admin/umfragen/neu");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync($"/admin/umfragen/{survey.Id}/codes");
        await page.FillAsync("#Input_Count", "5");
        await page.ClickAsync("main button[type=submit]:not([formaction])");
        await page.WaitForSelectorAsync(".code-list");
        Assert.Equal(5, await page.Locator(".code-list li").CountAsync());
        await page.AssertNoAxeViolationsAsync();
    }
}
