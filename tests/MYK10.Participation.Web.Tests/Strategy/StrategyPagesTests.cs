using System.Net;
using System.Text.Json;
using Dapper;
using MYK10.Participation.Data;
using MYK10.Participation.Staff;
using MYK10.Participation.Strategy;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Strategy;

public sealed class StrategyPagesTests(StrategyPagesTests.Site site) : IClassFixture<StrategyPagesTests.Site>
{
    public sealed class Site : SiteFactory;

    [Fact]
    public async Task Measure_WithAnUnknownMunicipality_TheErrorSummaryLinksToTheFirstMunicipalityBox()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var goal = (await site.Get<StrategyService>().SaveGoalAsync(null, new GoalInput("verkehr-und-mobilitaet", "Wege verbinden", "", 0))).Id!.Value;

        using var response = await admin.PostFormAsync("/admin/strategie/massnahme", new()
        {
            ["Input.GoalId"] = goal.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Title"] = "Mitfahrbänke",
            ["Input.Status"] = "discussion",
            ["Input.MunicipalityIds"] = "atlantis",
        });

        var target = Assert.Single(ErrorSummary.AssertLinksLandOnFields(await response.ReadDocumentAsync()));
        Assert.Equal("Input.MunicipalityIds", target.GetAttribute("name"));
    }

    [Fact]
    public async Task AdminForms_GiveGermanMessages_AndSaveGoalMeasureAndPhase()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);

        using var badGoal = await admin.PostFormAsync("/admin/strategie/ziel", new() { ["Input.Title"] = "X" });
        var goalErrors = await badGoal.ReadDocumentAsync();
        Assert.Equal("Bitte wählen Sie ein Handlungsfeld.", goalErrors.QuerySelector("#Input_FieldId-error")!.TextContent.Trim());
        Assert.Equal("Der Titel muss 3 bis 200 Zeichen lang sein.", goalErrors.QuerySelector("#Input_Title-error")!.TextContent.Trim());

        using var goal = await admin.PostFormAsync("/admin/strategie/ziel", new() { ["Input.FieldId"] = "gesundheit", ["Input.Title"] = "Versorgung sichern", ["Input.Position"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, goal.StatusCode);
        var goalId = (await site.Get<StrategyStore>().StructureAsync(fieldId: "gesundheit")).Single().Goals.Single(g => g.Goal.Title == "Versorgung sichern").Goal.Id;

        using var badMeasure = await admin.PostFormAsync("/admin/strategie/massnahme", new() { ["Input.GoalId"] = goalId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Title"] = "Telemedizin", ["Input.CostEuros"] = "viel" });
        Assert.Contains("ganze Zahl", (await badMeasure.ReadDocumentAsync()).QuerySelector("#Input_CostEuros-error")!.TextContent, StringComparison.Ordinal);
        using var measure = await admin.PostFormAsync("/admin/strategie/massnahme", new()
        {
            ["Input.GoalId"] = goalId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Title"] = "Telemedizin in Gemeindehäusern",
            ["Input.Description"] = "Videosprechstunden im Gemeindehaus.",
            ["Input.CostEuros"] = "120.000",
            ["Input.Status"] = "discussion",
            ["Input.MunicipalityIds"] = "vordereifel",
        });
        Assert.Equal(HttpStatusCode.Redirect, measure.StatusCode);
        var saved = (await site.Get<StrategyStore>().StructureAsync(fieldId: "gesundheit")).Single().Goals.Single(g => g.Goal.Id == goalId).Measures.Single();
        Assert.Equal(120000, saved.CostEuros);

        using var badPhase = await admin.PostFormAsync("/admin/strategie/phasen", new() { ["Input.Name"] = "Ideen sammeln", ["Input.StartsOn"] = "2027-02-01", ["Input.EndsOn"] = "2027-01-01" });
        Assert.Equal("Das Ende darf nicht vor dem Anfang liegen.", (await badPhase.ReadDocumentAsync()).QuerySelector("#Input_EndsOn-error")!.TextContent.Trim());
        using var phase = await admin.PostFormAsync("/admin/strategie/phasen", new() { ["Input.Name"] = "Ideen sammeln", ["Input.StartsOn"] = "2090-09-01", ["Input.EndsOn"] = "2090-12-31" });
        Assert.Equal(HttpStatusCode.Redirect, phase.StatusCode);

        var page = await site.CreateBrowserLikeClient().GetDocumentAsync($"/strategie/massnahmen/{saved.Id}");
        Assert.Equal("Telemedizin in Gemeindehäusern", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Verbandsgemeinde Vordereifel", page.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("120.000", page.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("zur Diskussion", page.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPages_ModeratorsAndParticipants_AreRefused()
    {
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        var (participant, _) = await site.ParticipantClientAsync();

        using var asModerator = await moderator.GetAsync("/admin/strategie");
        using var asParticipant = await participant.GetAsync("/admin/strategie/massnahme");

        Assert.StartsWith("/staff/kein-zugriff", asModerator.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/staff/anmelden", asParticipant.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrintView_ContainsEveryNonDiscardedMeasureGroupedByFieldAndGoal_AndTheApiAgrees()
    {
        var service = site.Get<StrategyService>();
        var goal = (await service.SaveGoalAsync(null, new GoalInput("energie", "Druckziel Energie", "", 0))).Id!.Value;
        var kept = new[] { "Druck-Maßnahme A", "Druck-Maßnahme B" };
        foreach (var title in kept)
        {
            await service.SaveMeasureAsync(null, new MeasureInput(goal, title, "Text", null, 1000, null, "decided", [], 0, null), null);
        }

        await service.SaveMeasureAsync(null, new MeasureInput(goal, "Druck-Maßnahme verworfen", "Text", null, null, null, "discarded", [], 0, null), null);

        var print = await site.CreateBrowserLikeClient().GetDocumentAsync("/strategie/druck");
        var section = print.QuerySelector("section#feld-energie, section[aria-labelledby='feld-energie']")!;
        Assert.Contains("Druckziel Energie", section.TextContent, StringComparison.Ordinal);
        Assert.All(kept, k => Assert.Contains(k, section.TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Druck-Maßnahme verworfen", print.Body!.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"Stand: .+, Fassung \d+", print.QuerySelector(".version-line")!.TextContent);

        using var api = JsonDocument.Parse(await site.CreateBrowserLikeClient().GetStringAsync("/api/v1/strategy"));
        var energy = api.RootElement.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "energie");
        var titles = energy.GetProperty("goals").EnumerateArray().SelectMany(g => g.GetProperty("measures").EnumerateArray()).Select(m => m.GetProperty("title").GetString()).ToList();
        Assert.Contains("Druck-Maßnahme A", titles);
        Assert.DoesNotContain("Druck-Maßnahme verworfen", titles);
    }

    [Fact]
    public async Task ModerationAnswer_LinksTheIdea_BothPagesShowIt_AndTheMailNamesTheMeasure()
    {
        var service = site.Get<StrategyService>();
        var goal = (await service.SaveGoalAsync(null, new GoalInput("bildung", "Lernen digital", "", 0))).Id!.Value;
        var measure = (await service.SaveMeasureAsync(null, new MeasureInput(goal, "Lernwerkstatt in der Bücherei", "", null, null, null, "discussion", [], 0, null), null)).Id!.Value;
        var connections = site.Get<IDbConnectionFactory>();
        var author = await connections.ParticipantAsync(email: $"lern-{Guid.NewGuid():N}@example.org");
        var idea = await site.Get<MYK10.Participation.Ideas.IdeaService>().SubmitAsync(author, new("Offene Lernwerkstatt", "Eine offene Lernwerkstatt in der Bücherei für alle.", "bildung", "andernach", null));
        await connections.PublishAsync(idea.IdeaId!.Value);
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);

        using var answer = await moderator.PostFormAsync($"/moderation/ideen/{idea.IdeaId}", new()
        {
            ["Input.Status"] = "adopted",
            ["Input.Answer"] = "Die Idee ist Teil der Maßnahme geworden.",
            ["Input.MeasureIds"] = measure.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "form[action*='handler=Answer']");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);

        var ideaPage = await site.CreateBrowserLikeClient().GetDocumentAsync($"/ideen/{idea.IdeaId}");
        Assert.NotNull(ideaPage.QuerySelector($".official-answer a[href='/strategie/massnahmen/{measure}']"));
        var measurePage = await site.CreateBrowserLikeClient().GetDocumentAsync($"/strategie/massnahmen/{measure}");
        Assert.NotNull(measurePage.QuerySelector($"a[href='/ideen/{idea.IdeaId}']"));
        // In English the linked idea's and measure's titles stay German and are marked so (language of parts).
        var english = site.CreateBrowserLikeClient();
        await english.PostFormAsync("/strategie", new() { ["Input.Culture"] = "en", ["Input.ReturnUrl"] = "/strategie" }, "form.language-switch");
        Assert.Equal("de", (await english.GetDocumentAsync($"/ideen/{idea.IdeaId}")).QuerySelector($".official-answer a[href='/strategie/massnahmen/{measure}']")!.GetAttribute("lang"));
        Assert.Equal("de", (await english.GetDocumentAsync($"/strategie/massnahmen/{measure}")).QuerySelector($"a[href='/ideen/{idea.IdeaId}']")!.GetAttribute("lang"));

        // The next answer form starts with the measure ticked; unticked and sent, the link is gone from both pages.
        var review = await moderator.GetDocumentAsync($"/moderation/ideen/{idea.IdeaId}");
        Assert.True(review.QuerySelector($"#measure-{measure}")!.HasAttribute("checked"));
        using var unlinked = await moderator.SubmitFormAsync(review, $"/moderation/ideen/{idea.IdeaId}", new()
        {
            ["Input.Status"] = "not_feasible",
            ["Input.Answer"] = "Die Maßnahme wird anders umgesetzt.",
        }, "form[action*='handler=Answer']");
        Assert.Equal(HttpStatusCode.Redirect, unlinked.StatusCode);
        Assert.Null((await site.CreateBrowserLikeClient().GetDocumentAsync($"/strategie/massnahmen/{measure}")).QuerySelector($"a[href='/ideen/{idea.IdeaId}']"));
    }

    [Fact]
    public async Task VoteAdminForm_TakesOptionsFromMeasures_CopyingTitleTextAndCost_AndKeepsTheLinkOnSaving()
    {
        var service = site.Get<StrategyService>();
        var goal = (await service.SaveGoalAsync(null, new GoalInput("wirtschaft", "Betriebe stärken", "", 0))).Id!.Value;
        var measure = (await service.SaveMeasureAsync(null, new MeasureInput(goal, "Digitallotsen für Betriebe", "Beratung vor Ort.", null, 45000, null, "discussion", [], 0, null), null)).Id!.Value;
        var other = (await service.SaveMeasureAsync(null, new MeasureInput(goal, "Marktplatz für Hofläden", "Online verkaufen.", null, 20000, null, "discussion", [], 0, null), null)).Id!.Value;
        var admin = await site.StaffClientAsync(StaffRole.Admin);

        using var picked = await admin.PostWithTokenAsync("/admin/abstimmungen/bearbeiten", "/admin/abstimmungen/bearbeiten?handler=FromMeasures", new()
        {
            ["Input.Title"] = "Welche Maßnahme für die Wirtschaft zuerst?",
            ["Input.PickMeasures"] = measure.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var form = await picked.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, picked.StatusCode);
        Assert.Equal("Digitallotsen für Betriebe", form.QuerySelector("#Input_Options_0__Title")!.GetAttribute("value"));
        Assert.Equal("45000", form.QuerySelector("#Input_Options_0__Cost")!.GetAttribute("value"));
        Assert.Equal(measure.ToString(System.Globalization.CultureInfo.InvariantCulture), form.QuerySelector("input[name='Input.Options[0].MeasureId']")!.GetAttribute("value"));
        Assert.Equal("Welche Maßnahme für die Wirtschaft zuerst?", form.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector($"input[name='Input.PickMeasures'][value='{other}']"));

        // Saved from the page the picker answered, whose address still names the picker's handler, as a browser does.
        using var saved = await admin.SubmitFormAsync(form, "/admin/abstimmungen/bearbeiten?handler=FromMeasures", new()
        {
            ["Input.OpensAt"] = "2030-03-01T08:00",
            ["Input.ClosesAt"] = "2030-04-05T18:00",
            ["Input.Method"] = "approval",
            ["Input.MaxChoices"] = "1",
            ["Input.Rule"] = "",
            ["Input.Options[1].Title"] = "Etwas anderes",
        });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, (await saved.ReadDocumentAsync()).QuerySelector(".error-summary")?.TextContent);
        var vote = (await site.Get<MYK10.Participation.Ballots.VoteStore>().ListAsync(publishedOnly: false)).Single(v => v.Title == "Welche Maßnahme für die Wirtschaft zuerst?");
        Assert.Equal(measure, vote.Options[0].MeasureId);
    }

    [Fact]
    public async Task MeasureComment_ByParticipant_WhileUnderDiscussion()
    {
        var (measure, participant) = await DiscussedMeasureAsync("Gäste begleiten", "Digitale Wanderkarte", "Wanderin");

        using var comment = await participant.PostFormAsync($"/strategie/massnahmen/{measure}", new() { ["Input.Comment"] = "Bitte mit Höhenprofil!" });

        Assert.Equal(HttpStatusCode.Redirect, comment.StatusCode);
        var page = await site.CreateBrowserLikeClient().GetDocumentAsync($"/strategie/massnahmen/{measure}");
        Assert.Contains("Bitte mit Höhenprofil!", page.QuerySelector(".comment-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Wanderin", page.QuerySelector(".comment-list")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>A tourism measure under discussion, and a signed-in participant of that name.</summary>
    private async Task<(long Measure, HttpClient Participant)> DiscussedMeasureAsync(string goalTitle, string measureTitle, string displayName)
    {
        var service = site.Get<StrategyService>();
        var goal = (await service.SaveGoalAsync(null, new GoalInput("tourismus", goalTitle, "", 0))).Id!.Value;
        var measure = (await service.SaveMeasureAsync(null, new MeasureInput(goal, measureTitle, "", null, null, null, "discussion", [], 0, null), null)).Id!.Value;
        var (participant, _) = await site.ParticipantClientAsync(displayName: displayName);
        return (measure, participant);
    }

    [Fact]
    public async Task MeasureCommentActions_NameTheCommentTheyActOn()
    {
        var (measure, walker) = await DiscussedMeasureAsync("Gäste leiten", "Radweg-Beschilderung", "Radlerin");
        (await walker.PostFormAsync($"/strategie/massnahmen/{measure}", new() { ["Input.Comment"] = "Gern auch zweisprachig." })).Dispose();

        var report = (await site.CreateBrowserLikeClient().GetDocumentAsync($"/strategie/massnahmen/{measure}")).QuerySelector(".comment-actions a")!.TextContent.Trim();
        var own = (await walker.GetDocumentAsync($"/strategie/massnahmen/{measure}")).QuerySelector(".comment-actions button")!.TextContent.Trim();

        Assert.StartsWith("Kommentar melden (Nr. 1, Radlerin am ", report, StringComparison.Ordinal);
        Assert.StartsWith("Meinen Kommentar löschen (Nr. 1, Radlerin am ", own, StringComparison.Ordinal);
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        var hide = (await moderator.GetDocumentAsync($"/strategie/massnahmen/{measure}")).QuerySelector(".hide-form button")!.TextContent.Trim();
        Assert.StartsWith("Beitrag ausblenden: Nr. 1, Radlerin am ", hide, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeasureEditForm_InEnglish_MarksTheFieldsHoldingGermanTextAsGerman_AndNotTheCost()
    {
        var (measure, _) = await DiscussedMeasureAsync("Gäste begleiten", "Wanderwege-Beschilderung", "Wanderin");
        var admin = await site.StaffClientAsync(StaffRole.Admin);

        var (german, english) = await admin.GermanThenEnglishAsync($"/admin/strategie/massnahme/{measure}");

        Assert.Null(german.QuerySelector("main :is(input, textarea)[lang]"));
        Assert.Equal("Wanderwege-Beschilderung", english.QuerySelector("input[name='Input.Title'][lang=de]")?.GetAttribute("value"));
        Assert.NotNull(english.QuerySelector("textarea[name='Input.Description'][lang=de]"));
        Assert.Null(english.QuerySelector("input[name='Input.CostEuros']")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task MeasureCommentActions_TwoCommentsOfOnePersonInTheSameMinute_HaveNamesOfTheirOwn()
    {
        var (measure, walker) = await DiscussedMeasureAsync("Gäste lenken", "Wanderparkplätze", "Wanderer");
        foreach (var text in new[] { "Mehr Parkplätze am Start.", "Und eine Busanbindung." })
        {
            (await walker.PostFormAsync($"/strategie/massnahmen/{measure}", new() { ["Input.Comment"] = text })).Dispose();
        }

        await using (var connection = await site.Get<IDbConnectionFactory>().OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE measure_comments SET created_at = (SELECT min(created_at) FROM measure_comments WHERE measure_id = @measure) WHERE measure_id = @measure", new { measure });
        }

        var own = (await walker.GetDocumentAsync($"/strategie/massnahmen/{measure}")).QuerySelectorAll(".comment-actions button");
        var reports = (await site.CreateBrowserLikeClient().GetDocumentAsync($"/strategie/massnahmen/{measure}")).QuerySelectorAll(".comment-actions a");
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        var hides = (await moderator.GetDocumentAsync($"/strategie/massnahmen/{measure}")).QuerySelectorAll(".hide-form button");

        Assert.Equal(2, own.Length);
        Assert.Equal(2, reports.Length);
        Assert.Equal(2, hides.Length);
        LinkNames.AssertDistinct(own);
        LinkNames.AssertDistinct(reports);
        LinkNames.AssertDistinct(hides);
    }

    [Fact]
    public async Task MeasureCost_IsShownInEuros_AlsoInTheEnglishUi()
    {
        var service = site.Get<StrategyService>();
        var goal = (await service.SaveGoalAsync(null, new GoalInput("tourismus", "Kostenziel", "", 0))).Id!.Value;
        var measure = (await service.SaveMeasureAsync(null, new MeasureInput(goal, "Kostenmaßnahme Radverleih", "Text", null, 220000, null, "discussion", [], 0, null), null)).Id!.Value;
        var client = site.CreateBrowserLikeClient();

        var german = await client.GetDocumentAsync($"/strategie/massnahmen/{measure}");
        await client.PostFormAsync("/strategie", new() { ["Input.Culture"] = "en", ["Input.ReturnUrl"] = "/strategie" }, "form.language-switch");
        var english = await client.GetDocumentAsync($"/strategie/massnahmen/{measure}");
        var englishPrint = await client.GetDocumentAsync("/strategie/druck");

        static string Cost(AngleSharp.Dom.IDocument page, string label) =>
            page.QuerySelectorAll(".details dt").Single(dt => dt.TextContent.Trim() == label).NextElementSibling!.TextContent.Trim();
        Assert.Equal("220,000\u00A0€", Cost(english, "Estimated cost"));
        Assert.Equal("220.000\u00A0€", Cost(german, "Geschätzte Kosten"));
        var printed = englishPrint.QuerySelectorAll(".print-measure").Single(m => m.TextContent.Contains("Kostenmaßnahme Radverleih", StringComparison.Ordinal));
        Assert.Contains("Estimated cost: 220,000\u00A0€.", printed.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_CountsGoalsAndMeasures_InSingularAndPlural()
    {
        // Fields of action no other test in this class touches.
        var service = site.Get<StrategyService>();
        var single = (await service.SaveGoalAsync(null, new GoalInput("umwelt-und-klima", "Zählziel Klima", "", 0))).Id!.Value;
        await service.SaveMeasureAsync(null, new MeasureInput(single, "Zählmaßnahme A", "Text", null, null, null, "discussion", [], 0, null), null);
        await service.SaveMeasureAsync(null, new MeasureInput(single, "Zählmaßnahme B", "Text", null, null, null, "discussion", [], 0, null), null);
        var first = (await service.SaveGoalAsync(null, new GoalInput("digitale-souveraenitaet", "Zählziel Souveränität 1", "", 0))).Id!.Value;
        await service.SaveGoalAsync(null, new GoalInput("digitale-souveraenitaet", "Zählziel Souveränität 2", "", 1));
        await service.SaveMeasureAsync(null, new MeasureInput(first, "Zählmaßnahme C", "Text", null, null, null, "discussion", [], 0, null), null);
        var client = site.CreateBrowserLikeClient();

        var german = await client.GetDocumentAsync("/strategie");
        await client.PostFormAsync("/strategie", new() { ["Input.Culture"] = "en", ["Input.ReturnUrl"] = "/strategie" }, "form.language-switch");
        var english = await client.GetDocumentAsync("/strategie");

        static string Counts(AngleSharp.Dom.IDocument overview, string fieldId) =>
            overview.QuerySelector($"a[href='/strategie/{fieldId}']")!.Closest("li")!.QuerySelector("p")!.TextContent.Trim();
        Assert.Equal("1 Ziel, 2 Maßnahmen", Counts(german, "umwelt-und-klima"));
        Assert.Equal("2 Ziele, 1 Maßnahme", Counts(german, "digitale-souveraenitaet"));
        Assert.Equal("1 goal, 2 measures", Counts(english, "umwelt-und-klima"));
        Assert.Equal("2 goals, 1 measure", Counts(english, "digitale-souveraenitaet"));
    }

    [Fact]
    public async Task StartPage_ShowsTheTimeline_WithTheCurrentPhaseMarkedForScreenReaders()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await site.Get<StrategyService>().SavePhaseAsync(null, new PhaseInput("Vergangene Phase", "", "", today.AddDays(-60), today.AddDays(-31)));
        await site.Get<StrategyService>().SavePhaseAsync(null, new PhaseInput("Laufende Phase", "", "Jetzt mitmachen!", today.AddDays(-30), today.AddDays(30)));

        var start = await site.CreateBrowserLikeClient().GetDocumentAsync("/");
        var current = start.QuerySelectorAll(".timeline ol li[aria-current='step']").Single(li => li.TextContent.Contains("Laufende Phase", StringComparison.Ordinal));
        Assert.DoesNotContain(start.QuerySelectorAll(".timeline ol li[aria-current='step']"), li => li.TextContent.Contains("Vergangene Phase", StringComparison.Ordinal));

        Assert.Contains("Laufende Phase", current.TextContent, StringComparison.Ordinal);
        Assert.Contains("aktuelle Phase", current.TextContent, StringComparison.Ordinal);
        Assert.Contains("Jetzt mitmachen!", current.TextContent, StringComparison.Ordinal);
    }
}
