using System.Globalization;
using System.Net;
using MYK10.Participation.Comments;
using MYK10.Participation.Staff;
using MYK10.Participation.Strategy;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Strategy;

public sealed class MeasureCommentPagesTests(MeasureCommentPagesTests.Site site) : IClassFixture<MeasureCommentPagesTests.Site>
{
    public sealed class Site : SiteFactory;

    [Fact]
    public async Task AccountPage_ListsTheParticipantsCommentsOnMeasures_WithLinksToThem()
    {
        var measure = await MeasureAsync();
        var (writer, _) = await site.ParticipantClientAsync();
        var kept = await CommentAsync(writer, measure, "Ein Kommentar, der bleibt");
        var withdrawn = await CommentAsync(writer, measure, "Ein Kommentar, der zurückgezogen wird");
        (await writer.PostFormAsync(Path(measure), [], $"#kommentar-{withdrawn} form[action*='handler=DeleteComment']")).Dispose();

        var account = await writer.GetDocumentAsync("/konto");
        var links = account.QuerySelectorAll("section[aria-labelledby=kommentiert] a");

        var link = Assert.Single(links);
        Assert.Equal($"{Path(measure)}#kommentar-{kept}", link.GetAttribute("href"));
        Assert.StartsWith("zur Maßnahme „", link.TextContent, StringComparison.Ordinal);
        Assert.Null(account.QuerySelector("section[aria-labelledby=kommentiert] p"));
    }

    [Fact]
    public async Task AccountPage_InEnglish_KeepsTheMeasuresTitleAsAGermanElement_InTheLinkToTheComment()
    {
        var measure = await MeasureAsync("Bürgerservice im Rathaus online");
        var (writer, _) = await site.ParticipantClientAsync();
        await CommentAsync(writer, measure, "Ein Kommentar für die englische Kontoseite");

        var (german, english) = await writer.GermanThenEnglishAsync("/konto");

        Assert.Null(german.QuerySelector("section[aria-labelledby=kommentiert] [lang]"));
        var link = english.QuerySelector("section[aria-labelledby=kommentiert] a")!;
        Assert.StartsWith("on the measure “Bürgerservice im Rathaus online”", link.TextContent, StringComparison.Ordinal);
        Assert.Equal(("Bürgerservice im Rathaus online", null), (link.QuerySelector("span[lang=de]")?.TextContent, link.GetAttribute("lang")));
    }

    [Fact]
    public async Task AfterCommenting_TheNoticeStandsAtTheNewComment_WhereThePageLands()
    {
        var measure = await MeasureAsync();
        var (writer, _) = await site.ParticipantClientAsync();
        await CommentAsync(writer, measure, "Ein früherer Kommentar");
        using var response = await writer.PostFormAsync(Path(measure), new() { ["Input.Comment"] = "Der neue Kommentar" }, "form[action*='handler=Comment']");
        var landing = response.Headers.Location!.OriginalString;
        var comment = (await site.Get<StrategyStore>().DetailAsync(measure))!.Comments.Single(c => c.Body == "Der neue Kommentar").Id;

        var page = await writer.GetDocumentAsync(landing);

        Assert.EndsWith($"#kommentar-{comment}", landing, StringComparison.Ordinal);
        var notice = Assert.Single(page.QuerySelectorAll("main .notice"));
        Assert.Equal($"kommentar-{comment}", notice.ParentElement!.Id);
    }

