using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Comments;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;
using MYK10.Participation.Moderation;
using MYK10.Participation.Strategy;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Moderation;

/// <summary>A moderator shows a hidden comment again, on an idea or on a measure, with a reason for the log.</summary>
public sealed class CommentRestoreTests
{
    [Fact]
    public async Task IdeaComment_HiddenByAModerator_IsVisibleAgain_CountsAgain_AndTheLogKeepsTheReason()
    {
        await using var app = await TestApp.StartAsync();
        var moderator = await app.ModeratorAsync("moderatorin@kvmyk.de");
        var idea = await app.PublishedIdeaAsync();
        var comment = await IdeaCommentAsync(app, idea, "Ein Kommentar, versehentlich ausgeblendet.");
        var target = ReportTarget.IdeaComment(idea, comment);
        var service = app.Get<ModerationService>();
        Assert.Equal(ModerationOutcome.Done, (await service.HideAsync(moderator, target, "Beleidigung")).Outcome);
        Assert.Equal(0, (await app.Get<IdeaStore>().FindAsync(idea))!.Comments);

        Assert.Equal(ModerationOutcome.Done, (await service.RestoreCommentAsync(moderator, target, "  Doch keine Beleidigung.  ")).Outcome);

        var shown = (await app.Get<IdeaStore>().CommentsAsync(idea)).Single();
        Assert.Equal((CommentStates.Visible, null, "Ein Kommentar, versehentlich ausgeblendet."), (shown.State, shown.HiddenBy, shown.Body));
        Assert.Equal(1, (await app.Get<IdeaStore>().FindAsync(idea))!.Comments);
        var entry = (await app.Get<ModerationStore>().AuditAsync(new AuditQuery(Action: "restore_comment"))).Entries.Single();
        Assert.Equal(("moderatorin@kvmyk.de", "comment", comment, (long?)idea, (long?)null, "Doch keine Beleidigung."),
            (entry.StaffEmail, entry.TargetType, entry.TargetId, entry.IdeaId, entry.MeasureId, entry.Note));
        Assert.Equal([new AuditValue("state", CommentStates.Hidden), new AuditValue("hiddenBy", CommentStates.HiddenByModeration)], entry.Before);
        Assert.Equal([new AuditValue("state", CommentStates.Visible), new AuditValue("reportsClosed", "0")], entry.After);
    }

    [Fact]
    public async Task IdeaComment_HiddenByReports_IsVisibleAgain_AndItsOpenReportsAreDismissed()
    {
        await using var app = await TestApp.StartAsync();
        var moderator = await app.ModeratorAsync();
        var idea = await app.PublishedIdeaAsync();
        var comment = await IdeaCommentAsync(app, idea, "Ein unbequemer, aber sachlicher Kommentar.");
        var target = ReportTarget.IdeaComment(idea, comment);
        await HideByReportsAsync(app, target);

        Assert.Equal(CommentStates.HiddenByReports, (await app.Get<IdeaStore>().CommentsAsync(idea)).Single().HiddenBy);

        Assert.Equal(ModerationOutcome.Done, (await app.Get<ModerationService>().RestoreCommentAsync(moderator, target, "Sachliche Kritik.")).Outcome);

        Assert.True((await app.Get<IdeaStore>().CommentsAsync(idea)).Single().IsVisible);
        Assert.Equal(1, (await app.Get<IdeaStore>().FindAsync(idea))!.Comments);
        Assert.Empty(await app.Get<ModerationStore>().OpenReportsAsync());
        await using var connection = await app.Connections.OpenAsync();
        Assert.Equal(["dismissed", "dismissed", "dismissed"], await connection.QueryAsync<string>("SELECT state FROM reports WHERE comment_id = @Id", new { Id = comment }));
        var entry = (await app.Get<ModerationStore>().AuditAsync(new AuditQuery(Action: "restore_comment"))).Entries.Single();
        Assert.Contains(new AuditValue("hiddenBy", CommentStates.HiddenByReports), entry.Before);
        Assert.Contains(new AuditValue("reportsClosed", "3"), entry.After);
    }

