using System.Net;
using MYK10.Participation.Ballots;
using MYK10.Participation.Staff;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Ballots;

public sealed class VoteAdminTests(VoteAdminTests.Site site) : IClassFixture<VoteAdminTests.Site>
{
    public sealed class Site : SiteFactory;

    private static Dictionary<string, string> ValidForm(string title) => new()
    {
        ["Input.Title"] = title,
        ["Input.Explanation"] = "Welche Maßnahmen sollen 2027 zuerst kommen?",
        ["Input.AudienceId"] = "andernach",
        ["Input.OpensAt"] = "2030-03-01T08:00",
        ["Input.ClosesAt"] = "2030-04-05T18:00",
        ["Input.Method"] = "budget",
        ["Input.Budget"] = "500000",
        ["Input.MinBudgetSharePercent"] = "40",
        ["Input.Rule"] = "equal_shares",
        ["Input.Visibility"] = "after_close",
        ["Input.Options[0].Title"] = "Trinkwasserbrunnen am Rheinufer",
        ["Input.Options[0].Cost"] = "45000",
        ["Input.Options[1].Title"] = "Digitale Stadtführung",
        ["Input.Options[1].Description"] = "Mit Hörstationen",
        ["Input.Options[1].Cost"] = "80000",
    };

    [Fact]
    public async Task Admin_CreatesABudgetVote_ThenPublishesIt()
    {
        var client = await site.StaffClientAsync(StaffRole.Admin);

        var response = await client.PostFormAsync("/admin/abstimmungen/bearbeiten", ValidForm("Bürgerbudget Andernach 2030"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var vote = (await site.Get<VoteStore>().ListAsync(publishedOnly: false)).Single(v => v.Title == "Bürgerbudget Andernach 2030");
        Assert.False(vote.Published);
        Assert.Equal((VoteMethod.Budget, AllocationRule.EqualShares, 500_000L, 40), (vote.Method, vote.Rule!.Value, vote.Budget!.Value, vote.MinBudgetSharePercent!.Value));
        Assert.Equal("andernach", vote.AudienceId);
        Assert.Equal(new DateTimeOffset(2030, 3, 1, 7, 0, 0, TimeSpan.Zero), vote.OpensAt); // 08:00 in Berlin (CET) is 07:00 UTC
        Assert.Equal(new DateTimeOffset(2030, 4, 5, 16, 0, 0, TimeSpan.Zero), vote.ClosesAt); // 18:00 CEST (summer time from 31 March) is 16:00 UTC
        Assert.Equal(["Trinkwasserbrunnen am Rheinufer", "Digitale Stadtführung"], vote.Options.Select(o => o.Title));
        Assert.Equal([45_000L, 80_000L], vote.Options.Select(o => o.Cost!.Value));

        // Publishing cannot be taken back: without the tick the box opens again with its error, and nothing changes.
        var unconfirmed = await client.PostFormAsync("/admin/abstimmungen", [], $"form[action*='id={vote.Id}']");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        var page = await unconfirmed.ReadDocumentAsync();
        var tick = page.QuerySelector($"#confirm-publish-{vote.Id}")!;
        Assert.Equal("true", tick.GetAttribute("aria-invalid"));
        Assert.Equal("Bitte bestätigen Sie, dass Sie die Abstimmung geprüft haben.", page.QuerySelector($"#confirm-publish-{vote.Id}-error")!.TextContent);
        Assert.True(tick.Closest("details")!.HasAttribute("open"));
        Assert.False((await site.Get<VoteStore>().FindAsync(vote.Id))!.Published);

        var publish = await client.PostFormAsync("/admin/abstimmungen", new() { ["Input.ConfirmPublish"] = "true" }, $"form[action*='id={vote.Id}']");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.True((await site.Get<VoteStore>().FindAsync(vote.Id))!.Published);

        // The list tells a published vote that has not begun from one that runs.
        var running = await site.OpenVoteAsync(VoteMethod.Approval);
        var list = await client.GetDocumentAsync("/admin/abstimmungen");
        string Status(long id) => list.QuerySelector($"tr:has(a[href='/abstimmungen/{id}']) td")!.TextContent;
        Assert.Equal("Veröffentlicht, beginnt noch", Status(vote.Id));
        Assert.Equal("Veröffentlicht, läuft", Status(running.Id));
    }

    [Fact]
    public async Task InvalidForm_ShowsGermanMessagesAtTheFields_AndStoresNothing()
    {
        var client = await site.StaffClientAsync(StaffRole.Admin);
        var before = (await site.Get<VoteStore>().ListAsync(publishedOnly: false)).Count;
        var form = ValidForm("");
        form["Input.ClosesAt"] = "2030-02-01T08:00";
        form["Input.Options[1].Title"] = "";
        form["Input.Options[1].Description"] = "";
        form["Input.Options[1].Cost"] = "";
        form["Input.Budget"] = "viel";

        var response = await client.PostFormAsync("/admin/abstimmungen/bearbeiten", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        var summary = document.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Bitte geben Sie einen Titel ein.", summary, StringComparison.Ordinal);
        Assert.Contains("Das Ende muss nach dem Beginn liegen.", summary, StringComparison.Ordinal);
        Assert.Contains("Bitte geben Sie mindestens zwei Maßnahmen ein.", summary, StringComparison.Ordinal);
        Assert.Contains("Bitte geben Sie eine ganze Zahl ab 0 ein.", summary, StringComparison.Ordinal);
        Assert.Equal("true", document.QuerySelector("#Input_Title")!.GetAttribute("aria-invalid"));
        Assert.Equal(before, (await site.Get<VoteStore>().ListAsync(publishedOnly: false)).Count);
    }

    [Fact]
    public async Task OptionsLinkToTheIdeasTheyGrewFrom_AndUnknownIdeasAreRefused()
    {
        var client = await site.StaffClientAsync(StaffRole.Admin);
        var (_, author) = await site.ParticipantClientAsync();
        long idea;
        await using (var connection = await site.Get<MYK10.Participation.Data.IDbConnectionFactory>().OpenAsync())
        {
            idea = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, """
                INSERT INTO ideas (author_id, title, body, field_id, municipality_id, state, created_at, published_at)
                VALUES (@Author, 'Trinkbrunnen für heiße Tage', 'Öffentliche Trinkbrunnen an den Rheinanlagen, damit alle kostenlos Wasser bekommen.',
                        'umwelt-und-klima', 'andernach', 'published', '2026-11-01T08:00:00.0000000Z', '2026-11-01T09:00:00.0000000Z')
                RETURNING id
                """, new { Author = author });
        }

        var unknown = ValidForm("Mit unbekannter Idee");
        unknown["Input.Options[0].Ideas"] = "999999";
        var refused = await client.PostFormAsync("/admin/abstimmungen/bearbeiten", unknown);
        Assert.Contains("Eine der angegebenen Ideen gibt es nicht.", (await refused.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var form = ValidForm("Mit Idee verknüpft");
        form["Input.OpensAt"] = "2020-01-01T08:00";
        form["Input.AudienceId"] = "kreis";
        form["Input.Options[0].Ideas"] = $"#{idea}";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/admin/abstimmungen/bearbeiten", form)).StatusCode);
        var vote = (await site.Get<VoteStore>().ListAsync(publishedOnly: false)).Single(v => v.Title == "Mit Idee verknüpft");
        Assert.Equal([idea], vote.Options[0].Ideas);
        await site.Get<VoteService>().PublishAsync(vote.Id);

        var ballot = await site.CreateBrowserLikeClient().GetDocumentAsync($"/abstimmungen/{vote.Id}");
        Assert.Equal("Trinkbrunnen für heiße Tage", ballot.QuerySelector($"main a[href='/ideen/{idea}']")!.TextContent);
    }

    [Fact]
    public async Task EditForm_InEnglish_MarksTheFieldsHoldingGermanTextAsGerman_AndNotTheOthers()
    {
        var client = await site.StaffClientAsync(StaffRole.Admin);
        var vote = await site.OpenVoteAsync(VoteMethod.Approval);

        var (german, english) = await client.GermanThenEnglishAsync($"/admin/abstimmungen/bearbeiten/{vote.Id}");

        Assert.Null(german.QuerySelector("main [lang]"));
        Assert.Equal(vote.Title, english.QuerySelector("input[name='Input.Title'][lang=de]")?.GetAttribute("value"));
        Assert.NotNull(english.QuerySelector("textarea[name='Input.Explanation'][lang=de]"));
        Assert.NotNull(english.QuerySelector("input[name='Input.Options[0].Title'][lang=de]"));
        Assert.Null(english.QuerySelector("input[name='Input.Budget']")?.GetAttribute("lang"));
        Assert.Null(english.QuerySelector("input[name='Input.Options[0].Ideas']")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task VoteWithBallots_CannotBeEdited()
    {
        var client = await site.StaffClientAsync(StaffRole.Admin);
        var vote = await site.OpenVoteAsync(VoteMethod.Approval);
        var (participant, participantId) = await site.ParticipantClientAsync();
        await site.Get<BallotBox>().CastAsync(vote.Id, participantId, [new BallotChoice(vote.OptionId(1), 1)]);

        var page = await client.GetDocumentAsync($"/admin/abstimmungen/bearbeiten/{vote.Id}");
        var post = await client.PostAsync($"/admin/abstimmungen/bearbeiten/{vote.Id}", new FormUrlEncodedContent(ValidForm("Geändert")));

        Assert.Null(page.QuerySelector("main form[method=post]"));
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(vote.Title, (await site.Get<VoteStore>().FindAsync(vote.Id))!.Title);
        participant.Dispose();
    }

    [Fact]
    public async Task AdminPages_AreClosedToParticipantsAndModerators()
    {
        var (participant, _) = await site.ParticipantClientAsync();
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);

        Assert.Equal(HttpStatusCode.Redirect, (await participant.GetAsync("/admin/abstimmungen")).StatusCode);
        var denied = await moderator.GetAsync("/admin/abstimmungen/bearbeiten");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("kein-zugriff", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
