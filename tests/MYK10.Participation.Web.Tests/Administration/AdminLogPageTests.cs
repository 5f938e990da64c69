using System.Globalization;
using System.Net;
using MYK10.Participation.Ballots;
using MYK10.Participation.Digests;
using MYK10.Participation.Staff;
using MYK10.Participation.Surveys;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Administration;

public sealed class AdminLogPageTests(AdminLogPageTests.Site site) : IClassFixture<AdminLogPageTests.Site>
{
    public sealed class Site : SiteFactory;

    [Fact]
    public async Task RemovingARecipientOnItsPage_IsListedWithWhoWhatAndTheCouncilLink()
    {
        var email = $"admin-{Guid.NewGuid():N}@kvmyk.de";
        var admin = await SignedInAsync(email, StaffRole.Admin);
        var councils = site.Get<CouncilStore>();
        var (_, council) = await councils.CreateAsync(new CouncilInput($"Rat {Guid.NewGuid():N}"[..20], "mayen", Council.DefaultCron, true, false));
        await councils.AddRecipientAsync(council, "Erika Muster", "erika@mayen.de");
        var recipient = (await councils.RecipientsAsync(council)).Single().Id;

        using var removed = await admin.PostFormAsync($"/admin/gremien/{council}/empfaenger/{recipient}/entfernen", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);

        var page = await admin.GetDocumentAsync($"/admin/protokoll?person={Uri.EscapeDataString(email)}");
        var row = Assert.Single(page.QuerySelectorAll("main table tbody tr"));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(email, cells[1]);
        Assert.Equal("gelöscht", cells[2]);
        Assert.Equal($"Empfänger eines Gremiums Nr. {recipient} (Gremium Nr. {council})", cells[3]);
        Assert.Equal("Erika Muster <erika@mayen.de>", cells[4]);
        Assert.Equal($"/admin/gremien/{council}/empfaenger", row.QuerySelector("td a")!.GetAttribute("href"));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.NotNull(page.QuerySelector("main table caption"));
        Assert.Equal(5, page.QuerySelectorAll("main table thead th[scope=col]").Length);
    }