    [Fact]
    public async Task MeasureComment_HiddenByAModerator_IsVisibleAgain_AndTheLogNamesTheMeasure()
    {
        await using var app = await TestApp.StartAsync();
        var moderator = await app.ModeratorAsync();
        var measure = await app.Services.MeasureAsync("Solarkataster");
        var comment = await app.Services.MeasureCommentAsync(await app.Connections.ParticipantAsync(), measure, "Gute Idee für alle Dächer.");
        var target = ReportTarget.MeasureComment(comment);
        var service = app.Get<ModerationService>();
        Assert.Equal(ModerationOutcome.Done, (await service.HideAsync(moderator, target, "Werbung")).Outcome);

        Assert.Equal(ModerationOutcome.Done, (await service.RestoreCommentAsync(moderator, target, "Keine Werbung.")).Outcome);

        var shown = (await app.Get<StrategyStore>().DetailAsync(measure))!.Comments.Single();
        Assert.Equal((CommentStates.Visible, null, "Gute Idee für alle Dächer."), (shown.State, shown.HiddenBy, shown.Body));
        var entry = (await app.Get<ModerationStore>().AuditAsync(new AuditQuery(Action: "restore_comment"))).Entries.Single();
        Assert.Equal(("measure_comment", comment, (long?)null, (long?)measure, "Keine Werbung."), (entry.TargetType, entry.TargetId, entry.IdeaId, entry.MeasureId, entry.Note));
    }

    [Fact]
    public async Task Restore_NeedsAReason_AndRefusesWhatIsNotHidden_AndWhatDoesNotExist()
    {
        await using var app = await TestApp.StartAsync();
        var moderator = await app.ModeratorAsync();
        var idea = await app.PublishedIdeaAsync();
        var hidden = await IdeaCommentAsync(app, idea, "Ausgeblendet.");
        var visible = await IdeaCommentAsync(app, idea, "Sichtbar.");
        var withdrawn = await IdeaCommentAsync(app, idea, "Zurückgezogen.");
        var measureComment = await app.Services.MeasureCommentAsync(await app.Connections.ParticipantAsync(), await app.Services.MeasureAsync(), "Sichtbar.");
        var service = app.Get<ModerationService>();
        await service.HideAsync(moderator, ReportTarget.IdeaComment(idea, hidden), "Beleidigung");
        await service.HideAsync(moderator, ReportTarget.IdeaComment(idea, withdrawn), "Beleidigung");
        await using (var connection = await app.Connections.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE idea_comments SET state = 'deleted', hidden_by = NULL, body = '-' WHERE id = @Id", new { Id = withdrawn });
        }

        Assert.Equal("note", (await service.RestoreCommentAsync(moderator, ReportTarget.IdeaComment(idea, hidden), null)).Error);
        Assert.Equal("note", (await service.RestoreCommentAsync(moderator, ReportTarget.IdeaComment(idea, hidden), "   ")).Error);
        Assert.Equal("note", (await service.RestoreCommentAsync(moderator, ReportTarget.IdeaComment(idea, hidden), new string('x', 1001))).Error);
        Assert.Equal(ModerationOutcome.AlreadyDone, (await service.RestoreCommentAsync(moderator, ReportTarget.IdeaComment(idea, visible), "Grund")).Outcome);
        Assert.Equal(ModerationOutcome.AlreadyDone, (await service.RestoreCommentAsync(moderator, ReportTarget.MeasureComment(measureComment), "Grund")).Outcome);
        Assert.Equal(ModerationOutcome.NotFound, (await service.RestoreCommentAsync(moderator, ReportTarget.IdeaComment(idea, withdrawn), "Grund")).Outcome);
        Assert.Equal(ModerationOutcome.NotFound, (await service.RestoreCommentAsync(moderator, ReportTarget.IdeaComment(idea, hidden + 1000), "Grund")).Outcome);
        Assert.Equal(ModerationOutcome.NotFound, (await service.RestoreCommentAsync(moderator, ReportTarget.MeasureComment(measureComment + 1000), "Grund")).Outcome);
        Assert.Equal(ModerationOutcome.NotFound, (await service.RestoreCommentAsync(moderator, ReportTarget.IdeaComment(idea + 1000, hidden), "Grund")).Outcome);
        Assert.Equal(ModerationOutcome.NotFound, (await service.RestoreCommentAsync(moderator, ReportTarget.Idea(idea), "Grund")).Outcome);

        Assert.Equal(CommentStates.Hidden, (await app.Get<IdeaStore>().CommentsAsync(idea)).Single(c => c.Id == hidden).State);
        Assert.Equal(1, (await app.Get<IdeaStore>().FindAsync(idea))!.Comments);
        Assert.Equal(0, (await app.Get<ModerationStore>().AuditAsync(new AuditQuery(Action: "restore_comment"))).Total);

        Assert.Equal(ModerationOutcome.Done, (await service.RestoreCommentAsync(moderator, ReportTarget.IdeaComment(idea, hidden), new string('x', 1000))).Outcome);
        Assert.Equal(ModerationOutcome.AlreadyDone, (await service.RestoreCommentAsync(moderator, ReportTarget.IdeaComment(idea, hidden), "Doppelklick")).Outcome);
        Assert.Equal(2, (await app.Get<IdeaStore>().FindAsync(idea))!.Comments);
        Assert.Equal(1, (await app.Get<ModerationStore>().AuditAsync(new AuditQuery(Action: "restore_comment"))).Total);
    }

