using System.Net;
using System.Text.Json;
using Dapper;
using MYK10.Participation.Data;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Ideas;

public sealed class IdeaPagesTests(IdeaPagesTests.Site site) : IClassFixture<IdeaPagesTests.Site>
{
    public sealed class Site : SiteFactory;

    // Sent as after the check for similar ideas: the tests share one site, whose published ideas share words with this
    // one, and are about what happens once the idea is sent (the check has SimilarIdeasPageTests).
    private static Dictionary<string, string> ValidIdea(string title = "Rufbus per App für Mendig") => new()
    {
        ["Input.SimilarShown"] = "true",
        ["Input.Title"] = title,
        ["Input.Body"] = "Ein Rufbus, den man per App oder Telefon bestellt, würde die Dörfer besser anbinden.",
        ["Input.FieldId"] = "verkehr-und-mobilitaet",
        ["Input.MunicipalityId"] = "mendig",
        ["Input.Place"] = "Ortsteil Obermendig",
    };

    [Fact]
    public async Task AFormSentBackWithErrors_SaysSoFirstInThePageTitle_AGetWithABadQueryDoesNot()
    {
        var (author, _) = await site.ParticipantClientAsync();
        var form = await author.GetDocumentAsync("/ideen/neu");

        using var refused = await author.SubmitFormAsync(form, "/ideen/neu", new() { ["Input.Title"] = "" });
        var list = await author.GetDocumentAsync("/ideen?seite=abc");

        Assert.Equal("Fehler: " + form.Title, (await refused.ReadDocumentAsync()).Title);
        Assert.DoesNotContain("Fehler", list.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterCommenting_TheNoticeStandsAtTheNewComment_WhereThePageLands()
    {
        var id = await PublishedIdeaAsync();
        var (writer, _) = await site.ParticipantClientAsync();
        (await writer.PostFormAsync($"/ideen/{id}", new() { ["Input.Comment"] = "Ein früherer Gedanke" }, "form#kommentieren")).Dispose();
        using var response = await writer.PostFormAsync($"/ideen/{id}", new() { ["Input.Comment"] = "Der neue Gedanke" }, "form#kommentieren");
        var landing = response.Headers.Location!.OriginalString;
        var comment = (await site.Get<MYK10.Participation.Ideas.IdeaStore>().CommentsAsync(id)).Single(c => c.Body == "Der neue Gedanke").Id;

        var page = await writer.GetDocumentAsync(landing);

        Assert.EndsWith($"#kommentar-{comment}", landing, StringComparison.Ordinal);
        var notice = Assert.Single(page.QuerySelectorAll("main .notice"));
        Assert.Equal($"kommentar-{comment}", notice.ParentElement!.Id);
    }

    [Fact]
    public async Task AfterReportingAComment_TheNoticeStandsAtThatComment_WhereThePageLands()
    {
        var id = await PublishedIdeaAsync();
        var (writer, _) = await site.ParticipantClientAsync();
        (await writer.PostFormAsync($"/ideen/{id}", new() { ["Input.Comment"] = "Ein Beitrag, der gemeldet wird" }, "form#kommentieren")).Dispose();
        (await writer.PostFormAsync($"/ideen/{id}", new() { ["Input.Comment"] = "Ein späterer Beitrag" }, "form#kommentieren")).Dispose();
        var reported = (await site.Get<MYK10.Participation.Ideas.IdeaStore>().CommentsAsync(id)).Single(c => c.Body == "Ein Beitrag, der gemeldet wird").Id;
        var (reporter, _) = await site.ParticipantClientAsync();

        using var commentReport = await reporter.PostFormAsync($"/ideen/{id}/melden?kommentar={reported}", new() { ["Input.Reason"] = "spam" });
        using var ideaReport = await reporter.PostFormAsync($"/ideen/{id}/melden", new() { ["Input.Reason"] = "spam" });
        var landing = commentReport.Headers.Location!.OriginalString;
        var atComment = await reporter.GetDocumentAsync(landing);
        var atIdea = await reporter.GetDocumentAsync(ideaReport.Headers.Location!.OriginalString);

        Assert.EndsWith($"#kommentar-{reported}", landing, StringComparison.Ordinal);
        var notice = Assert.Single(atComment.QuerySelectorAll("main .notice"));
        Assert.Equal($"kommentar-{reported}", notice.ParentElement!.Id);
        Assert.Equal("Danke für Ihre Meldung. Die Moderation sieht sie sich an.", notice.TextContent.Trim());
        Assert.Equal("idea-detail", Assert.Single(atIdea.QuerySelectorAll("main .notice")).ParentElement!.ClassName);
    }

    [Fact]
    public async Task IdeaPage_NamesItsDateForWhatItIs_PublishedOnceModerated_SubmittedBefore()
    {
        var (author, _) = await site.ParticipantClientAsync();
        using var submitted = await author.PostFormAsync("/ideen/neu", ValidIdea("Sitzbänke mit Ladestation"));
        var id = long.Parse(submitted.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var pending = Facts(await author.GetDocumentAsync($"/ideen/{id}"));

        // Submitted today, published on another day: the page must not call the day of publication the day of submission.
        await site.Get<IDbConnectionFactory>().PublishAsync(id, new DateTimeOffset(2026, 9, 22, 10, 0, 0, TimeSpan.Zero));
        var published = Facts(await site.CreateBrowserLikeClient().GetDocumentAsync($"/ideen/{id}"));

        Assert.True(pending.ContainsKey("Eingereicht am"));
        Assert.False(pending.ContainsKey("Veröffentlicht am"));
        Assert.Equal("22.09.2026", published["Veröffentlicht am"]);
        Assert.False(published.ContainsKey("Eingereicht am"));
    }

    private static Dictionary<string, string> Facts(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("dl.details dt").ToDictionary(dt => dt.TextContent.Trim(), dt => dt.NextElementSibling!.TextContent.Trim());

    [Fact]
    public async Task ReportPage_ForAComment_CancelsBackToThatComment()
    {
        var id = await PublishedIdeaAsync();
        var (writer, _) = await site.ParticipantClientAsync();
        await writer.PostFormAsync($"/ideen/{id}", new() { ["Input.Comment"] = "Das sehe ich anders." }, "form#kommentieren");
        var commentId = (await site.Get<MYK10.Participation.Ideas.IdeaStore>().CommentsAsync(id)).Single().Id;
        var (reporter, _) = await site.ParticipantClientAsync();

        var commentReport = await reporter.GetDocumentAsync($"/ideen/{id}/melden?kommentar={commentId}");
        var ideaReport = await reporter.GetDocumentAsync($"/ideen/{id}/melden");

        Assert.Equal($"/ideen/{id}#kommentar-{commentId}", commentReport.QuerySelector("main a.cancel-link")!.GetAttribute("href"));
        Assert.Equal($"/ideen/{id}", ideaReport.QuerySelector("main a.cancel-link")!.GetAttribute("href"));
        Assert.NotNull((await reporter.GetDocumentAsync($"/ideen/{id}")).QuerySelector($"#kommentar-{commentId}"));
    }

    [Fact]
    public async Task ReportPage_OpenedAgainAfterAReport_SaysSo_InsteadOfOfferingTheFormAgain()
    {
        var id = await PublishedIdeaAsync();
        var (reporter, _) = await site.ParticipantClientAsync();
        Assert.NotNull((await reporter.GetDocumentAsync($"/ideen/{id}/melden")).QuerySelector("main form[method=post]"));
        using var report = await reporter.PostFormAsync($"/ideen/{id}/melden", new() { ["Input.Reason"] = "spam" });
        Assert.Equal(HttpStatusCode.Redirect, report.StatusCode);

        var again = await reporter.GetDocumentAsync($"/ideen/{id}/melden");

        Assert.Null(again.QuerySelector("main form[method=post]"));
        Assert.Contains("Sie haben diesen Beitrag bereits gemeldet.", again.QuerySelector("main .notice")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(again.QuerySelector($"main a[href='/ideen/{id}']"));
        var (other, _) = await site.ParticipantClientAsync();
        Assert.NotNull((await other.GetDocumentAsync($"/ideen/{id}/melden")).QuerySelector("main form[method=post]"));
    }

    [Fact]
    public async Task Submit_Valid_ShowsConfirmation_IsPendingForAuthorOnly_AndNotInListOrApi()
    {
        var (author, _) = await site.ParticipantClientAsync();
        var title = $"Rufbus {Guid.NewGuid():N}"[..30];

        using var response = await author.PostFormAsync("/ideen/neu", ValidIdea(title));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirmation = await author.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Vielen Dank für Ihre Idee!", confirmation.QuerySelector("h1")!.TextContent);
        var ideaUrl = confirmation.QuerySelector("main a[href^='/ideen/']")!.GetAttribute("href")!;

        var own = await author.GetDocumentAsync(ideaUrl);
        Assert.Contains("wird noch von der Moderation geprüft", own.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var account = await author.GetDocumentAsync("/konto");
        Assert.Contains(title, account.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("wird geprüft", account.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var (other, _) = await site.ParticipantClientAsync();
        using var forOther = await other.GetAsync(ideaUrl);
        using var forAnonymous = await site.CreateBrowserLikeClient().GetAsync(ideaUrl);
        using var api = await site.CreateBrowserLikeClient().GetAsync($"/api/v1{ideaUrl.Replace("/ideen", "/ideas", StringComparison.Ordinal)}");
        var list = await site.CreateBrowserLikeClient().GetDocumentAsync($"/ideen?q={Uri.EscapeDataString(title)}");
        Assert.Equal(HttpStatusCode.NotFound, forOther.StatusCode);
        // Signed out (the author following the link in the confirmation mail): to the sign-in and back, nothing shown.
        Assert.Equal(HttpStatusCode.Redirect, forAnonymous.StatusCode);
        Assert.Equal($"/konto/anmelden?ReturnUrl={Uri.EscapeDataString(ideaUrl)}", forAnonymous.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Empty(list.QuerySelectorAll(".idea-card"));
    }

    [Fact]
    public async Task Submit_TheSameFormTwice_ShowsTheSameConfirmation_AndStoresOneIdea()
    {
        var (author, _) = await site.ParticipantClientAsync();
        var title = $"Doppelklick {Guid.NewGuid():N}"[..30];
        var form = await author.GetDocumentAsync("/ideen/neu");

        using var first = await author.SubmitFormAsync(form, "/ideen/neu", ValidIdea(title));
        using var second = await author.SubmitFormAsync(form, "/ideen/neu", ValidIdea(title));

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        await using var connection = await site.Get<IDbConnectionFactory>().OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM ideas WHERE title = @Title", new { Title = title }));
    }

    [Fact]
    public async Task Submit_Anonymous_IsSentToSignIn()
    {
        using var response = await site.CreateBrowserLikeClient().GetAsync("/ideen/neu");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/anmelden", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Input.Title", "", "Bitte geben Sie einen Titel an.")]
    [InlineData("Input.Title", "Bus", "Der Titel muss mindestens 5 Zeichen lang sein.")]
    [InlineData("Input.Body", "Zu kurz.", "Die Beschreibung muss mindestens 20 Zeichen lang sein.")]
    [InlineData("Input.FieldId", "", "Bitte wählen Sie ein Handlungsfeld.")]
    [InlineData("Input.FieldId", "raumfahrt", "Bitte wählen Sie ein Handlungsfeld aus der Liste.")]
    [InlineData("Input.MunicipalityId", "", "Bitte wählen Sie einen Ort.")]
    public async Task Submit_InvalidField_GivesItsGermanMessage_AndKeepsTheOtherInput(string field, string value, string message)
    {
        var (author, _) = await site.ParticipantClientAsync();
        var input = ValidIdea();
        input[field] = value;

        using var response = await author.PostFormAsync("/ideen/neu", input);
        var document = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = field.Replace('.', '_');
        Assert.Equal(message, document.QuerySelector($"#{id}-error")!.TextContent.Trim());
        Assert.NotNull(document.QuerySelector($".error-summary a[href='#{id}']"));
        if (field != "Input.Title")
        {
            Assert.Equal(input["Input.Title"], document.QuerySelector("#Input_Title")!.GetAttribute("value"));
        }

        if (field != "Input.Body")
        {
            Assert.Equal(input["Input.Body"], document.QuerySelector("#Input_Body")!.TextContent.Trim());
        }

        Assert.Equal("Ortsteil Obermendig", document.QuerySelector("#Input_Place")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Submit_SeveralInvalidFields_ListsThemInTheSummaryInTheFormsOrder()
    {
        var (author, _) = await site.ParticipantClientAsync();
        var input = ValidIdea("Bus");
        input["Input.Body"] = "Zu kurz.";
        input["Input.FieldId"] = "";
        input["Input.MunicipalityId"] = "";

        using var response = await author.PostFormAsync("/ideen/neu", input);
        var document = await response.ReadDocumentAsync();

        Assert.Equal(["#Input_Title", "#Input_Body", "#Input_FieldId", "#Input_MunicipalityId"], document.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Markup_InTitleAndBody_IsShownAsText()
    {
        var (author, authorId) = await site.ParticipantClientAsync();
        var input = ValidIdea("<script>alert('x')</script> Idee");
        input["Input.Body"] = "<b>fett</b> und <a href=\"http://böse.example\">Link</a> und noch mehr Text.";
        using var response = await author.PostFormAsync("/ideen/neu", input);
        var id = long.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        await site.Get<IDbConnectionFactory>().PublishAsync(id);

        var html = await site.CreateBrowserLikeClient().GetStringAsync($"/ideen/{id}");

        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Idee", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;fett&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>fett</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http://böse.example\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;a href=&quot;http://böse.example&quot;&gt;Link&lt;/a&gt;", html, StringComparison.Ordinal);

        // German letters go out as UTF-8, in the site's own text as in the participant's, markup characters encoded.
        Assert.Contains("<title>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Idee – MYK10 Bürgerbeteiligung</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#xFC;", html, StringComparison.Ordinal);
        Assert.Contains("<p>&lt;b&gt;fett&lt;/b&gt; und &lt;a href=&quot;http://böse.example&quot;&gt;Link&lt;/a&gt; und noch mehr Text.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Support_ThroughTheDetailPage_TogglesAndCountsOnce()
    {
        var id = await PublishedIdeaAsync();
        var (client, _) = await site.ParticipantClientAsync();

        using var support = await client.PostFormAsync($"/ideen/{id}", [], "form[action*='handler=Support']");
        using var again = await client.PostWithTokenAsync($"/ideen/{id}", $"/ideen/{id}?handler=Support", []);
        var page = await client.GetDocumentAsync($"/ideen/{id}");

        Assert.Equal(HttpStatusCode.Redirect, support.StatusCode);
        Assert.Equal("1 Person unterstützt diese Idee.", page.QuerySelector(".supporters")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("form[action*='handler=Withdraw']"));

        using var withdraw = await client.PostFormAsync($"/ideen/{id}", [], "form[action*='handler=Withdraw']");
        page = await client.GetDocumentAsync($"/ideen/{id}");
        Assert.Equal("Noch niemand unterstützt diese Idee.", page.QuerySelector(".supporters")!.TextContent.Trim());
    }

    [Fact]
    public async Task Support_Anonymous_IsALinkToSignInAndBack_WithoutAForm()
    {
        var id = await PublishedIdeaAsync();
        var client = site.CreateBrowserLikeClient();

        var page = await client.GetDocumentAsync($"/ideen/{id}");

        Assert.Null(page.QuerySelector("main form[method=post]"));
        var link = page.QuerySelector("main a.button[href^='/konto/anmelden']")!;
        Assert.Equal("Unterstützen", link.TextContent.Trim());
        Assert.Equal($"/konto/anmelden?ReturnUrl=%2Fideen%2F{id}", link.GetAttribute("href"));
        Assert.Equal(link.GetAttribute("href"), page.QuerySelector("#kommentieren a")!.GetAttribute("href"));
        Assert.Equal(["/ideen?feld=kommunikationsinfrastruktur", "/ideen?gemeinde=mendig"], page.QuerySelectorAll(".details dd a").Select(a => a.GetAttribute("href")));
        Assert.Equal($"/ideen/{id}/melden", page.QuerySelector(".report-link a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Comments_ArePublishedAtOnce_AndThreeReportsHideOne()
    {
        var id = await PublishedIdeaAsync();
        var (writer, _) = await site.ParticipantClientAsync(displayName: "Schreiberin");
        using var comment = await writer.PostFormAsync($"/ideen/{id}", new() { ["Input.Comment"] = "Das finde ich unmöglich!" }, "form#kommentieren");
        Assert.Equal(HttpStatusCode.Redirect, comment.StatusCode);
        var page = await site.CreateBrowserLikeClient().GetDocumentAsync($"/ideen/{id}");
        var commentItem = page.QuerySelector(".comment-list li")!;
        Assert.Contains("Das finde ich unmöglich!", commentItem.TextContent, StringComparison.Ordinal);
        var commentId = commentItem.Id!["kommentar-".Length..];
        var reportLink = commentItem.QuerySelector("a[href*='/melden']")!.GetAttribute("href")!;
        Assert.Equal($"/ideen/{id}/melden?kommentar={commentId}", reportLink);

        for (var i = 0; i < 3; i++)
        {
            var (reporter, _) = await site.ParticipantClientAsync();
            using var report = await reporter.PostFormAsync(reportLink, new() { ["Input.Reason"] = "insult" });
            Assert.Equal(HttpStatusCode.Redirect, report.StatusCode);
        }

        page = await site.CreateBrowserLikeClient().GetDocumentAsync($"/ideen/{id}");
        Assert.DoesNotContain("Das finde ich unmöglich!", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ausgeblendet, bis die Moderation", page.QuerySelector($"#kommentar-{commentId}")!.TextContent, StringComparison.Ordinal);

        // The hidden text is for moderators only: the report page, which quotes the comment, no longer finds it.
        var (fourth, _) = await site.ParticipantClientAsync();
        using var reportPage = await fourth.GetAsync(reportLink);
        Assert.Equal(HttpStatusCode.NotFound, reportPage.StatusCode);
        Assert.DoesNotContain("Das finde ich unmöglich!", await reportPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommentActions_RepeatedForEveryComment_NameTheCommentTheyActOn()
    {
        var id = await PublishedIdeaAsync();
        var (anna, _) = await site.ParticipantClientAsync(displayName: "Anna");
        var (bernd, _) = await site.ParticipantClientAsync(displayName: "Bernd");
        (await anna.PostFormAsync($"/ideen/{id}", new() { ["Input.Comment"] = "Erster Gedanke" }, "form#kommentieren")).Dispose();
        (await bernd.PostFormAsync($"/ideen/{id}", new() { ["Input.Comment"] = "Zweiter Gedanke" }, "form#kommentieren")).Dispose();

        var reports = (await site.CreateBrowserLikeClient().GetDocumentAsync($"/ideen/{id}")).QuerySelectorAll(".comment-actions a").Select(a => a.TextContent.Trim()).ToList();
        var own = (await anna.GetDocumentAsync($"/ideen/{id}")).QuerySelector(".comment-actions button")!.TextContent.Trim();

        Assert.Equal(2, reports.Distinct().Count());
        Assert.All(reports, name => Assert.StartsWith("Kommentar melden (", name, StringComparison.Ordinal));
        Assert.Contains(reports, name => name.Contains("Bernd am ", StringComparison.Ordinal));
        Assert.StartsWith("Meinen Kommentar löschen (Nr. 1, Anna am ", own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommentActions_TwoCommentsOfOnePersonInTheSameMinute_HaveNamesOfTheirOwn()
    {
        var id = await PublishedIdeaAsync();
        var (anna, _) = await site.ParticipantClientAsync(displayName: "Anna");
        foreach (var text in new[] { "Erster Gedanke", "Noch ein Gedanke" })
        {
            (await anna.PostFormAsync($"/ideen/{id}", new() { ["Input.Comment"] = text }, "form#kommentieren")).Dispose();
        }

        await using (var connection = await site.Get<IDbConnectionFactory>().OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE idea_comments SET created_at = (SELECT min(created_at) FROM idea_comments WHERE idea_id = @id) WHERE idea_id = @id", new { id });
        }

        var own = (await anna.GetDocumentAsync($"/ideen/{id}")).QuerySelectorAll(".comment-actions button");
        var reports = (await site.CreateBrowserLikeClient().GetDocumentAsync($"/ideen/{id}")).QuerySelectorAll(".comment-actions a");

        Assert.Equal(2, own.Length);
        Assert.Equal(2, reports.Length);
        LinkNames.AssertDistinct(own);
        LinkNames.AssertDistinct(reports);
        Assert.StartsWith("Meinen Kommentar löschen (Nr. 2, Anna am ", own[1].TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HiddenIdea_TheAuthorsAccountLinksIt_AndTheAuthorCanReadIt_OthersGet404()
    {
        var (author, _) = await site.ParticipantClientAsync();
        using var submitted = await author.PostFormAsync("/ideen/neu", ValidIdea("Ausgeblendete Idee zum Nachlesen"));
        var id = long.Parse(submitted.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        await site.Get<IDbConnectionFactory>().PublishAsync(id);
        await using (var connection = await site.Get<IDbConnectionFactory>().OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE ideas SET state = 'hidden', version = version + 1 WHERE id = @id", new { id });
        }

        var link = (await author.GetDocumentAsync("/konto")).QuerySelectorAll("main a").Single(a => a.TextContent.Contains("Ausgeblendete Idee zum Nachlesen", StringComparison.Ordinal));
        using var own = await author.GetAsync(link.GetAttribute("href"));
        var (other, _) = await site.ParticipantClientAsync();

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var page = await own.ReadDocumentAsync();
        Assert.Contains("Die Moderation hat diese Idee ausgeblendet. Nur Sie können sie sehen.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form[method=post]"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/ideen/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateBrowserLikeClient().GetAsync($"/ideen/{id}")).StatusCode);
    }

    [Fact]
    public async Task AccountCommentList_NamesEachLinkOnItsOwn_AndLinksNoIdeaThatIsGone()
    {
        var kept = await PublishedIdeaAsync("Idee mit zwei Kommentaren");
        var gone = await PublishedIdeaAsync("Idee, die ausgeblendet wird");
        var (writer, _) = await site.ParticipantClientAsync();
        foreach (var (idea, text) in new[] { (kept, "Erster Gedanke"), (kept, "Zweiter Gedanke"), (gone, "Gedanke zur anderen Idee") })
        {
            (await writer.PostFormAsync($"/ideen/{idea}", new() { ["Input.Comment"] = text }, "form#kommentieren")).Dispose();
        }

        await using (var connection = await site.Get<IDbConnectionFactory>().OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE idea_comments SET created_at = (SELECT min(created_at) FROM idea_comments WHERE idea_id = @kept) WHERE idea_id = @kept", new { kept });
            await connection.ExecuteAsync("UPDATE ideas SET state = 'hidden', version = version + 1 WHERE id = @gone", new { gone });
        }

        var account = await writer.GetDocumentAsync("/konto");
        var links = account.QuerySelectorAll("section[aria-labelledby=kommentiert] a");

        Assert.Equal(2, links.Length);
        Assert.All(links, link => Assert.StartsWith($"/ideen/{kept}#kommentar-", link.GetAttribute("href"), StringComparison.Ordinal));
        LinkNames.AssertOneNameOneTarget(account);
    }

    [Fact]
    public async Task ReportPage_WithACommentNumberThatIsNoNumber_Answers404_InsteadOfReportingTheIdea()
    {
        var id = await PublishedIdeaAsync();
        var (reporter, _) = await site.ParticipantClientAsync();

        using var page = await reporter.GetAsync($"/ideen/{id}/melden?kommentar=12x");
        using var report = await reporter.PostWithTokenAsync($"/ideen/{id}/melden", $"/ideen/{id}/melden?kommentar=12x", new() { ["Input.Reason"] = "spam" });

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
        await using var connection = await site.Get<IDbConnectionFactory>().OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM reports WHERE idea_id = @id", new { id }));
    }

    [Fact]
    public async Task SignInLink_FollowedWhenAlreadySignedIn_LeadsBackToTheIdea_NotToTheAccount()
    {
        var id = await PublishedIdeaAsync();
        var signInLink = (await site.CreateBrowserLikeClient().GetDocumentAsync($"/ideen/{id}")).QuerySelector("#unterstuetzen a.button")!.GetAttribute("href")!;
        var (participant, _) = await site.ParticipantClientAsync(); // signed in meanwhile, say in another tab

        using var followed = await participant.GetAsync(signInLink);
        using var foreign = await participant.GetAsync("/konto/anmelden?ReturnUrl=https%3A%2F%2Fexample.com%2F");

        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        Assert.Equal($"/ideen/{id}", followed.Headers.Location!.OriginalString);
        Assert.Equal("/konto", foreign.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CommentForm_SignedInWithoutACompletedProfile_IsALinkToTheProfile_SoNoTypedCommentIsLost()
    {
        var id = await PublishedIdeaAsync();
        var client = await site.ParticipantWithoutProfileClientAsync();

        var page = await client.GetDocumentAsync($"/ideen/{id}");

        Assert.Null(page.QuerySelector("#Input_Comment"));
        var link = page.QuerySelector("#kommentieren a")!;
        Assert.Equal($"/konto/profil?ReturnUrl=%2Fideen%2F{id}%23kommentieren", link.GetAttribute("href"));
        Assert.Equal("Bitte vervollständigen Sie zuerst Ihr Profil, um zu kommentieren.", link.TextContent.Trim());
    }

    [Fact]
    public async Task Post_WithoutAHandler_Answers405WithTheGermanErrorPage_NotAnEmptyPage()
    {
        var id = await PublishedIdeaAsync();
        var (participant, _) = await site.ParticipantClientAsync();

        foreach (var action in new[] { $"/ideen/{id}", $"/ideen/{id}?handler=gibtesnicht", "/ideen" })
        {
            using var response = await participant.PostWithTokenAsync($"/ideen/{id}", action, []);
            var document = await response.ReadDocumentAsync();

            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Equal("Die Anfrage konnte nicht bearbeitet werden", document.QuerySelector("h1")!.TextContent);
        }

        // A method no page takes gets the same page (refused by the antiforgery check without a token, as 405 with one),
        // and with 405 the methods the page does take.
        var token = (await participant.GetDocumentAsync($"/ideen/{id}")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            using var without = await participant.SendAsync(new HttpRequestMessage(method, $"/ideen/{id}"));
            using var with = await participant.SendAsync(new HttpRequestMessage(method, $"/ideen/{id}") { Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]) });

            Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.MethodNotAllowed), (without.StatusCode, with.StatusCode));
            Assert.Equal("Die Anfrage konnte nicht bearbeitet werden", (await without.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
            Assert.Equal("Die Anfrage konnte nicht bearbeitet werden", (await with.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
            Assert.Equal(["GET", "HEAD", "POST"], with.Content.Headers.Allow);
        }
    }

    [Fact]
    public async Task OnEnglishPages_WhatPeopleWroteIsMarkedAsGerman_OnGermanPagesNothingIsMarked()
    {
        var id = await PublishedIdeaAsync("Glasfaser für alle Ortsteile von Mendig");
        var client = site.CreateBrowserLikeClient();
        var german = await client.GetDocumentAsync($"/ideen/{id}");
        using (await client.PostFormAsync("/", new() { ["Input.Culture"] = "en", ["Input.ReturnUrl"] = "/" }, "form.language-switch"))
        {
        }

        var english = await client.GetDocumentAsync($"/ideen/{id}");
        var list = await client.GetDocumentAsync("/ideen?q=Glasfaser%20Mendig");

        Assert.Null(german.QuerySelector("main [lang]"));
        Assert.Equal("de", english.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.All(english.QuerySelectorAll(".idea-body p:not(.edited-note)"), p => Assert.Equal("de", p.GetAttribute("lang")));
        Assert.Null(english.QuerySelector(".details dt[lang]")); // the page's own English labels are not
        var card = list.QuerySelector($".idea-card:has(a[href='/ideen/{id}'])")!;
        Assert.Equal(("de", "de"), (card.QuerySelector("h3")!.GetAttribute("lang"), card.QuerySelector(".excerpt")!.GetAttribute("lang")));
        // The municipality keeps its German name; the field of action is translated and not marked.
        Assert.Equal(("de", null), (card.QuerySelector(".idea-meta span:nth-child(3)")!.GetAttribute("lang"), card.QuerySelector(".idea-meta span:nth-child(2)")!.GetAttribute("lang")));
        Assert.Equal("de", english.QuerySelector(".details a[href*='gemeinde=mendig']")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task Comment_TheSameFormTwice_StoresOneComment()
    {
        var id = await PublishedIdeaAsync();
        var (writer, _) = await site.ParticipantClientAsync();
        var page = await writer.GetDocumentAsync($"/ideen/{id}");

        using var first = await writer.SubmitFormAsync(page, $"/ideen/{id}", new() { ["Input.Comment"] = "Doppelt geklickt" }, "form#kommentieren");
        using var second = await writer.SubmitFormAsync(page, $"/ideen/{id}", new() { ["Input.Comment"] = "Doppelt geklickt" }, "form#kommentieren");

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Single(await site.Get<MYK10.Participation.Ideas.IdeaStore>().CommentsAsync(id), c => c.Body == "Doppelt geklickt");
    }

    [Fact]
    public async Task Report_WithoutReason_GivesGermanMessage()
    {
        var id = await PublishedIdeaAsync();
        var (reporter, _) = await site.ParticipantClientAsync();

        using var response = await reporter.PostFormAsync($"/ideen/{id}/melden", []);
        var document = await response.ReadDocumentAsync();

        Assert.Equal("Bitte wählen Sie einen Grund.", document.QuerySelector("#Input_Reason-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task Report_WithoutReason_TheErrorSummaryLinksToTheFirstReason()
    {
        var id = await PublishedIdeaAsync();
        var (reporter, _) = await site.ParticipantClientAsync();

        using var response = await reporter.PostFormAsync($"/ideen/{id}/melden", []);

        var target = Assert.Single(ErrorSummary.AssertLinksLandOnFields(await response.ReadDocumentAsync()));
        Assert.Equal("radio", target.GetAttribute("type"));
        Assert.Equal("Input.Reason", target.GetAttribute("name"));
    }

    [Fact]
    public async Task ListAndApi_ReturnTheSameFilteredSet()
    {
        for (var i = 0; i < 3; i++)
        {
            await PublishedIdeaAsync($"Vallendar-Energie {i}", "energie", "vallendar");
        }

        var html = await site.CreateBrowserLikeClient().GetDocumentAsync("/ideen?gemeinde=vallendar&feld=energie");
        using var api = JsonDocument.Parse(await site.CreateBrowserLikeClient().GetStringAsync("/api/v1/ideas?gemeinde=vallendar&feld=energie"));

        var fromList = html.QuerySelectorAll(".idea-card h3 a").Select(a => a.GetAttribute("href")!).ToList();
        var fromApi = api.RootElement.GetProperty("items").EnumerateArray().Select(i => $"/ideen/{i.GetProperty("id").GetInt64()}").ToList();
        Assert.Equal(3, fromApi.Count);
        Assert.Equal(fromApi, fromList);
        Assert.Equal(3, api.RootElement.GetProperty("total").GetInt64());
        var first = api.RootElement.GetProperty("items")[0];
        Assert.Equal("energie", first.GetProperty("field").GetProperty("id").GetString());
        Assert.Equal("neu", first.GetProperty("status").GetString());
        Assert.False(first.TryGetProperty("email", out _));
        Assert.StartsWith("http://localhost/ideen/", first.GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gemeinde=koblenz", "gemeinde", "mayen")]
    [InlineData("feld=raumfahrt", "feld", "energie")]
    [InlineData("status=vielleicht", "status", "neu")]
    public async Task Api_UnknownFilter_IsABadRequestNamingTheParameterAndItsValues(string query, string parameter, string oneAllowed)
    {
        var response = await site.CreateBrowserLikeClient().GetAsync($"/api/v1/ideas?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unknown_filter", json.RootElement.GetProperty("error").GetString());
        Assert.Equal(parameter, json.RootElement.GetProperty("parameter").GetString());
        Assert.Contains(oneAllowed, json.RootElement.GetProperty("allowed").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task List_EmptyResult_SaysSoAndOffersReset()
    {
        var document = await site.CreateBrowserLikeClient().GetDocumentAsync("/ideen?q=xylophonorchester");

        Assert.Contains("keine Ideen", document.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector(".empty-state a[href='/ideen']"));
    }

    [Fact]
    public async Task List_PaginationKeepsTheFilters()
    {
        for (var i = 0; i < 21; i++)
        {
            await PublishedIdeaAsync($"Pellenz-Bildung {i}", "bildung", "pellenz");
        }

        var document = await site.CreateBrowserLikeClient().GetDocumentAsync("/ideen?gemeinde=pellenz&feld=bildung&q=Pellenz%20%26%20Bildung");
        var next = document.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href")!;

        Assert.Contains("gemeinde=pellenz", next, StringComparison.Ordinal);
        Assert.Contains("feld=bildung", next, StringComparison.Ordinal);
        Assert.Contains("q=Pellenz%20%26%20Bildung", next, StringComparison.Ordinal);
        Assert.EndsWith("&seite=2", next, StringComparison.Ordinal);
        var second = await site.CreateBrowserLikeClient().GetDocumentAsync(next);
        Assert.Single(second.QuerySelectorAll(".idea-card"));

        // Back to the first page: the same filters, without a page number.
        var previous = second.QuerySelector(".pagination a[rel=prev]")!.GetAttribute("href")!;
        Assert.Equal(next[..^"&seite=2".Length], previous);
        Assert.Equal(previous, second.QuerySelector(".pagination a[aria-label='Seite 1']")!.GetAttribute("href"));
        Assert.Equal(20, (await site.CreateBrowserLikeClient().GetDocumentAsync(previous)).QuerySelectorAll(".idea-card").Length);

        // A page beyond the last says where the selection ends and links there, with the filters.
        var beyond = await site.CreateBrowserLikeClient().GetDocumentAsync(next.Replace("&seite=2", "&seite=9", StringComparison.Ordinal));
        Assert.Equal("Diese Seite gibt es nicht: Die Auswahl endet auf Seite 2.", beyond.QuerySelector(".empty-state strong")!.TextContent);
        Assert.Equal(next, beyond.QuerySelector(".empty-state a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task UnknownIdea_Gives404Page()
    {
        using var response = await site.CreateBrowserLikeClient().GetAsync("/ideen/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Seite nicht gefunden", (await response.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
    }

    private async Task<long> PublishedIdeaAsync(string title = "Glasfaser für alle Ortsteile", string field = "kommunikationsinfrastruktur", string municipality = "mendig")
    {
        var (author, _) = await site.ParticipantClientAsync();
        var input = ValidIdea(title);
        input["Input.FieldId"] = field;
        input["Input.MunicipalityId"] = municipality;
        using var response = await author.PostFormAsync("/ideen/neu", input);
        var id = long.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        await site.Get<IDbConnectionFactory>().PublishAsync(id);
        return id;
    }
}
