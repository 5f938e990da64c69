using Dapper;
using MYK10.Participation.Comments;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;
using MYK10.Participation.Moderation;
using MYK10.Participation.Privacy;
using MYK10.Participation.Strategy;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Comments;

/// <summary>Comments on measures are withdrawn, reported and moderated as comments on ideas are.</summary>
public sealed class MeasureCommentTests
{
    [Fact]
    public async Task Comment_TheSameFormKeyTwice_StoresOneComment_AnotherTextOrMeasureWithItStoresItsOwn()
    {
        await using var app = await TestApp.StartAsync();
        var measure = await app.Services.MeasureAsync();
        var other = await app.Services.MeasureAsync("Andere Maßnahme");
        var author = await app.Connections.ParticipantAsync("Kommentatorin");
        var service = app.Get<StrategyService>();
        var key = Guid.NewGuid().ToString("N");

        var first = await service.CommentAsync(author, measure, "Doppelt geklickt", key);
        var again = await service.CommentAsync(author, measure, "Doppelt geklickt", key);
        var changed = await service.CommentAsync(author, measure, "Doppelt geklickt, dann geändert", key);
        var elsewhere = await service.CommentAsync(author, other, "Doppelt geklickt", key);

        Assert.Equal((ContributionOutcome.Done, first.CommentId), again);
        Assert.Equal([first.CommentId!.Value, changed.CommentId!.Value], (await app.Get<StrategyStore>().DetailAsync(measure))!.Comments.Select(c => c.Id));
        Assert.Equal([elsewhere.CommentId!.Value], (await app.Get<StrategyStore>().DetailAsync(other))!.Comments.Select(c => c.Id));
    }

    [Fact]
    public async Task DeleteOwn_LeavesAPlaceholderWithoutText_AndOnlyTheAuthorCanDelete_ThroughItsOwnMeasure()
    {
        await using var app = await TestApp.StartAsync();
        var measure = await app.Services.MeasureAsync();
        var author = await app.Connections.ParticipantAsync("Kommentatorin");
        var comment = await app.Services.MeasureCommentAsync(author, measure, "Meine Meinung zur Maßnahme.");
        var comments = app.Get<CommentService>();

        Assert.Equal(ContributionOutcome.NotAvailable, await comments.DeleteOwnAsync(CommentThread.Measure, await app.Connections.ParticipantAsync(), measure, comment));
        Assert.Equal(ContributionOutcome.NotAvailable, await comments.DeleteOwnAsync(CommentThread.Measure, author, await app.Services.MeasureAsync("Andere Maßnahme"), comment));
        Assert.Equal(ContributionOutcome.Done, await comments.DeleteOwnAsync(CommentThread.Measure, author, measure, comment));
        Assert.Equal(ContributionOutcome.NotAvailable, await comments.DeleteOwnAsync(CommentThread.Measure, author, measure, comment));

        var shown = (await app.Get<StrategyStore>().DetailAsync(measure))!.Comments.Single();
        Assert.Equal((comment, CommentStates.Deleted, null), (shown.Id, shown.State, shown.Body));
        await using var connection = await app.Connections.OpenAsync();
        Assert.Equal("-", await connection.ExecuteScalarAsync<string>("SELECT body FROM measure_comments WHERE id = @Id", new { Id = comment }));
    }

    [Fact]
    public async Task Reports_ThreeDifferentReporters_HideTheComment_AndItsTextIsNotReturned()
    {
        await using var app = await TestApp.StartAsync();
        var measure = await app.Services.MeasureAsync();
        var comment = await app.Services.MeasureCommentAsync(await app.Connections.ParticipantAsync(), measure, "Eine Beleidigung.");
        var comments = app.Get<CommentService>();
        var target = ReportTarget.MeasureComment(comment);
        var first = await app.Connections.ParticipantAsync();

        Assert.Equal(ContributionOutcome.Invalid, await comments.ReportAsync(first, target, "unknown", null));
        Assert.Equal(ContributionOutcome.Done, await comments.ReportAsync(first, target, "insult", null));
        Assert.Equal(ContributionOutcome.AlreadyDone, await comments.ReportAsync(first, target, "spam", "nochmal"));
        Assert.Equal(ContributionOutcome.Done, await comments.ReportAsync(await app.Connections.ParticipantAsync(), target, "spam", null));
        Assert.True((await app.Get<StrategyStore>().DetailAsync(measure))!.Comments.Single().IsVisible);

        Assert.Equal(ContributionOutcome.Done, await comments.ReportAsync(await app.Connections.ParticipantAsync(), target, "other", "Bitte prüfen"));

        var hidden = (await app.Get<StrategyStore>().DetailAsync(measure))!.Comments.Single();
        Assert.Equal((CommentStates.Hidden, CommentStates.HiddenByReports, null), (hidden.State, hidden.HiddenBy, hidden.Body));
        Assert.Equal(ContributionOutcome.NotAvailable, await comments.ReportAsync(await app.Connections.ParticipantAsync(), target, "spam", null));
        Assert.Equal(ContributionOutcome.NotAvailable, await comments.ReportAsync(first, ReportTarget.MeasureComment(comment + 1000), "spam", null));
    }

