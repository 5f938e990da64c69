using System.Net;
using System.Text.Json;
using MimeKit;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;
using MYK10.Participation.Moderation;
using MYK10.Participation.Staff;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Moderation;

public sealed class ModerationPagesTests(ModerationPagesTests.Site site) : IClassFixture<ModerationPagesTests.Site>
{
    public sealed class Site : SiteFactory;

    [Theory]
    [InlineData("/moderation")]
    [InlineData("/moderation/meldungen")]
    public async Task ANoticeTheSiteDoesNotKnow_ShowsNothing_NotItsKey(string page)
    {
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);

        var known = await moderator.GetDocumentAsync($"{page}?hinweis=dismissed");
        var unknown = await moderator.GetDocumentAsync($"{page}?hinweis=Bitte-Passwort-senden");

        Assert.StartsWith("Die Meldungen wurden geschlossen.", known.QuerySelector("main .notice[role=status]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(unknown.QuerySelector("main .notice[role=status]"));
        Assert.DoesNotContain("Passwort", unknown.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ThroughTheReviewPage_ShowsInListApiAndAccount_AndMailsTheAuthor()
    {
        var (author, idea, title, email) = await PendingIdeaAsync();
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);

        var queue = await moderator.GetDocumentAsync("/moderation");
        Assert.Contains(title, queue.QuerySelector("table.queue")!.TextContent, StringComparison.Ordinal);
        using var publish = await moderator.PostFormAsync($"/moderation/ideen/{idea}", new() { ["Input.MunicipalityId"] = "vallendar" }, "form[action*='handler=Publish']");

        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.StartsWith("/moderation?hinweis=published", publish.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var list = await site.CreateBrowserLikeClient().GetDocumentAsync("/ideen?gemeinde=vallendar");
        Assert.Contains(title, list.QuerySelector(".idea-list")!.TextContent, StringComparison.Ordinal);
        using var api = JsonDocument.Parse(await site.CreateBrowserLikeClient().GetStringAsync($"/api/v1/ideas/{idea}"));
        Assert.Equal("vallendar", api.RootElement.GetProperty("municipality").GetProperty("id").GetString());
        var account = await author.GetDocumentAsync("/konto");
        Assert.Contains("neu", account.QuerySelector($"a[href='/ideen/{idea}'] + .status")!.TextContent, StringComparison.Ordinal);
        var mail = await WaitForMailAsync(email, "Ihre Idee ist veröffentlicht");
        Assert.Contains(title, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decisions_FromAFilteredQueue_ReturnToTheSameFilteredQueue()
    {
        var (_, idea, _, _) = await PendingIdeaAsync();
        var (_, other, _, _) = await PendingIdeaAsync();
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);

        var queue = await moderator.GetDocumentAsync("/moderation?gemeinde=bendorf&feld=bildung");
        var link = queue.QuerySelector($"table.queue a[href^='/moderation/ideen/{idea}?']")!.GetAttribute("href")!;
        var review = await moderator.GetDocumentAsync(link);
        using var edit = await moderator.PostFormAsync(link, new() { ["Input.Title"] = "Bereinigter Titel der Idee" }, "form[action*='handler=Edit']");
        using var reject = await moderator.PostFormAsync($"/moderation/ideen/{other}?gemeinde=bendorf&feld=bildung", new() { ["Input.Reason"] = "advertising" }, "form[action*='handler=Reject']");

        Assert.Equal("/moderation?gemeinde=bendorf&feld=bildung", review.QuerySelector("main a[href^='/moderation?']")!.GetAttribute("href"));
        Assert.Equal($"/moderation/ideen/{idea}?hinweis=edited&gemeinde=bendorf&feld=bildung", edit.Headers.Location!.OriginalString);
        Assert.Equal("/moderation?hinweis=rejected&gemeinde=bendorf&feld=bildung", reject.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TheQueue_OpensAnIdeaByItsNumber_AlsoAPublishedOne_AndSaysSoWhenThereIsNone()
    {
        var idea = await PublishedIdeaAsync();
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);

        var queue = await moderator.GetDocumentAsync("/moderation");
        using var found = await moderator.GetAsync($"/moderation?nr={idea}");
        var unknown = await moderator.GetDocumentAsync("/moderation?nr=987654321");
        var junk = await moderator.GetDocumentAsync("/moderation?nr=abc");

        Assert.Equal("Idee nach Nummer öffnen (auch veröffentlichte)", queue.QuerySelector("label[for='nr']")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        Assert.Equal($"/moderation/ideen/{idea}", found.Headers.Location!.OriginalString);
        Assert.Equal("Es gibt keine Idee mit der Nummer „987654321“.", unknown.QuerySelector("#nr-error")!.TextContent.Trim());
        Assert.Equal("#nr", unknown.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal("Es gibt keine Idee mit der Nummer „abc“.", junk.QuerySelector("#nr-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task TheLog_OfAnAnswerWithoutMeasures_SaysNone_NotAnEmptyValue()
    {
        var idea = await PublishedIdeaAsync();
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        using var answer = await moderator.PostFormAsync($"/moderation/ideen/{idea}", new() { ["Input.Status"] = "in_review", ["Input.Answer"] = "Wir prüfen das." }, "form[action*='handler=Answer']");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);

        var log = await moderator.GetDocumentAsync($"/moderation/protokoll?idee={idea}");

        var measures = log.QuerySelectorAll("main dl.audit-values dt").Single(dt => dt.TextContent == "Maßnahmen");
        Assert.Equal("–", measures.NextElementSibling!.TextContent);
        Assert.Null(measures.NextElementSibling!.GetAttribute("lang"));
    }

    [Fact]
    public async Task Reject_WithoutReason_TheErrorSummaryLinksToTheFirstReason()
    {
        var (_, idea, _, _) = await PendingIdeaAsync();
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);

        using var missing = await moderator.PostFormAsync($"/moderation/ideen/{idea}", [], "form[action*='handler=Reject']");

        var document = await missing.ReadDocumentAsync();
        Assert.Equal("Bitte korrigieren Sie die folgenden Angaben:", document.QuerySelector(".error-summary h2")!.TextContent);
        var target = Assert.Single(ErrorSummary.AssertLinksLandOnFields(document));
        Assert.Equal("Input.Reason", target.GetAttribute("name"));
        Assert.Equal("Input_Reason-error", target.Closest("fieldset")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task Reject_WithReason_IsShownToTheAuthorAndMailed_AndNotPublic()
    {
        var (author, idea, _, email) = await PendingIdeaAsync();
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);

        using var missing = await moderator.PostFormAsync($"/moderation/ideen/{idea}", [], "form[action*='handler=Reject']");
        Assert.Equal("Bitte wählen Sie einen Grund für die Ablehnung.", (await missing.ReadDocumentAsync()).QuerySelector("#Input_Reason-error")!.TextContent.Trim());

        using var reject = await moderator.PostFormAsync($"/moderation/ideen/{idea}", new() { ["Input.Reason"] = "unlawful", ["Input.Note"] = "Siehe Idee Nr. 1." }, "form[action*='handler=Reject']");
        Assert.Equal(HttpStatusCode.Redirect, reject.StatusCode);

        var own = await author.GetDocumentAsync($"/ideen/{idea}");
        Assert.Contains("übernimmt Texte anderer ohne deren Erlaubnis", own.QuerySelector(".draft-note")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("abgelehnt", (await author.GetDocumentAsync("/konto")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using var anonymous = await site.CreateBrowserLikeClient().GetAsync($"/ideen/{idea}");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode); // to the sign-in: the mail's link is for the author
        Assert.StartsWith("/konto/anmelden?", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var mail = await WaitForMailAsync(email, "Ihre Idee wurde nicht veröffentlicht");
        Assert.Contains("Siehe Idee Nr. 1.", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectForm_OffersEveryGroundOfTheRules_NamedInBothLanguages()
    {
        var (_, idea, _, _) = await PendingIdeaAsync();
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);

        var (german, english) = await moderator.GermanThenEnglishAsync($"/moderation/ideen/{idea}");

        foreach (var page in new[] { german, english })
        {
            var choices = page.QuerySelectorAll("form[action*='handler=Reject'] input[name='Input.Reason']").ToList();
            Assert.Equal(RejectionReasons.All, choices.Select(c => c.GetAttribute("value")));
            Assert.All(choices, c => Assert.DoesNotContain("Reject.Reason", page.QuerySelector($"label[for='{c.Id}']")!.TextContent, StringComparison.Ordinal));
        }

        Assert.Equal("Werbung oder Spam", german.QuerySelector("label[for='reason-advertising']")!.TextContent);
        Assert.Equal("Advertising or spam", english.QuerySelector("label[for='reason-advertising']")!.TextContent);
    }

    [Fact]
    public async Task EditBeforePublishing_NotesItPublicly()
    {
        var (_, idea, _, _) = await PendingIdeaAsync();
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);

        using var edit = await moderator.PostFormAsync($"/moderation/ideen/{idea}", new() { ["Input.Title"] = "Bereinigter Titel der Idee" }, "form[action*='handler=Edit']");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var review = await moderator.GetDocumentAsync($"/moderation/ideen/{idea}");
        Assert.NotNull(review.QuerySelector("details"));
        using var publish = await moderator.PostFormAsync($"/moderation/ideen/{idea}", [], "form[action*='handler=Publish']");

        var page = await site.CreateBrowserLikeClient().GetDocumentAsync($"/ideen/{idea}");
        Assert.Equal("Bereinigter Titel der Idee", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Von der Moderation bearbeitet.", page.QuerySelector(".edited-note")!.TextContent);
    }

    [Fact]
    public async Task ModerationLog_InEnglish_MarksTheEditedTextsAsGerman_AndNotTheLogsOwnWords()
    {
        var (_, idea, title, _) = await PendingIdeaAsync();
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        (await moderator.PostFormAsync($"/moderation/ideen/{idea}", new() { ["Input.Title"] = "Schulwegsicherung für Grundschüler" }, "form[action*='handler=Edit']")).Dispose();

        var (german, english) = await moderator.GermanThenEnglishAsync($"/moderation/protokoll?idee={idea}");

        Assert.Null(german.QuerySelector("main [lang]"));
        var values = english.QuerySelectorAll("table.audit dd").ToList();
        Assert.Equal("de", values.Single(dd => dd.TextContent == title).GetAttribute("lang"));
        Assert.Equal("de", values.Single(dd => dd.TextContent == "Schulwegsicherung für Grundschüler").GetAttribute("lang"));
        Assert.All(values.Where(dd => dd.GetAttribute("lang") is null), dd => Assert.DoesNotContain("Schulweg", dd.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoModeratorsAtOnce_OneDecisionAndOneClearConflictMessage()
    {
        var (_, idea, _, _) = await PendingIdeaAsync();
        var first = await site.StaffClientAsync(StaffRole.Moderator);
        var second = await site.StaffClientAsync(StaffRole.Moderator);
        var firstPage = await first.GetDocumentAsync($"/moderation/ideen/{idea}");
        var secondPage = await second.GetDocumentAsync($"/moderation/ideen/{idea}");

        static FormUrlEncodedContent Form(AngleSharp.Html.Dom.IHtmlDocument page, string handler, params (string, string)[] extra) => new(
            page.QuerySelector($"form[action*='handler={handler}']")!.QuerySelectorAll("input[type=hidden]")
                .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!))
                .Concat(extra.Select(e => new KeyValuePair<string, string>(e.Item1, e.Item2))));
        var responses = await Task.WhenAll(
            first.PostAsync($"/moderation/ideen/{idea}?handler=Publish", Form(firstPage, "Publish")),
            second.PostAsync($"/moderation/ideen/{idea}?handler=Reject", Form(secondPage, "Reject", ("Input.Reason", "off_topic"))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var conflict = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var summary = (await conflict.ReadDocumentAsync()).QuerySelector(".error-summary")!;
        var message = summary.TextContent;
        // Nothing in the form is wrong: the heading must not ask the moderator to correct anything.
        Assert.Equal("Die Idee hat sich inzwischen geändert:", summary.QuerySelector("h2")!.TextContent);
        Assert.Contains("inzwischen von", message, StringComparison.Ordinal);
        Assert.Contains("@kvmyk.de", message, StringComparison.Ordinal);
        var state = (await site.Get<IdeaStore>().FindAsync(idea))!.State;
        Assert.Contains(state, new[] { IdeaStates.Published, IdeaStates.Rejected });
    }

    [Fact]
    public async Task PublishClickedTwice_SecondClickSaysItIsAlreadyPublished_NotAConflict()
    {
        var (_, idea, _, _) = await PendingIdeaAsync();
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        var review = await moderator.GetDocumentAsync($"/moderation/ideen/{idea}");

        using var first = await moderator.SubmitFormAsync(review, $"/moderation/ideen/{idea}", [], "form[action*='handler=Publish']");
        using var second = await moderator.SubmitFormAsync(review, $"/moderation/ideen/{idea}", [], "form[action*='handler=Publish']");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("/moderation?hinweis=already-published", second.Headers.Location!.OriginalString);
        var notice = (await moderator.GetDocumentAsync(second.Headers.Location.OriginalString)).QuerySelector(".notice")!.TextContent;
        Assert.Contains("bereits veröffentlicht", notice, StringComparison.Ordinal);
        Assert.Equal(IdeaStates.Published, (await site.Get<IdeaStore>().FindAsync(idea))!.State);
    }

    [Fact]
    public async Task ReportsTab_TheLinksAndButtonsOfEachReport_NameTheReportedItem()
    {
        var (reporter, _) = await site.ParticipantClientAsync();
        foreach (var idea in new[] { await PublishedIdeaAsync(), await PublishedIdeaAsync() })
        {
            (await reporter.PostFormAsync($"/ideen/{idea}/melden", new() { ["Input.Reason"] = "spam" })).Dispose();
        }

        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        var tab = await moderator.GetDocumentAsync("/moderation/meldungen");

        LinkNames.AssertOneNameOneTarget(tab);
        var buttons = tab.QuerySelectorAll(".report-list button").Select(b => b.TextContent.Trim()).ToList();
        Assert.True(buttons.Count >= 4);
        Assert.Equal(buttons.Count, buttons.Distinct().Count());
    }

    [Fact]
    public async Task EnglishPages_MarkTheIdeasTitleAsGerman_ApartFromTheEnglishWordsAroundIt()
    {
        var (_, idea, title, _) = await PendingIdeaAsync();
        var reported = await PublishedIdeaAsync();
        var (reporter, _) = await site.ParticipantClientAsync();
        (await reporter.PostFormAsync($"/ideen/{reported}/melden", new() { ["Input.Reason"] = "spam" })).Dispose();
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        var url = $"/moderation/ideen/{idea}";

        var (german, english) = await moderator.GermanThenEnglishAsync(url);
        var queue = await moderator.GetDocumentAsync("/moderation");
        var reports = await moderator.GetDocumentAsync("/moderation/meldungen");

        Assert.Null(german.QuerySelector("main [lang]"));
        var heading = english.QuerySelector("h1")!;
        Assert.Equal(($"Review idea: {title}", title), (heading.TextContent, heading.QuerySelector("span[lang=de]")?.TextContent));
        Assert.Null(heading.GetAttribute("lang"));
        Assert.Equal("de", queue.QuerySelector($"table.queue th:has(a[href='{url}'])")!.GetAttribute("lang"));
        // The edit form's title and text hold the German idea; the moderator's note and answer are written in German too.
        Assert.All(english.QuerySelectorAll("input[name='Input.Title'], textarea:is([name='Input.Body'], [name='Input.Note'], [name='Input.Answer'])"), field => Assert.Equal("de", field.GetAttribute("lang")));
        Assert.NotNull(english.QuerySelector("textarea[name='Input.Body'][lang=de]"));
        Assert.Contains(reports.QuerySelectorAll(".report-item h2"), h2 => h2.GetAttribute("lang") is null && h2.TextContent == $"Idea “{h2.QuerySelector("span[lang=de]")?.TextContent}”");
        // The links and buttons of each report repeat the heading in their names, with the title marked the same way.
        var names = reports.QuerySelectorAll(".report-item :is(a, button) .visually-hidden");
        Assert.True(names.Length >= 3);
        Assert.All(names, name => Assert.NotNull(name.QuerySelector("span[lang=de]")));
    }

    [Fact]
    public async Task DismissClickedTwice_SecondClickSaysTheReportsWereAlreadyHandled()
    {
        var idea = await PublishedIdeaAsync();
        var (reporter, _) = await site.ParticipantClientAsync();
        await reporter.PostFormAsync($"/ideen/{idea}/melden", new() { ["Input.Reason"] = "insult" });
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        var reports = await moderator.GetDocumentAsync("/moderation/meldungen");
        var form = $"li.report-item:has(input[name='Input.IdeaId'][value='{idea}']) form[action*='handler=Dismiss']";

        using var first = await moderator.SubmitFormAsync(reports, "/moderation/meldungen", [], form);
        using var second = await moderator.SubmitFormAsync(reports, "/moderation/meldungen", [], form);

        Assert.Equal("/moderation/meldungen?hinweis=dismissed", first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("/moderation/meldungen?hinweis=already-handled", second.Headers.Location!.OriginalString);
        var notice = (await moderator.GetDocumentAsync(second.Headers.Location.OriginalString)).QuerySelector(".notice")!.TextContent;
        Assert.Contains("bereits bearbeitet", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewPage_TheMergeLinkOfEachPossibleDuplicate_NamesThatIdea_AndOnlyFillsTheMergeForm()
    {
        // Words no other idea of this class uses, so the two are the pending idea's closest duplicates.
        var connections = site.Get<IDbConnectionFactory>();
        async Task<long> SubmitAsync(string title) => (await site.Get<IdeaService>().SubmitAsync(await connections.ParticipantAsync(), new IdeaSubmission(
            title, "Eine Wasserstofftankstelle für Busse und Lastwagen im Gewerbegebiet Kruft.", "energie", "pellenz", null))).IdeaId!.Value;
        var first = await SubmitAsync("Wasserstofftankstelle Kruft");
        var second = await SubmitAsync("Wasserstoff tanken in Kruft");
        await connections.PublishAsync(first);
        await connections.PublishAsync(second);
        var pending = await SubmitAsync("Wasserstofftankstelle in der Pellenz");
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);

        var review = await moderator.GetDocumentAsync($"/moderation/ideen/{pending}");

        var buttons = review.QuerySelectorAll(".duplicate-list li")
            .Where(item => item.QuerySelector($"a[href='/moderation/ideen/{first}'], a[href='/moderation/ideen/{second}']") is not null)
            .Select(item => item.QuerySelector($"a[href^='/moderation/ideen/{pending}?ziel=']")!.TextContent.Trim())
            .ToList();
        Assert.Equal(2, buttons.Count);
        Assert.All(buttons, name => Assert.StartsWith("In diese Idee zusammenführen …: Wasserstoff", name, StringComparison.Ordinal));
        Assert.NotEqual(buttons[0], buttons[1]);
        Assert.Empty(review.QuerySelectorAll(".duplicate-list form"));

        // Following the link merges nothing yet: the merge form holds the duplicate's number and says what will happen.
        var proposal = await moderator.GetDocumentAsync($"/moderation/ideen/{pending}?ziel={first}");
        Assert.Equal(IdeaStates.Pending, (await site.Get<IdeaStore>().FindAsync(pending))!.State);
        Assert.Equal(first.ToString(System.Globalization.CultureInfo.InvariantCulture), proposal.QuerySelector("#Input_TargetId")!.GetAttribute("value"));
        Assert.Contains($"„Wasserstofftankstelle in der Pellenz“ (Nr. {pending}) wird in „Wasserstofftankstelle Kruft“ (Nr. {first}) zusammengeführt", proposal.QuerySelector(".decision .notice")!.TextContent, StringComparison.Ordinal);

        using var merged = await moderator.SubmitFormAsync(proposal, $"/moderation/ideen/{pending}", [], "form[action*='handler=Merge']");
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal(IdeaStates.Merged, (await site.Get<IdeaStore>().FindAsync(pending))!.State);
    }

    [Fact]
    public async Task Merge_RedirectsTheMergedIdeaPermanently_AndAnswerAppearsOnThePage()
    {
        var target = await PublishedIdeaAsync();
        var source = await PublishedIdeaAsync();
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);

        using var merge = await moderator.PostFormAsync($"/moderation/ideen/{source}", new() { ["Input.TargetId"] = target.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "form[action*='handler=Merge']");
        Assert.Equal(HttpStatusCode.Redirect, merge.StatusCode);
        using var old = await site.CreateBrowserLikeClient().GetAsync($"/ideen/{source}");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal($"/ideen/{target}", old.Headers.Location!.OriginalString);

        using var answer = await moderator.PostFormAsync($"/moderation/ideen/{target}", new() { ["Input.Status"] = "in_review", ["Input.Answer"] = "Wir prüfen das mit der Verbandsgemeinde." }, "form[action*='handler=Answer']");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var page = await site.CreateBrowserLikeClient().GetDocumentAsync($"/ideen/{target}");
        Assert.Contains("Wir prüfen das mit der Verbandsgemeinde.", page.QuerySelector(".official-answer")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("in Prüfung", page.QuerySelector(".status")!.TextContent);
        var log = await moderator.GetDocumentAsync($"/moderation/protokoll?idee={target}");
        Assert.Contains("offiziell beantwortet", log.QuerySelector("table.audit")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_ShowsBeforeAndAfterAsReadableGerman_OldEscapedEntriesToo_AndEncoded()
    {
        var (_, idea, _, _) = await PendingIdeaAsync();
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        using var publish = await moderator.PostFormAsync($"/moderation/ideen/{idea}", new() { ["Input.MunicipalityId"] = "vallendar" }, "form[action*='handler=Publish']");
        await using (var connection = await site.Get<IDbConnectionFactory>().OpenAsync())
        {
            // An entry as the log wrote them before: JSON with \u escapes, here carrying markup that must stay text.
            await Dapper.SqlMapper.ExecuteAsync(connection, """
                INSERT INTO audit_log (at, staff_id, staff_email, action, target_type, target_id, idea_id, before_json, after_json, note)
                SELECT at, staff_id, staff_email, 'edit', 'idea', idea_id, idea_id, '{"title":"Alt f\u00FCr"}', '{"title":"<b>f\u00FCr</b> \u2013 \u00FCberarbeitet"}', NULL
                FROM audit_log WHERE idea_id = @Idea
                """, new { Idea = idea });
        }

        var table = (await moderator.GetDocumentAsync($"/moderation/protokoll?idee={idea}")).QuerySelector("table.audit")!;

        var text = table.TextContent;
        Assert.Contains("<b>für</b> – überarbeitet", text, StringComparison.Ordinal);
        Assert.Empty(table.QuerySelectorAll("tbody b"));
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"state\"", text, StringComparison.Ordinal);
        var published = table.QuerySelectorAll("tbody tr").Single(r => r.QuerySelectorAll("td")[2].TextContent == "veröffentlicht");
        var before = published.QuerySelectorAll("td")[4];
        var after = published.QuerySelectorAll("td")[5];
        Assert.Equal(["Stand", "Handlungsfeld", "Ort"], before.QuerySelectorAll("dt").Select(d => d.TextContent));
        Assert.Equal("wartet auf Prüfung", before.QuerySelector("dd")!.TextContent);
        Assert.Equal("veröffentlicht", after.QuerySelector("dd")!.TextContent);
        Assert.Equal("Bildung", after.QuerySelectorAll("dd")[1].TextContent);
        Assert.Contains("Vallendar", after.QuerySelectorAll("dd")[2].TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/moderation")]
    [InlineData("/moderation/meldungen")]
    [InlineData("/moderation/kommentare")]
    [InlineData("/moderation/protokoll")]
    [InlineData("/moderation/ideen/1")]
    public async Task ModerationPages_AnonymousAndParticipants_AreRefused(string url)
    {
        using var anonymous = await site.CreateBrowserLikeClient().GetAsync(url);
        var (participant, _) = await site.ParticipantClientAsync();
        using var asParticipant = await participant.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/staff/anmelden", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, asParticipant.StatusCode);
        Assert.StartsWith("/staff/anmelden", asParticipant.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModerationPosts_FromAParticipantWithAValidToken_ChangeNothing()
    {
        var (_, idea, _, _) = await PendingIdeaAsync();
        var (participant, _) = await site.ParticipantClientAsync();

        foreach (var handler in new[] { "Publish", "Reject", "Edit", "Merge", "Answer" })
        {
            using var response = await participant.PostWithTokenAsync("/konto", $"/moderation/ideen/{idea}?handler={handler}", new() { ["Input.Version"] = "1", ["Input.Reason"] = "off_topic" });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/staff/anmelden", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        using var reports = await participant.PostWithTokenAsync("/konto", "/moderation/meldungen?handler=Hide", new() { ["Input.IdeaId"] = idea.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Note"] = "weg" });
        Assert.Equal(HttpStatusCode.Redirect, reports.StatusCode);
        Assert.Equal(IdeaStates.Pending, (await site.Get<IdeaStore>().FindAsync(idea))!.State);
    }

    [Fact]
    public async Task ModerationPost_WithoutAntiforgeryToken_IsRejected()
    {
        var (_, idea, _, _) = await PendingIdeaAsync();
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);

        using var response = await moderator.PostAsync($"/moderation/ideen/{idea}?handler=Publish", new FormUrlEncodedContent([new("Input.Version", "1")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(IdeaStates.Pending, (await site.Get<IdeaStore>().FindAsync(idea))!.State);
    }

    [Fact]
    public async Task HiddenIdea_ReviewPageOffersToPublishItAgain_WithAReason()
    {
        var idea = await PublishedIdeaAsync();
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        await using (var connection = await site.Get<IDbConnectionFactory>().OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE ideas SET state = 'hidden', version = version + 1 WHERE id = @Id", new { Id = idea });
        }

        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateBrowserLikeClient().GetAsync($"/ideen/{idea}")).StatusCode);

        var form = "form[action*='handler=Restore']";
        using var withoutReason = await moderator.PostFormAsync($"/moderation/ideen/{idea}", [], form);
        Assert.Equal("Bitte begründen Sie, warum die Idee wieder erscheint (höchstens 1.000 Zeichen).", (await withoutReason.ReadDocumentAsync()).QuerySelector("#Input_Note-error")!.TextContent.Trim());
        using var restored = await moderator.PostFormAsync($"/moderation/ideen/{idea}", new() { ["Input.Note"] = "Keine Werbung, geprüft." }, form);

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateBrowserLikeClient().GetAsync($"/ideen/{idea}")).StatusCode);
        Assert.Null((await moderator.GetDocumentAsync($"/moderation/ideen/{idea}")).QuerySelector(form));
    }

    [Fact]
    public async Task ReportsTab_HideWithoutReason_GivesMessage_WithReason_Hides()
    {
        var idea = await PublishedIdeaAsync();
        var (writer, _) = await site.ParticipantClientAsync();
        await writer.PostFormAsync($"/ideen/{idea}", new() { ["Input.Comment"] = "Unverschämter Kommentar" }, "form#kommentieren");
        var commentId = (await site.Get<IdeaStore>().CommentsAsync(idea)).Single().Id;
        var (reporter, _) = await site.ParticipantClientAsync(displayName: "Melderin");
        await reporter.PostFormAsync($"/ideen/{idea}/melden?kommentar={commentId}", new() { ["Input.Reason"] = "insult", ["Input.Details"] = "Nennt mich <b>Lügnerin</b>, siehe zweiten Satz." });
        var (second, _) = await site.ParticipantClientAsync();
        await second.PostFormAsync($"/ideen/{idea}/melden?kommentar={commentId}", new() { ["Input.Reason"] = "insult" });
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);

        var tab = await moderator.GetDocumentAsync("/moderation/meldungen");
        Assert.Contains("Melderin", tab.QuerySelector(".report-list")!.TextContent, StringComparison.Ordinal);
        // The reporter's explanation reaches the moderator, as text; the report without one adds nothing.
        var item = tab.QuerySelector($"li.report-item:has(input[name='Input.CommentId'][value='{commentId}'])")!;
        Assert.Equal(["Nennt mich <b>Lügnerin</b>, siehe zweiten Satz."], item.QuerySelectorAll(".report-detail").Select(d => d.TextContent.Trim()));
        Assert.Null(item.QuerySelector(".report-detail b"));
        var form = $"li.report-item:has(input[name='Input.CommentId'][value='{commentId}']) form[action*='handler=Hide']";
        using var noReason = await moderator.PostFormAsync("/moderation/meldungen", [], form);
        Assert.Contains("begründen", (await noReason.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        using var hide = await moderator.PostFormAsync("/moderation/meldungen", new() { ["Input.Note"] = "Beleidigung" }, form);

        Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        var page = await site.CreateBrowserLikeClient().GetDocumentAsync($"/ideen/{idea}");
        Assert.Contains("von der Moderation entfernt", page.QuerySelector($"#kommentar-{commentId}")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    public async Task Publish_WithoutAReadableVersion_SaysTheFormWasIncomplete_NotAConflict_AndChangesNothing(string? version)
    {
        var (_, idea, _, _) = await PendingIdeaAsync();
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        var before = (await site.Get<IdeaStore>().FindAsync(idea))!.State;
        var fields = new Dictionary<string, string> { ["Input.FieldId"] = "bildung", ["Input.MunicipalityId"] = "bendorf" };
        if (version is not null)
        {
            fields["Input.Version"] = version;
        }

        using var response = await moderator.PostWithTokenAsync($"/moderation/ideen/{idea}", $"/moderation/ideen/{idea}?handler=Publish", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = (await response.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Das Formular war unvollständig, es wurde nichts geändert.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("inzwischen", message, StringComparison.Ordinal);
        Assert.Equal(before, (await site.Get<IdeaStore>().FindAsync(idea))!.State);
    }

    private async Task<(HttpClient Author, long Idea, string Title, string Email)> PendingIdeaAsync()
    {
        var email = $"autor-{Guid.NewGuid():N}@example.org";
        var (author, _) = await site.ParticipantClientAsync(email);
        var title = $"Idee {Guid.NewGuid():N}"[..25];
        using var response = await author.PostFormAsync("/ideen/neu", new()
        {
            // As after the check for similar ideas, which the ideas published before would otherwise bring up.
            ["Input.SimilarShown"] = "true",
            ["Input.Title"] = title,
            ["Input.Body"] = "Eine Beschreibung, die lang genug ist, um geprüft zu werden.",
            ["Input.FieldId"] = "bildung",
            ["Input.MunicipalityId"] = "bendorf",
        });
        var id = long.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        return (author, id, title, email);
    }

    private async Task<long> PublishedIdeaAsync()
    {
        var (_, idea, _, _) = await PendingIdeaAsync();
        await site.Get<IDbConnectionFactory>().PublishAsync(idea);
        return idea;
    }

    private async Task<MimeMessage> WaitForMailAsync(string to, string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(site.MailDirectory))
            {
                foreach (var file in Directory.GetFiles(site.MailDirectory, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == to) && message.Subject == subject)
                    {
                        return message;
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No mail '{subject}' to {to}.");
    }
}
