using MYK10.Participation.Ballots;
using MYK10.Participation.Ideas;
using MYK10.Participation.Moderation;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Ideas;

/// <summary>The author corrects or withdraws their idea while it waits for moderation.</summary>
public sealed class PendingIdeaChangeTests
{
    private static readonly IdeaSubmission Corrected = new(
        "  Rufbus   für das Maifeld ", "Ein Rufbus, den man per App bestellt,\r\n\r\n\r\nwürde die Dörfer im Maifeld anbinden.", "verkehr-und-mobilitaet", "maifeld", " Polch ");

    [Fact]
    public async Task EditPending_ByTheAuthor_StoresTheFormAsSubmittingWould_BumpsTheVersion_AndKeepsTheSearchIndexesRight()
    {
        await using var app = await TestApp.StartAsync();
        var author = await app.Connections.ParticipantAsync();
        var idea = await SubmitAsync(app, author);
        app.Clock.Advance(TimeSpan.FromHours(2));

        var result = await app.Get<IdeaService>().EditPendingAsync(author, idea, 1, Corrected);

        Assert.Equal(PendingChangeOutcome.Done, result.Outcome);
        var own = (await app.Get<IdeaStore>().OwnAsync(author, idea))!;
        Assert.Equal(("Rufbus für das Maifeld", "Ein Rufbus, den man per App bestellt,\n\nwürde die Dörfer im Maifeld anbinden.", "maifeld", "Polch", IdeaStates.Pending, 2L),
            (own.Title, own.Body, own.MunicipalityId, own.Place, own.State, own.Version));
        Assert.Equal(app.Clock.GetUtcNow(), (await app.Get<ModerationStore>().ReviewAsync(idea))!.AuthorEditedAt);
        // Every idea is in the moderators' full-text index with its current text; a pending one in the public index not at all.
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM ideas_fts WHERE ideas_fts MATCH 'Maifeld'"));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM ideas_fts WHERE ideas_fts MATCH 'Schaukelbrücke'"));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM ideas_public_search"));
        await app.ExecuteAsync("INSERT INTO ideas_fts (ideas_fts) VALUES ('integrity-check')");

        var moderator = await app.ModeratorAsync();
        Assert.Equal(ModerationOutcome.Done, (await app.Get<ModerationService>().PublishAsync(moderator, idea, 2)).Outcome);
        var found = await app.Get<IdeaStore>().ListPublishedAsync(new IdeaQuery(MunicipalityId: "maifeld", Search: "Maifeld"));
        Assert.Equal([idea], found.Items.Select(i => i.Id));
        Assert.Equal(0, (await app.Get<IdeaStore>().ListPublishedAsync(new IdeaQuery(Search: "Schaukelbrücke"))).Total);
    }

    [Fact]
    public async Task EditPending_BySomeoneElse_WithAStaleVersion_AfterPublication_OrWithErrors_IsRefused_AndChangesNothing()
    {
        await using var app = await TestApp.StartAsync();
        var author = await app.Connections.ParticipantAsync();
        var someoneElse = await app.Connections.ParticipantAsync();
        var idea = await SubmitAsync(app, author);
        var service = app.Get<IdeaService>();
        Assert.Equal(PendingChangeOutcome.Done, (await service.EditPendingAsync(author, idea, 1, Corrected with { Title = "Schaukelbrücke, zweite Fassung" })).Outcome);
        var before = await app.Get<IdeaStore>().OwnAsync(author, idea);

        var foreign = await service.EditPendingAsync(someoneElse, idea, 2, Corrected);
        var stale = await service.EditPendingAsync(author, idea, 1, Corrected);
        var invalid = await service.EditPendingAsync(author, idea, 2, Corrected with { Title = "Bus", MunicipalityId = "atlantis" });
        Assert.Equal(before, await app.Get<IdeaStore>().OwnAsync(author, idea));

        await app.Get<ModerationService>().PublishAsync(await app.ModeratorAsync(), idea, 2);
        var published = await app.Get<IdeaStore>().OwnAsync(author, idea);
        var afterDecision = await service.EditPendingAsync(author, idea, published!.Version, Corrected);
        // A decision is told before the form's errors: correcting them would be in vain.
        var invalidAfterDecision = await service.EditPendingAsync(author, idea, published.Version, Corrected with { Title = "Bus" });

        Assert.Equal(PendingChangeOutcome.NotFound, foreign.Outcome);
        Assert.Equal(PendingChangeOutcome.Changed, stale.Outcome);
        Assert.Equal(PendingChangeOutcome.Invalid, invalid.Outcome);
        Assert.Equal(IdeaError.TooShort, invalid.Errors[IdeaField.Title]);
        Assert.Equal(IdeaError.Unknown, invalid.Errors[IdeaField.MunicipalityId]);
        Assert.Equal(PendingChangeOutcome.Decided, afterDecision.Outcome);
        Assert.Equal(PendingChangeOutcome.Decided, invalidAfterDecision.Outcome);
        Assert.Equal(published, await app.Get<IdeaStore>().OwnAsync(author, idea));
        Assert.Equal("Schaukelbrücke, zweite Fassung", published.Title);
    }

    [Fact]
    public async Task ModeratorDecision_OnTheTextBeforeTheAuthorsEdit_IsAConflict_AndChangesNothing()
    {
        await using var app = await TestApp.StartAsync();
        var author = await app.Connections.ParticipantAsync();
        var idea = await SubmitAsync(app, author);
        var moderator = await app.ModeratorAsync();
        var moderation = app.Get<ModerationService>();
        Assert.Equal(PendingChangeOutcome.Done, (await app.Get<IdeaService>().EditPendingAsync(author, idea, 1, Corrected)).Outcome);

        var publish = await moderation.PublishAsync(moderator, idea, 1);
        var reject = await moderation.RejectAsync(moderator, idea, 1, "off_topic", null);
        var edit = await moderation.EditAsync(moderator, idea, 1, "Schaukelbrücke am See", "Eine Schaukelbrücke, korrigiert von der Moderation.");

        Assert.Equal([ModerationOutcome.Conflict, ModerationOutcome.Conflict, ModerationOutcome.Conflict], new[] { publish.Outcome, reject.Outcome, edit.Outcome });
        var review = (await app.Get<ModerationStore>().ReviewAsync(idea))!;
        Assert.Equal((IdeaStates.Pending, "Rufbus für das Maifeld", 2L), (review.State, review.Title, review.Version));
        Assert.Empty((await app.Get<ModerationStore>().AuditAsync(new AuditQuery())).Entries);
    }

    [Fact]
    public async Task EditPending_AfterAModerationCorrection_MakesTheTextTheAuthorsOwnAgain()
    {
        await using var app = await TestApp.StartAsync();
        var author = await app.Connections.ParticipantAsync();
        var idea = await SubmitAsync(app, author);
        var moderator = await app.ModeratorAsync();
        await app.Get<ModerationService>().EditAsync(moderator, idea, 1, "Schaukelbrücke am See", "Eine Schaukelbrücke, korrigiert von der Moderation.");

        var result = await app.Get<IdeaService>().EditPendingAsync(author, idea, 2, Corrected);

        Assert.Equal(PendingChangeOutcome.Done, result.Outcome);
        var review = (await app.Get<ModerationStore>().ReviewAsync(idea))!;
        Assert.Equal(("Rufbus für das Maifeld", false, null, 3L), (review.Title, review.WasEdited, review.OriginalTitle, review.Version));
        // The moderation's correction stays in its log.
        Assert.Equal("edit", Assert.Single((await app.Get<ModerationStore>().AuditAsync(new AuditQuery())).Entries).Action);
    }

    [Fact]
    public async Task WithdrawPending_DeletesTheIdeaWithWhatHangsOnIt_AndNothingElse()
    {
        await using var app = await TestApp.StartAsync();
        var author = await app.Connections.ParticipantAsync();
        var reporter = await app.Connections.ParticipantAsync();
        var idea = await SubmitAsync(app, author);
        var otherOwn = await SubmitAsync(app, author, "Eine zweite wartende Idee");
        var now = app.Clock.GetUtcNow();
        var vote = await app.Get<VoteService>().CreateAsync(new VoteDraft("Was zuerst?", "Bitte wählen.", "kreis", now.AddDays(1), now.AddDays(8), VoteMethod.Approval,
            [new OptionDraft("Brücke", "Aus einer Idee", null, [idea, otherOwn]), new OptionDraft("Radweg", "Entlang der Nette", null)], MaxChoices: 1));
        Assert.True(vote.Succeeded, string.Join(", ", vote.Problems));
        await app.ExecuteAsync(
            "INSERT INTO reports (idea_id, reporter_id, reason, created_at) VALUES (@Idea, @Reporter, 'spam', '2026-11-02T00:00:00.0000000Z')",
            new { Idea = idea, Reporter = reporter });

        var outcome = await app.Get<IdeaService>().WithdrawPendingAsync(author, idea, 1);

        Assert.Equal(PendingChangeOutcome.Done, outcome);
        Assert.Null(await app.Get<IdeaStore>().FindAsync(idea));
        Assert.Equal([otherOwn], (await app.Get<ModerationStore>().QueueAsync(null, null)).Select(i => i.Id));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM ideas_fts WHERE ideas_fts MATCH 'Laacher'"));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM reports"));
        Assert.Equal([otherOwn], (await app.Get<VoteStore>().FindAsync(vote.Id!.Value))!.Options.Single(o => o.Title == "Brücke").Ideas);
        await app.ExecuteAsync("INSERT INTO ideas_fts (ideas_fts) VALUES ('integrity-check')");
    }

    [Fact]
    public async Task WithdrawPending_LeavesNoCopyOfTheTextInTheDatabaseFiles()
    {
        await using var app = await TestApp.StartAsync();
        var author = await app.Connections.ParticipantAsync();
        const string title = "Zyxwer Rückzugstitel am Laacher See";
        var idea = await SubmitAsync(app, author, title);
        Assert.True(app.DatabaseFilesContain(title), "the test must see the title before the withdrawal");

        Assert.Equal(PendingChangeOutcome.Done, await app.Get<IdeaService>().WithdrawPendingAsync(author, idea, 1));

        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM mail_outbox WHERE text_body LIKE '%Rückzugstitel%'"));
        Assert.False(app.DatabaseFilesContain(title), "the withdrawn title is still in a database file");
    }

    [Fact]
    public async Task WithdrawPending_AfterPublication_BySomeoneElse_OrWithAStaleVersion_IsRefused_AndDeletesNothing()
    {
        await using var app = await TestApp.StartAsync();
        var author = await app.Connections.ParticipantAsync();
        var someoneElse = await app.Connections.ParticipantAsync();
        var service = app.Get<IdeaService>();
        var edited = await SubmitAsync(app, author);
        await service.EditPendingAsync(author, edited, 1, Corrected);
        var published = await SubmitAsync(app, author, "Eine veröffentlichte Idee");
        await app.Get<ModerationService>().PublishAsync(await app.ModeratorAsync(), published, 1);

        Assert.Equal(PendingChangeOutcome.NotFound, await service.WithdrawPendingAsync(someoneElse, edited, 2));
        Assert.Equal(PendingChangeOutcome.Changed, await service.WithdrawPendingAsync(author, edited, 1));
        Assert.Equal(PendingChangeOutcome.Decided, await service.WithdrawPendingAsync(author, published, 2));
        Assert.Equal(PendingChangeOutcome.NotFound, await service.WithdrawPendingAsync(author, published + 100, 1));

        Assert.Equal(2L, await app.ScalarAsync<long>("SELECT count(*) FROM ideas"));
        Assert.Equal(1, (await app.Get<IdeaStore>().ListPublishedAsync(new IdeaQuery())).Total);
    }

    private static async Task<long> SubmitAsync(TestApp app, long author, string title = "Eine Schaukelbrücke am Laacher See")
    {
        var result = await app.Get<IdeaService>().SubmitAsync(author, new IdeaSubmission(title, "Eine Schaukelbrücke über den See wäre ein Ausflugsziel.", "tourismus", "mendig", null));
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return result.IdeaId!.Value;
    }
}