    [Fact]
    public async Task ReportedMeasureComments_AreListedForModeration_DismissShowsAgain_HideKeepsHiddenAndIsAudited()
    {
        await using var app = await TestApp.StartAsync();
        var moderator = await app.ModeratorAsync();
        var measure = await app.Services.MeasureAsync("Solarkataster");
        var first = await app.Services.MeasureCommentAsync(await app.Connections.ParticipantAsync(), measure, "Erster Kommentar");
        var second = await app.Services.MeasureCommentAsync(await app.Connections.ParticipantAsync(), measure, "Zweiter Kommentar");
        var unreported = await app.Services.MeasureCommentAsync(await app.Connections.ParticipantAsync(), measure, "Nicht gemeldet, aber unpassend");
        foreach (var comment in new[] { first, second })
        {
            for (var i = 0; i < 3; i++)
            {
                await app.Get<CommentService>().ReportAsync(await app.Connections.ParticipantAsync(), ReportTarget.MeasureComment(comment), "insult", null);
            }
        }

        var listed = await app.Get<ModerationStore>().OpenReportsAsync();
        Assert.Equal([ReportTarget.MeasureComment(first), ReportTarget.MeasureComment(second)], listed.Select(r => r.Target));
        Assert.All(listed, r => Assert.Equal((measure, "Solarkataster", 3L, "hidden"), (r.MeasureId!.Value, r.Title, r.OpenReports, r.ItemState)));
        Assert.Equal("Erster Kommentar", listed[0].Text);
        Assert.Equal(2, (await app.Get<ModerationStore>().SummaryAsync()).OpenReports);

        var service = app.Get<ModerationService>();
        Assert.Equal(ModerationOutcome.Done, (await service.DismissReportsAsync(moderator, ReportTarget.MeasureComment(first))).Outcome);
        Assert.Equal("note", (await service.HideAsync(moderator, ReportTarget.MeasureComment(second), " ")).Error);
        Assert.Equal(ModerationOutcome.Done, (await service.HideAsync(moderator, ReportTarget.MeasureComment(second), "Beleidigung")).Outcome);
        Assert.Equal(ModerationOutcome.Done, (await service.HideAsync(moderator, ReportTarget.MeasureComment(unreported), "Unsachlich")).Outcome);
        Assert.Equal(ModerationOutcome.NotFound, (await service.HideAsync(moderator, ReportTarget.MeasureComment(unreported + 1000), "Weg")).Outcome);

        var shown = (await app.Get<StrategyStore>().DetailAsync(measure))!.Comments.ToDictionary(c => c.Id);
        Assert.Equal("Erster Kommentar", shown[first].Body);
        Assert.Equal((CommentStates.Hidden, CommentStates.HiddenByModeration, null), (shown[second].State, shown[second].HiddenBy, shown[second].Body));
        Assert.Equal((CommentStates.Hidden, CommentStates.HiddenByModeration), (shown[unreported].State, shown[unreported].HiddenBy));
        Assert.Empty(await app.Get<ModerationStore>().OpenReportsAsync());

        var (log, total) = await app.Get<ModerationStore>().AuditAsync(new AuditQuery());
        Assert.Equal(3, total);
        Assert.All(log, e => Assert.Equal(("measure_comment", measure, (long?)null), (e.TargetType, e.MeasureId!.Value, e.IdeaId)));
        Assert.Equal([("hide_comment", unreported), ("hide_comment", second), ("dismiss_reports", first)], log.Select(e => (e.Action, e.TargetId)));
    }