    [Fact]
    public async Task ChangesMadeOnTheAdminPages_AreRecordedWithTheSignedInStaffMember()
    {
        var email = $"admin-{Guid.NewGuid():N}@kvmyk.de";
        var admin = await SignedInAsync(email, StaffRole.Admin);
        var builder = site.Get<SurveyBuilder>();
        var survey = await builder.CreateAsync(new SurveyInput("Busverbindungen", "", "kreis", null, null, SurveyMode.Open, true, ""));
        var page = (await site.Get<SurveyStore>().LoadAsync(survey))!.Pages[0].Id;
        await builder.AddQuestionAsync(survey, page, new QuestionInput(QuestionKind.ShortText, "Welche Linie fehlt?", "", true, new QuestionSettings()));
        await builder.OpenAsync(survey);
        var now = site.Get<TimeProvider>().GetUtcNow();
        var vote = (await site.Get<VoteService>().CreateAsync(new VoteDraft("Was zuerst?", "", "kreis", now.AddDays(1), now.AddDays(8), VoteMethod.Approval,
            [new OptionDraft("Radweg", "", null), new OptionDraft("Bushaltestelle", "", null)], MaxChoices: 1))).Id!.Value;
        var lastDay = DateOnly.FromDateTime(now.UtcDateTime).AddDays(100).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/admin/umfragen/{survey}", new() { ["Input.ConfirmClose"] = "true" }, "form[action*='handler=Close']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/abstimmungen", new() { ["Input.ConfirmPublish"] = "true" }, $"form[action*='handler=Publish'][action*='{vote}']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/strategie/ziel", new() { ["Input.FieldId"] = "energie", ["Input.Title"] = "Strom vom Dach", ["Input.Position"] = "0" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/phase", new() { ["Input.EndDate"] = lastDay })).StatusCode);

        var log = await admin.GetDocumentAsync($"/admin/protokoll?person={Uri.EscapeDataString(email)}");
        var rows = log.QuerySelectorAll("main table tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.All(rows, r => Assert.Equal(email, r[1]));
        Assert.Equal(4, rows.Count);
        Assert.Equal(("festgelegt", "Ende der Beteiligungsphase"), (rows[0][2], rows[0][3]));
        Assert.Equal(("angelegt", "Strom vom Dach"), (rows[1][2], rows[1][4]));
        Assert.StartsWith("Ziel der Strategie Nr. ", rows[1][3], StringComparison.Ordinal);
        Assert.Equal(("veröffentlicht", $"Abstimmung Nr. {vote}"), (rows[2][2], rows[2][3]));
        Assert.Equal(("geschlossen", $"Umfrage Nr. {survey}"), (rows[3][2], rows[3][3]));
        Assert.StartsWith("Ende der Phase: keiner → ", rows[0][4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_InEnglish_MarksWhatStaffWroteAsGerman_AndNotTheLogsOwnWords()
    {
        var email = $"admin-{Guid.NewGuid():N}@kvmyk.de";
        var admin = await SignedInAsync(email, StaffRole.Admin);
        var lastDay = DateOnly.FromDateTime(site.Get<TimeProvider>().GetUtcNow().UtcDateTime).AddDays(100).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/strategie/ziel", new() { ["Input.FieldId"] = "energie", ["Input.Title"] = "Wärme aus dem Dorf", ["Input.Position"] = "0" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/phase", new() { ["Input.EndDate"] = lastDay })).StatusCode);

        var (german, english) = await admin.GermanThenEnglishAsync($"/admin/protokoll?person={Uri.EscapeDataString(email)}");

        Assert.Null(german.QuerySelector("main [lang]"));
        var details = english.QuerySelectorAll("main tbody td.free-text div").ToList();
        Assert.Equal("de", details.Single(d => d.TextContent == "Wärme aus dem Dorf").QuerySelector("span")?.GetAttribute("lang"));
        var change = details.Single(d => d.TextContent.StartsWith("End of the phase: ", StringComparison.Ordinal));
        Assert.Null(change.QuerySelector("[lang]")); // the key and the dates are the page's own
    }

    [Fact]
    public async Task AFilterWithoutEntries_ShowsTheEmptyState()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);

        var page = await admin.GetDocumentAsync("/admin/protokoll?art=strategy_phase&person=niemand%40kvmyk.de");

        Assert.Null(page.QuerySelector("main table"));
        Assert.Equal("Keine Einträge gefunden.", page.QuerySelector("main .empty-state")!.TextContent.Trim());
    }

    [Fact]
    public async Task AdminStartPage_LinksTheLog()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);

        var page = await admin.GetDocumentAsync("/admin");

        Assert.Equal("Protokoll der Verwaltung", page.QuerySelector("main a[href='/admin/protokoll']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Log_IsForbiddenForModerators_AndAsksAnonymousVisitorsToSignIn()
    {
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        var anonymous = site.CreateBrowserLikeClient();

        using var forbidden = await moderator.GetAsync("/admin/protokoll");
        using var signIn = await anonymous.GetAsync("/admin/protokoll");

        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.StartsWith("/staff/kein-zugriff", forbidden.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/staff/anmelden", signIn.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInAsync(string email, StaffRole role)
    {
        await site.CreateStaffAsync(role, email);
        var client = site.CreateBrowserLikeClient();
        using var response = await client.PostFormAsync("/staff/anmelden", new() { ["Input.Email"] = email, ["Input.Password"] = TestPasswords.Staff });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}

/// <summary>Paging on a site of its own: the count of survey entries is exact only without the other tests' surveys.</summary>
public sealed class AdminLogPagingTests(AdminLogPagingTests.Site site) : IClassFixture<AdminLogPagingTests.Site>
{
    public sealed class Site : SiteFactory;

    [Fact]
    public async Task List_Pages50AtATime_AndTheKindFilterKeepsToItsKind()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var builder = site.Get<SurveyBuilder>();
        for (var i = 0; i < 51; i++)
        {
            await builder.CreateAsync(new SurveyInput($"Umfrage {i}", "", "kreis", null, null, SurveyMode.Open, true, ""));
        }

        var first = await admin.GetDocumentAsync("/admin/protokoll?art=survey");
        var second = await admin.GetDocumentAsync("/admin/protokoll?art=survey&seite=2");

        Assert.Equal(50, first.QuerySelectorAll("main table tbody tr").Length);
        Assert.Equal("Umfrage 50", first.QuerySelector("main table tbody tr td:last-child")!.TextContent.Trim());
        Assert.Equal("/admin/protokoll?art=survey&seite=2", first.QuerySelector("nav.pagination a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("survey", first.QuerySelector("#art option[selected]")!.GetAttribute("value"));
        var last = Assert.Single(second.QuerySelectorAll("main table tbody tr"));
        Assert.Equal("Umfrage 0", last.QuerySelector("td:last-child")!.TextContent.Trim());
        Assert.Equal("Kommandozeile", last.QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.All(first.QuerySelectorAll("main table tbody tr td:nth-child(4)"), c => Assert.StartsWith("Umfrage Nr. ", c.TextContent.Trim(), StringComparison.Ordinal));
    }
}
