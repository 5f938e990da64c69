using System.Globalization;
using System.Net;
using MYK10.Participation.Administration;
using MYK10.Participation.Ballots;
using MYK10.Participation.Staff;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Time;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Ballots;

/// <summary>Ending a vote with ballots early, and moving its end (a site with its own clock, so a vote can run out).</summary>
public sealed class VoteEndTests(VoteEndTests.Site site) : IClassFixture<VoteEndTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site()
        {
            Clock = new ManualClock(DateTimeOffset.UtcNow);
        }
    }

    private const string EndForm = "form[action*='handler=End']";

    private DateTimeOffset Now => site.Clock!.GetUtcNow();

    private static string Page(long id) => $"/admin/abstimmungen/laufzeit/{id}";

    private static string ChangeForm(long id) => $"form[action='{Page(id)}']";

    /// <summary>The value a <c>datetime-local</c> field sends for <paramref name="utc"/>: Berlin time to the minute.</summary>
    private static string Field(DateTimeOffset utc) => BerlinTime.ToBerlin(utc).ToString("yyyy-MM-dd'T'HH':'mm", CultureInfo.InvariantCulture);

    private async Task<Vote> VoteWithBallotAsync(Func<VoteDraft, VoteDraft>? change = null)
    {
        var vote = await site.OpenVoteAsync(VoteMethod.Approval, change);
        var (voter, voterId) = await site.ParticipantClientAsync();
        voter.Dispose();
        Assert.True((await site.Get<BallotBox>().CastAsync(vote.Id, voterId, [new BallotChoice(vote.OptionId(1), 1)])).Succeeded);
        return vote;
    }

    private async Task<IReadOnlyList<AdminLogEntry>> LogAsync(long voteId) =>
        (await site.Get<AdminLogStore>().PageAsync(new AdminLogQuery(AdminTargets.Vote, PageSize: 200))).Entries.Where(e => e.TargetId == voteId).ToList();

    private async Task<Vote> ReloadAsync(long id) => (await site.Get<VoteStore>().FindAsync(id))!;

    [Fact]
    public async Task EndEarly_TakesAReasonAndTheTick_ThenRefusesBallots_LogsTheReason_AndIsCountedAsAtItsEnd()
    {
        var vote = await VoteWithBallotAsync();
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var (late, _) = await site.ParticipantClientAsync();
        var ballotPage = await late.GetDocumentAsync($"/abstimmungen/{vote.Id}");
        Assert.NotNull(ballotPage.QuerySelector("main form[method=post]"));
        var list = await admin.GetDocumentAsync("/admin/abstimmungen");
        Assert.NotNull(list.QuerySelector($"a[href='{Page(vote.Id)}']"));
        Assert.Equal("Ende ändern oder vorzeitig beenden", (await admin.GetDocumentAsync($"/admin/abstimmungen/bearbeiten/{vote.Id}")).QuerySelector($"main a[href='{Page(vote.Id)}']")?.TextContent);

        // Without a reason: the box opens again with its error at the field, and nothing changes.
        var noReason = await admin.PostFormAsync(Page(vote.Id), new() { ["Input.ConfirmEnd"] = "true" }, EndForm);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        var page = await noReason.ReadDocumentAsync();
        Assert.Equal("Bitte geben Sie einen Grund an.", page.QuerySelector("#Input_Reason-error")!.TextContent);
        Assert.Equal("true", page.QuerySelector("#Input_Reason")!.GetAttribute("aria-invalid"));
        Assert.True(page.QuerySelector("#Input_Reason")!.Closest("details")!.HasAttribute("open"));
        Assert.Contains("Bitte geben Sie einen Grund an.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        // Without the tick: its error, and the reason kept in the field.
        var noTick = await admin.PostFormAsync(Page(vote.Id), new() { ["Input.Reason"] = "Der Förderbescheid kam früher." }, EndForm);
        Assert.Equal(HttpStatusCode.OK, noTick.StatusCode);
        page = await noTick.ReadDocumentAsync();
        Assert.Equal("Bitte bestätigen Sie, dass die Abstimmung jetzt enden soll.", page.QuerySelector("#confirm-end-error")!.TextContent);
        Assert.Equal("Der Förderbescheid kam früher.", page.QuerySelector("#Input_Reason")!.TextContent);
        Assert.Equal(vote.ClosesAt, (await ReloadAsync(vote.Id)).ClosesAt);
        Assert.Contains("Das Ergebnis wird nach dem Ende der Abstimmung am", (await late.GetDocumentAsync($"/abstimmungen/{vote.Id}/ergebnis")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var ended = await admin.PostFormAsync(Page(vote.Id), new() { ["Input.Reason"] = "Der Förderbescheid kam früher.", ["Input.ConfirmEnd"] = "true" }, EndForm);

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal("/admin/abstimmungen", ended.Headers.Location!.OriginalString);
        var now = Now;
        var stored = await ReloadAsync(vote.Id);
        Assert.Equal(now, stored.ClosesAt);
        Assert.Equal((vote.OpensAt, vote.Budget, vote.MaxChoices), (stored.OpensAt, stored.Budget, stored.MaxChoices));
        Assert.Equal(vote.Options.Select(o => (o.Id, o.Title, o.Cost)), stored.Options.Select(o => (o.Id, o.Title, o.Cost)));

        // A voter whose page was still open is refused with the message of an ended vote; the page now says it has ended.
        var refused = await late.SubmitFormAsync(ballotPage, $"/abstimmungen/{vote.Id}", new() { ["Input.Items[0].Selected"] = "true" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Die Abstimmung ist beendet.", (await refused.ReadDocumentAsync()).QuerySelector("main p.notice")!.TextContent);
        Assert.Equal(1, (await site.Get<VoteStore>().BallotCountsAsync())[vote.Id]);
        Assert.Null((await late.GetDocumentAsync($"/abstimmungen/{vote.Id}")).QuerySelector("main form[method=post]"));

        // The admin log has the reason and the end before and after, and its page reads them.
        var entry = Assert.Single(await LogAsync(vote.Id), e => e.Action == AdminActions.Close);
        Assert.Equal("Der Förderbescheid kam früher.", entry.Details);
        Assert.Contains(vote.ClosesAt.ToString("yyyy-MM-dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture), entry.BeforeJson, StringComparison.Ordinal);
        Assert.Contains(now.ToString("yyyy-MM-dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture), entry.AfterJson, StringComparison.Ordinal);
        var log = (await admin.GetDocumentAsync("/admin/protokoll?art=vote")).QuerySelector("tbody tr")!.TextContent;
        Assert.Contains("Grund: Der Förderbescheid kam früher.", log, StringComparison.Ordinal);
        Assert.Contains($"Ende der Abstimmung: {BerlinTime.Format(vote.ClosesAt, CultureInfo.GetCultureInfo("de-DE"))} → {BerlinTime.Format(now, CultureInfo.GetCultureInfo("de-DE"))}", log, StringComparison.Ordinal);

        // The result: the tally sweep counts the vote as it counts any vote that has closed, and the result is public.
        Assert.Contains(vote.Id, await site.Get<VoteStore>().DueForTallyAsync(Now));
        await site.Get<VoteTallySweepJob>().RunAsync(CancellationToken.None);
        Assert.Contains("Abgegebene Stimmzettel: 1", (await late.GetDocumentAsync($"/abstimmungen/{vote.Id}/ergebnis")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        late.Dispose();
    }

    [Fact]
    public async Task EndEarly_IsRefused_ForAnEndedVote_AndAnUnpublishedOne()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var vote = await VoteWithBallotAsync();
        var form = await admin.GetDocumentAsync(Page(vote.Id));
        Assert.True(await site.Get<VoteService>().EndNowAsync(vote.Id, "Vorher beendet"));
        var endedAt = (await ReloadAsync(vote.Id)).ClosesAt;
        site.Clock!.Advance(TimeSpan.FromMinutes(5));

        // The page says the vote has ended and offers nothing; a form sent from before the end changes nothing.
        var page = await admin.GetDocumentAsync(Page(vote.Id));
        Assert.Equal("Diese Abstimmung ist beendet. Ihr Ende lässt sich nicht mehr ändern.", page.QuerySelector("main p.notice")!.TextContent);
        Assert.Null(page.QuerySelector("main form[method=post]"));
        Assert.Null((await admin.GetDocumentAsync("/admin/abstimmungen")).QuerySelector($"a[href='{Page(vote.Id)}']"));
        var again = await admin.SubmitFormAsync(form, Page(vote.Id), new() { ["Input.Reason"] = "Noch einmal", ["Input.ConfirmEnd"] = "true" }, EndForm);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Diese Abstimmung ist inzwischen beendet; ihr Ende wurde nicht geändert.", (await again.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var later = await admin.SubmitFormAsync(form, Page(vote.Id), new() { ["Input.ClosesAt"] = Field(Now.AddDays(3)) }, ChangeForm(vote.Id));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(endedAt, (await ReloadAsync(vote.Id)).ClosesAt);
        Assert.Single(await LogAsync(vote.Id), e => e.Action == AdminActions.Close);

        // A draft is changed in its editor: this page does not know it.
        var draft = site.Get<VoteService>();
        var draftId = (await draft.CreateAsync(VoteTestData.Draft(VoteMethod.Approval, Now))).Id!.Value;
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Page(draftId))).StatusCode);
        var post = await admin.PostWithTokenAsync("/admin/abstimmungen", $"{Page(draftId)}?handler=End", new() { ["Input.Reason"] = "Test", ["Input.ConfirmEnd"] = "true" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.False(await draft.EndNowAsync(draftId, "Test"));
        var unchanged = await ReloadAsync(draftId);
        Assert.True(unchanged.ClosesAt > Now);
        Assert.DoesNotContain(await LogAsync(draftId), e => e.Action is AdminActions.Close or AdminActions.Update);
    }

    [Fact]
    public async Task StaffWithoutTheAdminRole_CannotEndAVoteOrMoveItsEnd()
    {
        var vote = await VoteWithBallotAsync();
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);

        var denied = await moderator.GetAsync(Page(vote.Id));
        var end = await moderator.PostWithTokenAsync("/moderation", $"{Page(vote.Id)}?handler=End", new() { ["Input.Reason"] = "Test", ["Input.ConfirmEnd"] = "true" });
        var change = await moderator.PostWithTokenAsync("/moderation", Page(vote.Id), new() { ["Input.ClosesAt"] = Field(Now.AddDays(30)) });

        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("kein-zugriff", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, end.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal(vote.ClosesAt, (await ReloadAsync(vote.Id)).ClosesAt);
        Assert.DoesNotContain(await LogAsync(vote.Id), e => e.Action is AdminActions.Close or AdminActions.Update);
    }

    [Fact]
    public async Task ChangeEnd_RefusesThePast_ATimeBeforeTheStart_AndNoDate_InGermanAtTheField()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var running = await VoteWithBallotAsync();
        var upcoming = await site.OpenVoteAsync(VoteMethod.Approval, d => d with { OpensAt = Now.AddDays(2), ClosesAt = Now.AddDays(9) });

        async Task<string> RefusedAsync(Vote vote, string value)
        {
            var response = await admin.PostFormAsync(Page(vote.Id), new() { ["Input.ClosesAt"] = value }, ChangeForm(vote.Id));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadDocumentAsync();
            Assert.Equal("true", page.QuerySelector("#Input_ClosesAt")!.GetAttribute("aria-invalid"));
            Assert.Equal("Input_ClosesAt", page.QuerySelector(".error-summary a")!.GetAttribute("href")![1..]);
            return page.QuerySelector("#Input_ClosesAt-error")!.TextContent;
        }

        Assert.Equal("Das Ende darf nicht in der Vergangenheit liegen. Um die Abstimmung sofort zu beenden, nutzen Sie „Abstimmung vorzeitig beenden“.",
            await RefusedAsync(running, Field(Now.AddHours(-2))));
        Assert.Equal("Die Eingabe „2030-02-31T10:00“ ist hier nicht gültig.", await RefusedAsync(running, "2030-02-31T10:00"));
        Assert.Equal("Bitte geben Sie Datum und Uhrzeit an.", await RefusedAsync(running, ""));
        Assert.Equal("Das Ende muss nach dem Beginn liegen.", await RefusedAsync(upcoming, Field(Now.AddDays(1))));

        Assert.Equal(running.ClosesAt, (await ReloadAsync(running.Id)).ClosesAt);
        Assert.Equal(upcoming.ClosesAt, (await ReloadAsync(upcoming.Id)).ClosesAt);
        Assert.DoesNotContain(await LogAsync(running.Id), e => e.Action == AdminActions.Update);
        Assert.DoesNotContain(await LogAsync(upcoming.Id), e => e.Action == AdminActions.Update);
    }

    [Fact]
    public async Task ChangeEnd_Later_KeepsTheVoteOpenForBallots_AndIsLogged()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var vote = await VoteWithBallotAsync(d => d with { ClosesAt = Now.AddHours(1) });
        var newEnd = BerlinTime.FromBerlin(BerlinTime.ToBerlin(Now.AddDays(2)).Date.AddHours(18))!.Value;

        var response = await admin.PostFormAsync(Page(vote.Id), new() { ["Input.ClosesAt"] = Field(newEnd) }, ChangeForm(vote.Id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await ReloadAsync(vote.Id);
        Assert.Equal(newEnd, stored.ClosesAt);
        Assert.Equal((vote.OpensAt, vote.Title, vote.MaxChoices), (stored.OpensAt, stored.Title, stored.MaxChoices));
        var entry = Assert.Single(await LogAsync(vote.Id), e => e.Action == AdminActions.Update);
        Assert.Contains(vote.ClosesAt.ToString("yyyy-MM-dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture), entry.BeforeJson, StringComparison.Ordinal);
        Assert.Contains(newEnd.ToString("yyyy-MM-dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture), entry.AfterJson, StringComparison.Ordinal);
        var log = (await admin.GetDocumentAsync("/admin/protokoll?art=vote")).QuerySelector("tbody tr")!.TextContent;
        Assert.Contains($"Ende der Abstimmung: {BerlinTime.Format(vote.ClosesAt, CultureInfo.GetCultureInfo("de-DE"))} → {BerlinTime.Format(newEnd, CultureInfo.GetCultureInfo("de-DE"))}", log, StringComparison.Ordinal);

        // Past the old end, ballots are still taken.
        site.Clock!.Advance(TimeSpan.FromHours(2));
        var (voter, _) = await site.ParticipantClientAsync();
        var cast = await voter.PostFormAsync($"/abstimmungen/{vote.Id}", new() { ["Input.Items[1].Selected"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, cast.StatusCode);
        Assert.Equal(2, (await site.Get<VoteStore>().BallotCountsAsync())[vote.Id]);
        voter.Dispose();
    }
}