    [Fact]
    public async Task ReportPage_OpenedAgainAfterAReport_SaysSo_InsteadOfOfferingTheFormAgain()
    {
        var measure = await MeasureAsync();
        var (author, _) = await site.ParticipantClientAsync();
        var comment = await CommentAsync(author, measure, "Ein Beitrag, der einmal gemeldet wird");
        var reportPage = $"{Path(measure)}/melden?kommentar={comment}";
        var (reporter, _) = await site.ParticipantClientAsync();
        using var report = await reporter.PostFormAsync(reportPage, new() { ["Input.Reason"] = "insult" });
        Assert.Equal(HttpStatusCode.Redirect, report.StatusCode);
        // The redirect lands on the reported comment, far down on a phone: the notice stands there, not at the top.
        var landed = await reporter.GetDocumentAsync(report.Headers.Location!.OriginalString);
        Assert.Equal($"kommentar-{comment}", Assert.Single(landed.QuerySelectorAll("main .notice")).ParentElement!.Id);

        var again = await reporter.GetDocumentAsync(reportPage);

        Assert.Null(again.QuerySelector("main form[method=post]"));
        Assert.Contains("Sie haben diesen Beitrag bereits gemeldet.", again.QuerySelector("main .notice")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(again.QuerySelector($"main a[href='{Path(measure)}#kommentar-{comment}']"));
    }

    [Fact]
    public async Task Author_DeletesOwnComment_APlaceholderStays_OthersSeeAReportLink()
    {
        var measure = await MeasureAsync();
        var (author, _) = await site.ParticipantClientAsync();
        var comment = await CommentAsync(author, measure, "Mein eigener Beitrag zur Maßnahme");
        var (reader, _) = await site.ParticipantClientAsync();

        var forReader = await reader.GetDocumentAsync(Path(measure));
        Assert.NotNull(forReader.QuerySelector($"#kommentar-{comment} a[href='{Path(measure)}/melden?kommentar={comment}']"));
        Assert.Null(forReader.QuerySelector($"#kommentar-{comment} form[action*='handler=DeleteComment']"));
        Assert.Null(forReader.QuerySelector($"#kommentar-{comment} form.hide-form"));

        using var delete = await author.PostFormAsync(Path(measure), [], $"#kommentar-{comment} form[action*='handler=DeleteComment']");
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.EndsWith($"hinweis=geloescht#kommentar-{comment}", delete.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var page = await site.CreateBrowserLikeClient().GetDocumentAsync(Path(measure));
        Assert.Contains("von der Verfasserin oder dem Verfasser gelöscht", page.QuerySelector($"#kommentar-{comment}")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Mein eigener Beitrag", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThreeReports_HideTheComment_ThePublicSeesAPlaceholder_AndTheReportPageNoLongerShowsIt()
    {
        var measure = await MeasureAsync();
        var (author, _) = await site.ParticipantClientAsync();
        var comment = await CommentAsync(author, measure, "Ein Beitrag voller Beleidigungen");
        var reportPage = $"{Path(measure)}/melden?kommentar={comment}";

        for (var i = 0; i < 3; i++)
        {
            var (reporter, _) = await site.ParticipantClientAsync();
            var form = await reporter.GetDocumentAsync(reportPage);
            Assert.Contains("Ein Beitrag voller Beleidigungen", form.QuerySelector("blockquote")!.TextContent, StringComparison.Ordinal);
            if (i == 0)
            {
                using var noReason = await reporter.PostFormAsync(reportPage, []);
                Assert.Equal("Bitte wählen Sie einen Grund.", (await noReason.ReadDocumentAsync()).QuerySelector("#Input_Reason-error")!.TextContent.Trim());
            }

            using var report = await reporter.PostFormAsync(reportPage, new() { ["Input.Reason"] = "insult" });
            Assert.Equal(HttpStatusCode.Redirect, report.StatusCode);
            Assert.EndsWith($"hinweis=gemeldet&kommentar={comment}#kommentar-{comment}", report.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var page = await site.CreateBrowserLikeClient().GetDocumentAsync(Path(measure));
        Assert.Contains("ausgeblendet, bis die Moderation ihn geprüft hat", page.QuerySelector($"#kommentar-{comment}")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Beleidigungen", page.Body!.TextContent, StringComparison.Ordinal);
        var (late, _) = await site.ParticipantClientAsync();
        using var hiddenReportPage = await late.GetAsync(reportPage);
        Assert.Equal(HttpStatusCode.NotFound, hiddenReportPage.StatusCode);
        Assert.DoesNotContain("Beleidigungen", await hiddenReportPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsTab_ListsTheMeasureComment_DismissRestoresIt_HideRemovesIt()
    {
        var measure = await MeasureAsync("Offenes WLAN am Marktplatz");
        var (author, _) = await site.ParticipantClientAsync();
        var restored = await CommentAsync(author, measure, "Harmloser Kommentar zum WLAN");
        var removed = await CommentAsync(author, measure, "Unsachlicher Kommentar zum WLAN");
        var (reporter, _) = await site.ParticipantClientAsync(displayName: "Meldender Bürger");
        foreach (var comment in new[] { restored, removed })
        {
            await reporter.PostFormAsync($"{Path(measure)}/melden?kommentar={comment}", new() { ["Input.Reason"] = "off_topic" });
        }

        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        var tab = await moderator.GetDocumentAsync("/moderation/meldungen");
        var item = tab.QuerySelector($"li.report-item:has(input[name='Input.MeasureCommentId'][value='{removed}'])")!;
        Assert.Equal("Kommentar zur Maßnahme „Offenes WLAN am Marktplatz“", item.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("Unsachlicher Kommentar zum WLAN", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Meldender Bürger", item.TextContent, StringComparison.Ordinal);
        Assert.NotNull(item.QuerySelector($"a[href='{Path(measure)}#kommentar-{removed}']"));

        using var dismiss = await moderator.PostFormAsync("/moderation/meldungen", [],
            $"li.report-item:has(input[name='Input.MeasureCommentId'][value='{restored}']) form[action*='handler=Dismiss']");
        Assert.Equal(HttpStatusCode.Redirect, dismiss.StatusCode);
        var hideForm = $"li.report-item:has(input[name='Input.MeasureCommentId'][value='{removed}']) form[action*='handler=Hide']";
        using var noNote = await moderator.PostFormAsync("/moderation/meldungen", [], hideForm);
        Assert.Contains("begründen", (await noNote.ReadDocumentAsync()).QuerySelector($"#note-0-m{removed}-error")!.TextContent, StringComparison.Ordinal);
        using var hide = await moderator.PostFormAsync("/moderation/meldungen", new() { ["Input.Note"] = "Nicht zum Thema" }, hideForm);
        Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);

        var page = await site.CreateBrowserLikeClient().GetDocumentAsync(Path(measure));
        Assert.Contains("Harmloser Kommentar zum WLAN", page.QuerySelector($"#kommentar-{restored}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("von der Moderation entfernt", page.QuerySelector($"#kommentar-{removed}")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Unsachlicher", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null((await moderator.GetDocumentAsync("/moderation/meldungen")).QuerySelector($"input[name='Input.MeasureCommentId'][value='{removed}']"));
        var log = await moderator.GetDocumentAsync("/moderation/protokoll");
        Assert.NotNull(log.QuerySelector($"a[href='{Path(measure)}#kommentar-{removed}']"));
    }

    [Fact]
    public async Task Moderator_HidesAnyCommentFromTheMeasurePage_AndReturnsThere()
    {
        var measure = await MeasureAsync();
        var (author, _) = await site.ParticipantClientAsync();
        var comment = await CommentAsync(author, measure, "Ein Kommentar mit Telefonnummer 0261 123456");
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        var form = $"#kommentar-{comment} form.hide-form";

        using var withoutToken = await moderator.PostAsync("/moderation/meldungen?handler=Hide", new FormUrlEncodedContent(
            [new("Input.MeasureCommentId", comment.ToString(CultureInfo.InvariantCulture)), new("Input.Note", "Persönliche Daten")]));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        using var hide = await moderator.PostFormAsync(Path(measure), new() { ["Input.Note"] = "Persönliche Daten" }, form);

        Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        Assert.Equal($"{Path(measure)}#diskussion", hide.Headers.Location!.OriginalString);
        var page = await site.CreateBrowserLikeClient().GetDocumentAsync(Path(measure));
        Assert.Contains("von der Moderation entfernt", page.QuerySelector($"#kommentar-{comment}")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("0261", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeasureNotUnderDiscussion_ShowsNoCommentForm_AndACommentSentAnywayIsRefusedForThatReason()
    {
        var open = await MeasureAsync();
        var decided = await MeasureAsync("Beschlossene Maßnahme");
        await using (var connection = await site.Get<MYK10.Participation.Data.IDbConnectionFactory>().OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE strategy_measures SET status = 'decided' WHERE id = @Id", new { Id = decided });
        }

        var (participant, _) = await site.ParticipantClientAsync();
        var page = await participant.GetDocumentAsync(Path(decided));
        Assert.Null(page.QuerySelector("form[action*='handler=Comment']"));
        Assert.Contains("nur möglich, solange eine Maßnahme zur Diskussion steht", page.QuerySelector("#diskussion")!.TextContent, StringComparison.Ordinal);

        using var sent = await participant.PostWithTokenAsync(Path(open), $"{Path(decided)}?handler=Comment", new() { ["Input.Comment"] = "Ein gültiger Kommentar" });
        var answer = await sent.ReadDocumentAsync();
        Assert.Equal("Diese Maßnahme steht nicht zur Diskussion, Kommentare sind daher nicht möglich.", answer.QuerySelector(".error-summary li")!.TextContent.Trim());
        Assert.Empty((await site.Get<StrategyStore>().DetailAsync(decided))!.Comments);
    }

    [Fact]
    public async Task Comment_TheSameFormTwice_StoresOneComment_AndBothAnswersLeadToTheSamePlace()
    {
        var measure = await MeasureAsync();
        var (writer, _) = await site.ParticipantClientAsync();
        var page = await writer.GetDocumentAsync(Path(measure));

        using var first = await writer.SubmitFormAsync(page, Path(measure), new() { ["Input.Comment"] = "Doppelt geklickt" }, "form[action*='handler=Comment']");
        using var second = await writer.SubmitFormAsync(page, Path(measure), new() { ["Input.Comment"] = "Doppelt geklickt" }, "form[action*='handler=Comment']");

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Single((await site.Get<StrategyStore>().DetailAsync(measure))!.Comments, c => c.Body == "Doppelt geklickt");
    }

    [Fact]
    public async Task Comment_LeadsBackToTheNewComment_AsOnIdeas()
    {
        var measure = await MeasureAsync();
        var (writer, _) = await site.ParticipantClientAsync();

        using var response = await writer.PostFormAsync(Path(measure), new() { ["Input.Comment"] = "Wohin führt mich das?" }, "form[action*='handler=Comment']");

        var comment = (await site.Get<StrategyStore>().DetailAsync(measure))!.Comments.Single(c => c.Body == "Wohin führt mich das?").Id;
        Assert.EndsWith($"hinweis=kommentiert#kommentar-{comment}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommentForm_SignedInWithoutACompletedProfile_IsALinkToTheProfile_SoNoTypedCommentIsLost()
    {
        var measure = await MeasureAsync();
        var client = await site.ParticipantWithoutProfileClientAsync();

        var page = await client.GetDocumentAsync(Path(measure));

        Assert.Null(page.QuerySelector("#Input_Comment"));
        var link = page.QuerySelector("#diskussion a[href^='/konto/profil']")!;
        Assert.Equal($"/konto/profil?ReturnUrl=%2Fstrategie%2Fmassnahmen%2F{measure}%23diskussion", link.GetAttribute("href"));
        Assert.Equal("Bitte vervollständigen Sie zuerst Ihr Profil, um zu kommentieren.", link.TextContent.Trim());
    }

    private static string Path(long measure) => string.Create(CultureInfo.InvariantCulture, $"/strategie/massnahmen/{measure}");

    private Task<long> MeasureAsync(string title = "Bürgerservice online") => site.Services.MeasureAsync(title);

    /// <summary>Comments through the page's form, as a participant would.</summary>
    private async Task<long> CommentAsync(HttpClient author, long measure, string text)
    {
        using var response = await author.PostFormAsync(Path(measure), new() { ["Input.Comment"] = text }, "form[action*='handler=Comment']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (await site.Get<StrategyStore>().DetailAsync(measure))!.Comments.Single(c => c.Body == text).Id;
    }
}
