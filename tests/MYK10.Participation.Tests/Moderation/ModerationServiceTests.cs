using Dapper;
using Microsoft.Data.Sqlite;
using MimeKit;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;
using MYK10.Participation.Mail;
using MYK10.Participation.Moderation;
using MYK10.Participation.Participants;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Comments;

namespace MYK10.Participation.Tests.Moderation;

public sealed class ModerationServiceTests
{
    [Fact]
    public async Task Publish_MakesTheIdeaPublic_WithCorrectedField_AuditsAndMailsTheAuthor()
    {
        await using var app = await TestApp.StartAsync();
        var moderator = await app.ModeratorAsync("mod@kvmyk.de");
        var idea = await PendingIdeaAsync(app, "autorin@example.org");

        var result = await app.Get<ModerationService>().PublishAsync(moderator, idea, 1, fieldId: "energie", municipalityId: "mayen");

        Assert.Equal(ModerationOutcome.Done, result.Outcome);
        var published = await app.Get<IdeaStore>().FindAsync(idea);
        Assert.Equal(IdeaStates.Published, published!.State);
        Assert.Equal("energie", published.FieldId);
        Assert.Equal("mayen", published.MunicipalityId);
        Assert.Equal(1, (await app.Get<IdeaStore>().ListPublishedAsync(new IdeaQuery())).Total);
        var (entries, _) = await app.Get<ModerationStore>().AuditAsync(new AuditQuery());
        var entry = Assert.Single(entries);
        Assert.Equal(("publish", "mod@kvmyk.de", idea), (entry.Action, entry.StaffEmail, entry.IdeaId));
        Assert.Contains("\"state\":\"pending\"", entry.BeforeJson, StringComparison.Ordinal);
        Assert.Contains("\"field\":\"energie\"", entry.AfterJson, StringComparison.Ordinal);
        Assert.Contains(await SentMailsAsync(app), m => m.To.Mailboxes.Single().Address == "autorin@example.org" && m.Subject == "Ihre Idee ist veröffentlicht");
    }