    [Fact]
    public async Task HiddenComments_ListsBothThreadsAndWhoHid_NewestFirst_OnePageAtATime()
    {
        await using var app = await TestApp.StartAsync();
        var store = app.Get<ModerationStore>();
        var (none, noTotal) = await store.HiddenCommentsAsync(1, 20);
        Assert.Equal((0, 0L), (none.Count, noTotal));
        var moderator = await app.ModeratorAsync();
        var idea = await app.PublishedIdeaAsync("Radweg an der Nette");
        var measure = await app.Services.MeasureAsync("Solarkataster");
        var author = await app.Connections.ParticipantAsync("Kommentator");
        var onIdea = await IdeaCommentAsync(app, idea, "Zur Idee <b>fett</b>", author);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var onMeasure = await app.Services.MeasureCommentAsync(author, measure, "Zur Maßnahme");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await IdeaCommentAsync(app, idea, "Bleibt sichtbar");
        var service = app.Get<ModerationService>();
        await service.HideAsync(moderator, ReportTarget.IdeaComment(idea, onIdea), "Beleidigung");
        await HideByReportsAsync(app, ReportTarget.MeasureComment(onMeasure));

        var (all, total) = await store.HiddenCommentsAsync(1, 20);

        Assert.Equal(2, total);
        Assert.Equal([ReportTarget.MeasureComment(onMeasure), ReportTarget.IdeaComment(idea, onIdea)], all.Select(c => c.Target));
        Assert.Equal((measure, "Solarkataster", "Zur Maßnahme", CommentStates.HiddenByReports, "Kommentator"),
            (all[0].MeasureId!.Value, all[0].Title, all[0].Body, all[0].HiddenBy, all[0].AuthorDisplayName));
        Assert.Equal(((long?)null, "Radweg an der Nette", "Zur Idee <b>fett</b>", CommentStates.HiddenByModeration, false),
            (all[1].MeasureId, all[1].Title, all[1].Body, all[1].HiddenBy, all[1].AuthorDeleted));
        Assert.True(all[0].CreatedAt > all[1].CreatedAt);
        var (second, sameTotal) = await store.HiddenCommentsAsync(2, 1);
        Assert.Equal((ReportTarget.IdeaComment(idea, onIdea), 2L), (second.Single().Target, sameTotal));
    }

    [Fact]
    public async Task Migration_KeepsTheLogsEntries_AndTheLogStaysAppendOnly()
    {
        await using var app = await TestApp.StartAsync(migrate: false);
        await app.MigrateBeforeAsync("0078");
        var moderator = await app.ModeratorRowAsync();
        var idea = await app.PublishedIdeaAsync();
        await using (var before = await app.Connections.OpenAsync())
        {
            await before.ExecuteAsync("""
                INSERT INTO audit_log (at, staff_id, staff_email, action, target_type, target_id, idea_id, before_json, after_json, note)
                VALUES ('2026-11-01T11:00:00.0000000Z', @Staff, @Email, 'restore_idea', 'idea', @Idea, @Idea, '{"state":"hidden"}', '{"state":"published"}', 'Versehen')
                """, new { Idea = idea, Staff = moderator.Id, moderator.Email });
        }

        await app.Get<Migrator>().MigrateAsync();

        var entry = (await app.Get<ModerationStore>().AuditAsync(new AuditQuery(IdeaId: idea))).Entries.Single();
        Assert.Equal(("restore_idea", moderator.Email, "{\"state\":\"hidden\"}", "Versehen"), (entry.Action, entry.StaffEmail, entry.BeforeJson, entry.Note));
        await using var connection = await app.Connections.OpenAsync();
        await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("UPDATE audit_log SET note = 'geändert'"));
        await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("DELETE FROM audit_log"));
        Assert.Equal(3, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log' AND name LIKE 'audit_log_%'"));
    }

    private static async Task<long> IdeaCommentAsync(TestApp app, long idea, string text, long? author = null)
    {
        var (_, comment) = await app.Get<IdeaService>().CommentAsync(author ?? await app.Connections.ParticipantAsync(), idea, text);
        return comment!.Value;
    }

    /// <summary>Reports a comment by as many participants as it takes to hide it.</summary>
    private static async Task HideByReportsAsync(TestApp app, ReportTarget target)
    {
        for (var i = 0; i < CommentRows.ReportsThatHide; i++)
        {
            Assert.Equal(ContributionOutcome.Done, await app.Get<CommentService>().ReportAsync(await app.Connections.ParticipantAsync(), target, "insult", null));
        }
    }
}
