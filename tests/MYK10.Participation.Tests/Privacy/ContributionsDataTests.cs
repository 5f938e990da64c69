using Dapper;
using MYK10.Participation.Ballots;
using MYK10.Participation.Ideas;
using MYK10.Participation.Moderation;
using MYK10.Participation.Privacy;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Comments;

namespace MYK10.Participation.Tests.Privacy;

public sealed class ContributionsDataTests
{
    [Fact]
    public async Task Export_ContainsIdeasSupportsCommentsAndReports_DeletionKeepsTheCountsAndDropsTheReports()
    {
        await using var app = await TestApp.StartAsync();
        var person = await app.Connections.ParticipantAsync("Erika", "erika-export@example.org");
        var own = await app.PublishedIdeaAsync("Meine eigene Idee", authorId: person);
        var other = await app.PublishedIdeaAsync("Eine fremde Idee");
        var ideas = app.Get<IdeaService>();
        await ideas.SetSupportAsync(person, other, true);
        var (_, comment) = await ideas.CommentAsync(person, other, "Mein Kommentar");
        await app.Get<CommentService>().ReportAsync(person, ReportTarget.Idea(other), "spam", "Werbung");

        var export = await app.Get<PersonalDataService>().ExportAsync(person);
        var sections = export!.Sections.ToDictionary(s => s.Key, s => s.Rows);
        Assert.Equal("Meine eigene Idee", sections["ideas"].Single()["title"]);
        Assert.Equal(other, (long)sections["supports"].Single()["idea_id"]!);
        Assert.Equal("Mein Kommentar", sections["comments"].Single()["body"]);
        Assert.Equal("spam", sections["reports"].Single()["reason"]);

        Assert.True(await app.Get<PersonalDataService>().DeleteAccountAsync(person));

        Assert.Equal(1, (await app.Get<IdeaStore>().FindAsync(other))!.Supporters);
        Assert.True((await app.Get<IdeaStore>().FindAsync(own))!.AuthorDeleted);
        Assert.Equal(comment, (await app.Get<IdeaStore>().CommentsAsync(other)).Single().Id);
        await using var connection = await app.Connections.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM reports"));
    }

    [Fact]
    public async Task Deletion_RemovesThePersonsPendingAndRejectedIdeas_WithWhatHangsOnThem_AndKeepsEveryoneElses()
    {
        await using var app = await TestApp.StartAsync();
        var person = await app.Connections.ParticipantAsync("Erika", "erika-wartend@example.org");
        var someoneElse = await app.Connections.ParticipantAsync("Paul");
        var published = await app.PublishedIdeaAsync("Meine veröffentlichte Idee", authorId: person);
        var pending = await SubmitAsync(app, person, "Eine Schaukelbrücke am Laacher See");
        var othersPending = await SubmitAsync(app, someoneElse, "Eine fremde wartende Idee");
        var rejected = await SubmitAsync(app, person, "Eine abgelehnte Seilbahn");
        var othersRejected = await SubmitAsync(app, someoneElse, "Eine fremde abgelehnte Idee");
        await app.ExecuteAsync("UPDATE ideas SET state = 'rejected', rejection_reason = 'off_topic' WHERE id IN (@Rejected, @OthersRejected)", new { Rejected = rejected, OthersRejected = othersRejected });
        var now = app.Clock.GetUtcNow();
        var vote = await app.Get<VoteService>().CreateAsync(new VoteDraft("Was zuerst?", "Bitte wählen.", "kreis", now.AddDays(1), now.AddDays(8), VoteMethod.Approval,
            [new OptionDraft("Brücke", "Aus einer Idee", null, [pending, othersPending]), new OptionDraft("Radweg", "Entlang der Nette", null)], MaxChoices: 1));
        Assert.True(vote.Succeeded, string.Join(", ", vote.Problems));
        await app.ExecuteAsync(
            "INSERT INTO reports (idea_id, reporter_id, reason, created_at) VALUES (@Idea, @Reporter, 'spam', '2026-11-02T00:00:00.0000000Z')",
            new { Idea = pending, Reporter = someoneElse });

        Assert.True(await app.Get<PersonalDataService>().DeleteAccountAsync(person));

        Assert.Null(await app.Get<IdeaStore>().FindAsync(pending));
        Assert.Null(await app.Get<IdeaStore>().FindAsync(rejected));
        Assert.Equal(IdeaStates.Rejected, (await app.Get<IdeaStore>().FindAsync(othersRejected))!.State);
        Assert.Equal([othersPending], (await app.Get<ModerationStore>().QueueAsync(null, null)).Select(i => i.Id));
        Assert.True((await app.Get<IdeaStore>().FindAsync(published))!.AuthorDeleted);
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM ideas_fts WHERE ideas_fts MATCH 'Schaukelbrücke'"));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM reports"));
        var options = (await app.Get<VoteStore>().FindAsync(vote.Id!.Value))!.Options;
        Assert.Equal([othersPending], options.Single(o => o.Title == "Brücke").Ideas);
    }

    private static async Task<long> SubmitAsync(TestApp app, long author, string title)
    {
        var result = await app.Get<IdeaService>().SubmitAsync(author, new IdeaSubmission(title, "Eine ausführliche Beschreibung der Idee.", "tourismus", "mendig", null));
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return result.IdeaId!.Value;
    }
}
