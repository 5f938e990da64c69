using System.Globalization;
using System.Net;
using MYK10.Participation.Comments;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;
using MYK10.Participation.Staff;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Moderation;

/// <summary>The tab of hidden comments: moderators see what is hidden and show a comment again with a reason.</summary>
public sealed class HiddenCommentsPageTests(HiddenCommentsPageTests.Site site) : IClassFixture<HiddenCommentsPageTests.Site>
{
    public sealed class Site : SiteFactory;

    [Fact]
    public async Task IdeaComment_HiddenByAModerator_IsListed_AndTheFormShowsItAgain_AfterAReasonIsGiven()
    {
        var connections = site.Get<IDbConnectionFactory>();
        var idea = (await site.Get<IdeaService>().SubmitAsync(await connections.ParticipantAsync(), new IdeaSubmission(
            "Sitzbänke am Rheinufer", "Mehr Sitzbänke am Rheinufer in Andernach, mit Schatten.", "tourismus", "andernach", null))).IdeaId!.Value;
        await connections.PublishAsync(idea);
        var (_, comment) = await site.Get<IdeaService>().CommentAsync(await connections.ParticipantAsync("Kommentatorin"), idea, "Bänke <b>ja</b>, aber bitte aus Holz.");
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        using var hide = await moderator.PostWithTokenAsync("/moderation/kommentare", "/moderation/meldungen?handler=Hide", new()
        {
            ["Input.IdeaId"] = idea.ToString(CultureInfo.InvariantCulture),
            ["Input.CommentId"] = comment!.Value.ToString(CultureInfo.InvariantCulture),
            ["Input.Note"] = "Versehentlich",
        });
        Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        Assert.DoesNotContain("aus Holz", (await site.CreateBrowserLikeClient().GetDocumentAsync($"/ideen/{idea}")).Body!.TextContent, StringComparison.Ordinal);

        var tab = await moderator.GetDocumentAsync("/moderation/kommentare");
        var item = tab.QuerySelector($"li.report-item:has(input[name='Input.CommentId'][value='{comment}'])")!;
        Assert.Equal("Kommentar zu „Sitzbänke am Rheinufer“", item.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal("Bänke <b>ja</b>, aber bitte aus Holz.", item.QuerySelector("blockquote")!.TextContent.Trim());
        Assert.Null(item.QuerySelector("blockquote b"));
        Assert.Contains("Kommentatorin", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("von der Moderation", item.TextContent, StringComparison.Ordinal);
        Assert.NotNull(item.QuerySelector($"a[href='/ideen/{idea}#kommentar-{comment}']"));
        Assert.Equal("page", tab.QuerySelector("nav.tabs a[href='/moderation/kommentare']")!.GetAttribute("aria-current"));

        var form = $"li.report-item:has(input[name='Input.CommentId'][value='{comment}']) form";
        using var withoutReason = await moderator.PostFormAsync("/moderation/kommentare", new() { ["Input.Note"] = "  " }, form);
        var refused = await withoutReason.ReadDocumentAsync();
        var field = $"note-{idea}-{comment}";
        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Equal("Bitte begründen Sie, warum der Kommentar wieder erscheint (höchstens 1.000 Zeichen).", refused.QuerySelector($"#{field}-error")!.TextContent.Trim());
        Assert.Equal($"{field}-hint {field}-error", refused.QuerySelector($"textarea#{field}")!.GetAttribute("aria-describedby"));
        Assert.Equal("Begründung für das Protokoll (Pflichtangabe)", refused.QuerySelector($"label[for='{field}']")!.TextContent.Trim());
        Assert.NotNull(refused.QuerySelector($".error-summary a[href='#{field}']"));

        using var restored = await moderator.SubmitFormAsync(refused, "/moderation/kommentare", new() { ["Input.Note"] = "Kein Verstoß, versehentlich ausgeblendet." }, form);

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal("/moderation/kommentare?hinweis=restored", restored.Headers.Location!.OriginalString);
        var after = await moderator.GetDocumentAsync(restored.Headers.Location.OriginalString);
        Assert.Equal("Der Kommentar ist wieder sichtbar.", after.QuerySelector(".notice")!.TextContent.Trim());
        Assert.Null(after.QuerySelector($"input[name='Input.CommentId'][value='{comment}']"));
        var page = await site.CreateBrowserLikeClient().GetDocumentAsync($"/ideen/{idea}");
        Assert.Contains("aus Holz", page.QuerySelector($"#kommentar-{comment}")!.TextContent, StringComparison.Ordinal);
        var log = await moderator.GetDocumentAsync("/moderation/protokoll?aktion=restore_comment");
        var entry = log.QuerySelector("table.audit tbody tr")!.TextContent;
        Assert.Contains("Kommentar wieder eingeblendet", entry, StringComparison.Ordinal);
        Assert.Contains("von der Moderation", entry, StringComparison.Ordinal);
        Assert.Contains("Kein Verstoß, versehentlich ausgeblendet.", entry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeasureComment_HiddenByReports_IsListedAsSuch_AndShowingItAgainClosesItsReports()
    {
        var connections = site.Get<IDbConnectionFactory>();
        var measure = await site.Services.MeasureAsync("Carsharing im Maifeld");
        var comment = await site.Services.MeasureCommentAsync(await connections.ParticipantAsync(), measure, "Carsharing lohnt sich auf dem Land nicht.");
        for (var i = 0; i < 3; i++)
        {
            await site.Get<CommentService>().ReportAsync(await connections.ParticipantAsync(), ReportTarget.MeasureComment(comment), "off_topic", null);
        }

        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        var item = (await moderator.GetDocumentAsync("/moderation/kommentare")).QuerySelector($"li.report-item:has(input[name='Input.MeasureCommentId'][value='{comment}'])")!;
        Assert.Equal("Kommentar zur Maßnahme „Carsharing im Maifeld“", item.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("nach Meldungen", item.TextContent, StringComparison.Ordinal);
        Assert.NotNull(item.QuerySelector($"a[href='/strategie/massnahmen/{measure}#kommentar-{comment}']"));

        using var restored = await moderator.PostFormAsync("/moderation/kommentare", new() { ["Input.Note"] = "Eine Meinung, keine Beleidigung." },
            $"li.report-item:has(input[name='Input.MeasureCommentId'][value='{comment}']) form");

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var page = await site.CreateBrowserLikeClient().GetDocumentAsync($"/strategie/massnahmen/{measure}");
        Assert.Contains("lohnt sich auf dem Land nicht", page.QuerySelector($"#kommentar-{comment}")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await moderator.GetDocumentAsync("/moderation/meldungen")).QuerySelector($"input[name='Input.MeasureCommentId'][value='{comment}']"));
    }

    [Fact]
    public async Task TwoHiddenCommentsOnOneIdea_TheirLinksAndButtons_NameTheirComment()
    {
        var connections = site.Get<IDbConnectionFactory>();
        var ideas = site.Get<IdeaService>();
        var idea = (await ideas.SubmitAsync(await connections.ParticipantAsync(), new IdeaSubmission(
            "Trinkbrunnen in Mayen", "Öffentliche Trinkbrunnen in der Mayener Innenstadt für heiße Tage.", "umwelt-und-klima", "mayen", null))).IdeaId!.Value;
        await connections.PublishAsync(idea);
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        var comments = new List<long>();
        foreach (var name in new[] { "Erste", "Zweite" })
        {
            var (_, comment) = await ideas.CommentAsync(await connections.ParticipantAsync(name), idea, $"Kommentar von {name}");
            using var hide = await moderator.PostWithTokenAsync("/moderation/kommentare", "/moderation/meldungen?handler=Hide", new()
            {
                ["Input.IdeaId"] = idea.ToString(CultureInfo.InvariantCulture),
                ["Input.CommentId"] = comment!.Value.ToString(CultureInfo.InvariantCulture),
                ["Input.Note"] = "Prüfung",
            });
            Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
            comments.Add(comment.Value);
        }

        var tab = await moderator.GetDocumentAsync("/moderation/kommentare");

        var items = comments.Select(c => tab.QuerySelector($"li.report-item:has(input[name='Input.CommentId'][value='{c}'])")!).ToList();
        var links = items.Select(i => i.QuerySelector("a")!.TextContent.Trim()).ToList();
        var buttons = items.Select(i => i.QuerySelector("button")!.TextContent.Trim()).ToList();
        Assert.NotEqual(links[0], links[1]);
        Assert.NotEqual(buttons[0], buttons[1]);
        Assert.StartsWith("Wieder einblenden: Kommentar zu „Trinkbrunnen in Mayen“ – Geschrieben von Zweite am ", buttons[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyHiddenComments_AreListedTwentyAPage_AndAPageBeyondTheLastShowsTheLast()
    {
        var connections = site.Get<IDbConnectionFactory>();
        var measure = await site.Services.MeasureAsync("Viele Kommentare");
        var author = await connections.ParticipantAsync();
        await using (var connection = await connections.OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, """
                INSERT INTO measure_comments (measure_id, author_id, body, created_at, state, hidden_by)
                VALUES (@Measure, @Author, @Body, '2020-01-01T00:00:00.0000000Z', 'hidden', 'moderation')
                """, Enumerable.Range(1, 21).Select(i => new { Measure = measure, Author = author, Body = $"Ausgeblendet Nr. {i}" }));
        }

        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        var first = await moderator.GetDocumentAsync("/moderation/kommentare");
        var beyond = await moderator.GetDocumentAsync("/moderation/kommentare?seite=999");

        Assert.Equal(20, first.QuerySelectorAll("li.report-item").Length);
        var pages = first.QuerySelectorAll("nav.pagination a[aria-label]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal("/moderation/kommentare?seite=2", pages[1]);
        Assert.NotEmpty(beyond.QuerySelectorAll("li.report-item"));
        Assert.Null(beyond.QuerySelector(".empty-state"));
        Assert.NotNull(beyond.QuerySelector("nav.pagination a[aria-current='page']:not([href$='seite=999'])"));
    }
}