    [Fact]
    public async Task ExportAndAccountDeletion_CoverMeasureCommentsAndTheirReports()
    {
        await using var app = await TestApp.StartAsync();
        var measure = await app.Services.MeasureAsync();
        var person = await app.Connections.ParticipantAsync("Erika", "erika-massnahme@example.org");
        var own = await app.Services.MeasureCommentAsync(person, measure, "Mein Kommentar zur Maßnahme");
        var other = await app.Services.MeasureCommentAsync(await app.Connections.ParticipantAsync(), measure, "Ein fremder Kommentar");
        await app.Get<CommentService>().ReportAsync(person, ReportTarget.MeasureComment(other), "spam", "Werbung");

        var sections = (await app.Get<PersonalDataService>().ExportAsync(person))!.Sections.ToDictionary(s => s.Key, s => s.Rows);
        var exported = sections["measure_comments"].Single();
        Assert.Equal(("Mein Kommentar zur Maßnahme", CommentStates.Visible), (exported["body"], exported["state"]));
        Assert.Equal(other, (long)sections["reports"].Single()["measure_comment_id"]!);

        Assert.True(await app.Get<PersonalDataService>().DeleteAccountAsync(person));

        var kept = (await app.Get<StrategyStore>().DetailAsync(measure))!.Comments.Single(c => c.Id == own);
        Assert.NotNull(kept.AuthorDeletedAt);
        Assert.Null(kept.AuthorDisplayName);
        await using var connection = await app.Connections.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM reports"));
    }

    [Fact]
    public async Task ModerationBacklogOfADigest_CountsReportsOnMeasureComments_ForThePlacesTheMeasureConcerns()
    {
        await using var app = await TestApp.StartAsync();
        var measure = await app.Services.MeasureAsync(municipalities: ["mayen"]);
        var comment = await app.Services.MeasureCommentAsync(await app.Connections.ParticipantAsync(), measure, "Gemeldeter Kommentar");
        await app.Get<CommentService>().ReportAsync(await app.Connections.ParticipantAsync(), ReportTarget.MeasureComment(comment), "spam", null);
        var now = app.Clock.GetUtcNow();
        await using var connection = await app.Connections.OpenAsync();

        async Task<string> BacklogAsync(string? area) => (await new MYK10.Participation.Digests.Sections.ModerationBacklogSection().BuildAsync(
            new MYK10.Participation.Digests.DigestContext(1, "Rat", area, "Ort", new(now.AddDays(-7), now.AddDays(1)), path => path),
            new MYK10.Participation.Digests.DigestQuery(connection, null), CancellationToken.None)).Text;

        Assert.Contains("1 Meldung ist offen", await BacklogAsync(null), StringComparison.Ordinal);
        Assert.Contains("1 Meldung ist offen", await BacklogAsync("mayen"), StringComparison.Ordinal);
        Assert.Contains("Es sind keine Meldungen offen.", await BacklogAsync("andernach"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migration_KeepsEarlierReportsAndAuditEntries_AndTheLogStaysAppendOnly()
    {
        await using var app = await TestApp.StartAsync(migrate: false);
        await app.MigrateBeforeAsync("0075");
        var moderator = await app.ModeratorRowAsync();
        var idea = await app.PublishedIdeaAsync();
        var reporter = await app.Connections.ParticipantAsync();
        await using (var before = await app.Connections.OpenAsync())
        {
            await before.ExecuteAsync("""
                INSERT INTO reports (idea_id, reporter_id, reason, created_at) VALUES (@Idea, @Reporter, 'spam', '2026-11-01T10:00:00.0000000Z');
                INSERT INTO audit_log (at, staff_id, staff_email, action, target_type, target_id, idea_id)
                VALUES ('2026-11-01T11:00:00.0000000Z', @Staff, @Email, 'publish', 'idea', @Idea, @Idea);
                """, new { Idea = idea, Reporter = reporter, Staff = moderator.Id, moderator.Email });
        }

        await app.Get<Migrator>().MigrateAsync();

        Assert.Equal(ReportTarget.Idea(idea), (await app.Get<ModerationStore>().OpenReportsAsync()).Single().Target);
        var entry = (await app.Get<ModerationStore>().AuditAsync(new AuditQuery(IdeaId: idea))).Entries.Single();
        Assert.Equal(("publish", idea, (long?)null), (entry.Action, entry.IdeaId!.Value, entry.MeasureId));
        await using var connection = await app.Connections.OpenAsync();
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => connection.ExecuteAsync("DELETE FROM audit_log"));
        Assert.Equal(ContributionOutcome.AlreadyDone, await app.Get<CommentService>().ReportAsync(reporter, ReportTarget.Idea(idea), "other", null));
    }
}