    [Fact]
    public async Task Reject_NeedsAReason_AndTellsTheAuthorWhy()
    {
        await using var app = await TestApp.StartAsync();
        var moderator = await app.ModeratorAsync();
        var idea = await PendingIdeaAsync(app, "autor@example.org");
        var service = app.Get<ModerationService>();

        Assert.Equal("reason", (await service.RejectAsync(moderator, idea, 1, null, null)).Error);
        var result = await service.RejectAsync(moderator, idea, 1, "not_municipal", "Bitte wenden Sie sich an die Deutsche Bahn.");

        Assert.Equal(ModerationOutcome.Done, result.Outcome);
        Assert.Equal(IdeaStates.Rejected, (await app.Get<IdeaStore>().FindAsync(idea))!.State);
        var mail = Assert.Single(await SentMailsAsync(app), m => m.Subject == "Ihre Idee wurde nicht veröffentlicht");
        Assert.Contains("nicht in der Zuständigkeit", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Deutsche Bahn", mail.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("advertising", "wirbt für Produkte, Firmen, Parteien oder Wahlen")]
    [InlineData("unlawful", "Texte anderer ohne deren Erlaubnis")]
    public async Task Reject_TakesEveryGroundTheRulesName(string reason, string told)
    {
        await using var app = await TestApp.StartAsync();
        var moderator = await app.ModeratorAsync();
        var idea = await PendingIdeaAsync(app, "autor@example.org");

        var result = await app.Get<ModerationService>().RejectAsync(moderator, idea, 1, reason, null);

        Assert.Equal(ModerationOutcome.Done, result.Outcome);
        Assert.Equal(reason, (await app.Get<IdeaStore>().FindAsync(idea))!.RejectionReason);
        var mail = Assert.Single(await SentMailsAsync(app), m => m.Subject == "Ihre Idee wurde nicht veröffentlicht");
        Assert.Contains(told, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectionGrounds_Migration_KeepsEarlierReasons_AndTheDatabaseStillRefusesUnknownOnes()
    {
        await using var app = await TestApp.StartAsync(migrate: false);
        await app.MigrateBeforeAsync("0089");
        var moderator = await app.ModeratorAsync();
        var idea = await PendingIdeaAsync(app, "autor@example.org");
        Assert.Equal(ModerationOutcome.Done, (await app.Get<ModerationService>().RejectAsync(moderator, idea, 1, "not_municipal", "Bahn")).Outcome);

        await app.Get<Migrator>().MigrateAsync();

        var rejected = (await app.Get<IdeaStore>().FindAsync(idea))!;
        Assert.Equal(("not_municipal", "Bahn"), (rejected.RejectionReason, rejected.RejectionNote));
        await using var connection = await app.Connections.OpenAsync();
        await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("UPDATE ideas SET rejection_reason = 'dislike' WHERE id = @Id", new { Id = idea }));
        Assert.Equal(1, await connection.ExecuteAsync("UPDATE ideas SET rejection_reason = 'advertising' WHERE id = @Id", new { Id = idea }));
    }

    [Fact]
    public async Task Edit_KeepsTheOriginal_AndMarksTheIdea()
    {
        await using var app = await TestApp.StartAsync();
        var moderator = await app.ModeratorAsync();
        var idea = await PendingIdeaAsync(app);

        var result = await app.Get<ModerationService>().EditAsync(moderator, idea, 1, "Rufbus per App", "Ein Rufbus per App für alle Ortsteile, ohne Namen von Nachbarn.");

        Assert.Equal(ModerationOutcome.Done, result.Outcome);
        var review = await app.Get<ModerationStore>().ReviewAsync(idea);
        Assert.Equal("Rufbus per App", review!.Title);
        Assert.Equal("Rufbus für Herrn Müller aus der Hauptstraße", review.OriginalTitle);
        Assert.True(review.WasEdited);
        Assert.Equal(2, review.Version);
        Assert.Equal(ModerationOutcome.Conflict, (await app.Get<ModerationService>().PublishAsync(moderator, idea, 1)).Outcome);
        Assert.Equal(ModerationOutcome.Done, (await app.Get<ModerationService>().PublishAsync(moderator, idea, 2)).Outcome);
        Assert.True((await app.Get<IdeaStore>().FindAsync(idea))!.WasEditedByModeration);
    }

    [Fact]
    public async Task ConcurrentDecisions_GiveOneDecisionAndOneConflictNamingTheFirst()
    {
        await using var app = await TestApp.StartAsync();
        var first = await app.ModeratorAsync("erste@kvmyk.de");
        var second = await app.ModeratorAsync("zweite@kvmyk.de");
        var idea = await PendingIdeaAsync(app);
        var service = app.Get<ModerationService>();

        var results = await Task.WhenAll(
            Task.Run(() => service.PublishAsync(first, idea, 1)),
            Task.Run(() => service.RejectAsync(second, idea, 1, "off_topic", null)));

        Assert.Single(results, r => r.Outcome == ModerationOutcome.Done);
        var conflict = Assert.Single(results, r => r.Outcome == ModerationOutcome.Conflict);
        var review = await app.Get<ModerationStore>().ReviewAsync(idea);
        Assert.Equal(review!.DecidedByEmail, conflict.HandledBy);
        Assert.Equal(2, review.Version);
        var (entries, _) = await app.Get<ModerationStore>().AuditAsync(new AuditQuery());
        Assert.Single(entries);
    }

    [Fact]
    public async Task SameDecisionTwice_SecondIsAlreadyDone_NothingTwice_ADifferentOneStillConflicts()
    {
        await using var app = await TestApp.StartAsync();
        var moderator = await app.ModeratorAsync("mod@kvmyk.de");
        var idea = await PendingIdeaAsync(app, "autorin@example.org");
        var service = app.Get<ModerationService>();

        Assert.Equal(ModerationOutcome.Done, (await service.PublishAsync(moderator, idea, 1)).Outcome);
        var again = await service.PublishAsync(moderator, idea, 1);
        var other = await service.RejectAsync(moderator, idea, 1, "off_topic", null);

        Assert.Equal((ModerationOutcome.AlreadyDone, "mod@kvmyk.de"), (again.Outcome, again.HandledBy));
        Assert.Equal(ModerationOutcome.Conflict, other.Outcome);
        Assert.Single((await app.Get<ModerationStore>().AuditAsync(new AuditQuery())).Entries);
        Assert.Single(await SentMailsAsync(app), m => m.Subject == "Ihre Idee ist veröffentlicht");
        Assert.Equal(ModerationOutcome.Done, (await service.AnswerAsync(moderator, idea, 2, "in_review", "Wir prüfen das.\r\n")).Outcome);
        Assert.Equal(ModerationOutcome.AlreadyDone, (await service.AnswerAsync(moderator, idea, 2, "in_review", "Wir prüfen das.")).Outcome);
    }

    [Fact]
    public async Task DismissTwice_SecondIsAlreadyDone_ReportsThatNeverExistedAreNotFound()
    {
        await using var app = await TestApp.StartAsync();
        var moderator = await app.ModeratorAsync();
        var idea = await app.PublishedIdeaAsync();
        await app.Get<CommentService>().ReportAsync(await app.Connections.ParticipantAsync(), ReportTarget.Idea(idea), "insult", null);
        var service = app.Get<ModerationService>();

        Assert.Equal(ModerationOutcome.Done, (await service.DismissReportsAsync(moderator, ReportTarget.Idea(idea))).Outcome);
        Assert.Equal(ModerationOutcome.AlreadyDone, (await service.DismissReportsAsync(moderator, ReportTarget.Idea(idea))).Outcome);
        Assert.Equal(ModerationOutcome.NotFound, (await service.DismissReportsAsync(moderator, ReportTarget.Idea(await app.PublishedIdeaAsync("Andere Idee ohne Meldung")))).Outcome);
        Assert.Single((await app.Get<ModerationStore>().AuditAsync(new AuditQuery())).Entries);
    }

    [Fact]
    public async Task HiddenIdea_CanBePublishedAgain_WithAReason_InItsOldPlace_AndTheLogSaysSo()
    {
        await using var app = await TestApp.StartAsync();
        var moderator = await app.ModeratorAsync();
        var service = app.Get<ModerationService>();
        var idea = await app.PublishedIdeaAsync("Trinkbrunnen am Marktplatz");
        await app.Get<IdeaService>().SetSupportAsync(await app.Connections.ParticipantAsync(), idea, true);
        var publishedAt = (await app.Get<IdeaStore>().FindAsync(idea))!.PublishedAt;
        Assert.Equal(ModerationOutcome.Done, (await service.HideAsync(moderator, ReportTarget.Idea(idea), "Irrtum")).Outcome);
        var hidden = (await app.Get<ModerationStore>().ReviewAsync(idea))!;

        Assert.Equal("restore_note", (await service.RestoreAsync(moderator, idea, hidden.Version, " ")).Error);
        Assert.Equal(ModerationOutcome.Done, (await service.RestoreAsync(moderator, idea, hidden.Version, "War ein Versehen.")).Outcome);
        Assert.Equal(ModerationOutcome.AlreadyDone, (await service.RestoreAsync(moderator, idea, hidden.Version, "War ein Versehen.")).Outcome);

        var restored = (await app.Get<IdeaStore>().FindAsync(idea))!;
        Assert.Equal((IdeaStates.Published, publishedAt, 1L), (restored.State, restored.PublishedAt, restored.Supporters));
        Assert.Equal([idea], (await app.Get<IdeaStore>().ListPublishedAsync(new IdeaQuery(Search: "Trinkbrunnen"))).Items.Select(i => i.Id));
        var current = (await app.Get<ModerationStore>().ReviewAsync(idea))!.Version;
        Assert.Equal("not_hidden", (await service.RestoreAsync(moderator, idea, current, "Noch einmal")).Error);
        await using var connection = await app.Connections.OpenAsync();
        Assert.Equal("War ein Versehen.", await connection.ExecuteScalarAsync<string>("SELECT note FROM audit_log WHERE action = 'restore_idea' AND idea_id = @Id", new { Id = idea }));
    }

    [Fact]
    public async Task Merge_MovesSupportersWithoutDoubleCounting_AndRedirects()
    {
        await using var app = await TestApp.StartAsync();
        var moderator = await app.ModeratorAsync();
        var targetAuthor = await app.Connections.ParticipantAsync(email: "ziel@example.org");
        var sourceAuthor = await app.Connections.ParticipantAsync(email: "quelle@example.org");
        var target = await app.PublishedIdeaAsync("Glasfaser für Mendig", authorId: targetAuthor);
        var source = await app.PublishedIdeaAsync("Schnelles Internet in Mendig", authorId: sourceAuthor);
        var ideas = app.Get<IdeaService>();
        var both = await app.Connections.ParticipantAsync();
        var onlySource = await app.Connections.ParticipantAsync();
        var onlyTarget = await app.Connections.ParticipantAsync();
        await ideas.SetSupportAsync(both, target, true);
        await ideas.SetSupportAsync(both, source, true);
        await ideas.SetSupportAsync(onlySource, source, true);
        await ideas.SetSupportAsync(onlyTarget, target, true);
        await ideas.SetSupportAsync(targetAuthor, source, true); // the target's author supported the other idea
        await ideas.CommentAsync(onlySource, source, "Ein Kommentar, der mitwandert.");

        var result = await app.Get<ModerationService>().MergeAsync(moderator, source, 1, target);

        Assert.Equal(ModerationOutcome.Done, result.Outcome);
        var merged = await app.Get<IdeaStore>().FindAsync(target);
        Assert.Equal(3, merged!.Supporters); // both, onlySource, onlyTarget: the author does not support their own idea
        Assert.Equal(1, merged.Comments);
        await using var connection = await app.Connections.OpenAsync();
        Assert.Equal(3, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM idea_supports WHERE idea_id = @Target", new { Target = target }));
        var old = await app.Get<IdeaStore>().FindAsync(source);
        Assert.Equal((IdeaStates.Merged, (long?)target, 0L), (old!.State, old.MergedIntoId, old.Supporters));
        var mails = await SentMailsAsync(app);
        Assert.Contains(mails, m => m.To.Mailboxes.Single().Address == "ziel@example.org" && m.Subject == "Ideen wurden zusammengeführt");
        Assert.Contains(mails, m => m.To.Mailboxes.Single().Address == "quelle@example.org" && m.Subject == "Ideen wurden zusammengeführt");

        // A report on the merged idea cannot hide it: it stays merged into its target, and the moderator is told why.
        Assert.Equal(ModerationOutcome.Conflict, (await app.Get<ModerationService>().HideAsync(moderator, ReportTarget.Idea(source), "Beleidigung")).Outcome);
        Assert.Equal((IdeaStates.Merged, (long?)target), ((await app.Get<IdeaStore>().FindAsync(source))!.State, (await app.Get<IdeaStore>().FindAsync(source))!.MergedIntoId));
    }

    [Fact]
    public async Task Answer_SetsTheStatus_AndTellsTheAuthor_SupportersOnlyWhenTheyAskedForIt()
    {
        await using var app = await TestApp.StartAsync();
        var moderator = await app.ModeratorAsync();
        var author = await app.Connections.ParticipantAsync(email: "autorin@example.org");
        var idea = await app.PublishedIdeaAsync(authorId: author);
        for (var i = 0; i < 3; i++)
        {
            var fan = await app.Connections.ParticipantAsync(email: $"fan{i}@example.org");
            await app.Get<ParticipantStore>().SetSupportedAnswerMailsAsync(fan, on: i > 0);
            await app.Get<IdeaService>().SetSupportAsync(fan, idea, true);
        }

        var result = await app.Get<ModerationService>().AnswerAsync(moderator, idea, 1, "adopted", "Die Idee ist Teil der Strategie.");

        Assert.Equal(ModerationOutcome.Done, result.Outcome);
        var answered = await app.Get<IdeaStore>().FindAsync(idea);
        Assert.Equal(("adopted", "Die Idee ist Teil der Strategie."), (answered!.AnswerStatus, answered.OfficialAnswer));
        Assert.Equal(1, (await app.Get<IdeaStore>().ListPublishedAsync(new IdeaQuery(Status: "aufgenommen"))).Total);
        var mails = (await SentMailsAsync(app)).Where(m => m.Subject?.StartsWith("Neue Antwort", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(["autorin@example.org", "fan1@example.org", "fan2@example.org"], mails.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(mails, m => Assert.Contains("in die Strategie aufgenommen", m.TextBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reports_DismissShowsTheCommentAgain_HideKeepsItHidden()
    {
        await using var app = await TestApp.StartAsync();
        var moderator = await app.ModeratorAsync();
        var idea = await app.PublishedIdeaAsync();
        var ideas = app.Get<IdeaService>();
        var (_, first) = await ideas.CommentAsync(await app.Connections.ParticipantAsync(), idea, "Erster Kommentar");
        var (_, second) = await ideas.CommentAsync(await app.Connections.ParticipantAsync(), idea, "Zweiter Kommentar");
        foreach (var comment in new[] { first, second })
        {
            for (var i = 0; i < 3; i++)
            {
                await app.Get<CommentService>().ReportAsync(await app.Connections.ParticipantAsync(), ReportTarget.IdeaComment(idea, comment!.Value), "insult", null);
            }
        }

        Assert.Equal(2, (await app.Get<ModerationStore>().OpenReportsAsync()).Count);
        Assert.Equal(ModerationOutcome.Done, (await app.Get<ModerationService>().DismissReportsAsync(moderator, ReportTarget.IdeaComment(idea, first!.Value))).Outcome);
        Assert.Equal("note", (await app.Get<ModerationService>().HideAsync(moderator, ReportTarget.IdeaComment(idea, second!.Value), " ")).Error);
        Assert.Equal(ModerationOutcome.Done, (await app.Get<ModerationService>().HideAsync(moderator, ReportTarget.IdeaComment(idea, second.Value), "Beleidigung")).Outcome);

        var comments = await app.Get<IdeaStore>().CommentsAsync(idea);
        Assert.Equal("visible", comments.Single(c => c.Id == first).State);
        Assert.Equal(("hidden", "moderation"), (comments.Single(c => c.Id == second).State, comments.Single(c => c.Id == second).HiddenBy));
        Assert.Equal(1, (await app.Get<IdeaStore>().FindAsync(idea))!.Comments);
        Assert.Empty(await app.Get<ModerationStore>().OpenReportsAsync());
    }

    [Fact]
    public async Task AuditLog_RefusesChangesAndDeletion()
    {
        await using var app = await TestApp.StartAsync();
        var moderator = await app.ModeratorAsync();
        await app.Get<ModerationService>().PublishAsync(moderator, await PendingIdeaAsync(app), 1);
        await using var connection = await app.Connections.OpenAsync();

        await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("UPDATE audit_log SET staff_email = 'x'"));
        await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("DELETE FROM audit_log"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_log"));
    }

    [Fact]
    public async Task AuditLog_StoresUmlautsAndDashesReadably_AndOldEscapedEntriesParseToTheSameText()
    {
        await using var app = await TestApp.StartAsync();
        var moderator = await app.ModeratorAsync();
        var idea = await PendingIdeaAsync(app);

        await app.Get<ModerationService>().EditAsync(moderator, idea, 1, "Rufbus für Kärlich – überarbeitet", "Ein Rufbus per App für alle Ortsteile, ohne Namen von Nachbarn.");

        var (entries, _) = await app.Get<ModerationStore>().AuditAsync(new AuditQuery());
        var entry = Assert.Single(entries);
        Assert.Contains("\"title\":\"Rufbus für Kärlich – überarbeitet\"", entry.AfterJson, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", entry.AfterJson + entry.BeforeJson, StringComparison.Ordinal);
        Assert.Equal(new AuditValue("title", "Rufbus für Kärlich – überarbeitet"), entry.After[0]);
        Assert.Equal(
            [new AuditValue("title", "für – \"x\""), new AuditValue("state", null), new AuditValue("measures", "3, 4")],
            AuditValues.Parse("""{"title":"f\u00FCr \u2013 \u0022x\u0022","state":null,"measures":[3,4]}"""));
        Assert.Equal([new AuditValue(string.Empty, "kein JSON")], AuditValues.Parse("kein JSON"));
    }

    [Fact]
    public async Task Queue_IsOldestFirstWithSize_AndDuplicatesAreFound()
    {
        await using var app = await TestApp.StartAsync();
        var older = await PendingIdeaAsync(app);
        app.Clock.Advance(TimeSpan.FromHours(1));
        var newer = await PendingIdeaAsync(app, title: "Glasfaserausbau Mendig beschleunigen", body: "Der Glasfaserausbau in Mendig dauert zu lange, bitte beschleunigen.");
        var similar = await app.PublishedIdeaAsync("Glasfaserausbau in Mendig", "Glasfaserausbau für alle Ortsteile von Mendig beschleunigen.");
        await app.PublishedIdeaAsync("Baumkataster", "Bäume in der Innenstadt digital erfassen und pflegen.");
        var store = app.Get<ModerationStore>();

        var queue = await store.QueueAsync(null, null);
        var summary = await store.SummaryAsync();
        var duplicates = await store.DuplicatesAsync((await store.ReviewAsync(newer))!);

        Assert.Equal([older, newer], queue.Select(q => q.Id));
        Assert.Equal(2, summary.Pending);
        Assert.NotNull(summary.OldestPendingAt);
        Assert.Equal(similar, duplicates[0].Id);
        Assert.DoesNotContain(duplicates, d => d.Id == newer);
        Assert.Empty(await store.OpenReportsAsync());
    }

    private static async Task<long> PendingIdeaAsync(TestApp app, string? email = null, string title = "Rufbus für Herrn Müller aus der Hauptstraße", string body = "Ein Rufbus per App würde allen helfen, auch Herrn Müller aus Nummer 5.")
    {
        var author = await app.Connections.ParticipantAsync(email: email);
        return (await app.Get<IdeaService>().SubmitAsync(author, new IdeaSubmission(title, body, "verkehr-und-mobilitaet", "mendig", null))).IdeaId!.Value;
    }

    private static async Task<IReadOnlyList<MimeMessage>> SentMailsAsync(TestApp app)
    {
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);
        var directory = Path.Combine(app.DataDirectory, "mail");
        return Directory.Exists(directory)
            ? await Task.WhenAll(Directory.GetFiles(directory, "*.eml").Select(f => MimeMessage.LoadAsync(f)))
            : [];
    }
}
