using Dapper;
using MYK10.Participation.Ideas;
using MYK10.Participation.Mail;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Comments;

namespace MYK10.Participation.Tests.Ideas;

public sealed class IdeaServiceTests
{
    [Fact]
    public async Task Submit_Valid_IsStoredPendingAndNotPublic_AndConfirmationMailIsQueued()
    {
        await using var app = await TestApp.StartAsync();
        var author = await app.Connections.ParticipantAsync("Erika", "erika@example.org");

        var result = await app.Get<IdeaService>().SubmitAsync(author, new IdeaSubmission(
            "  Rufbus per   App ", "Ein Rufbus, den man per App bestellt,\r\n\r\n\r\nwäre für die Dörfer ein Gewinn.", "verkehr-und-mobilitaet", "mendig", " "));

        Assert.True(result.Succeeded);
        var idea = await app.Get<IdeaStore>().FindAsync(result.IdeaId!.Value);
        Assert.Equal(IdeaStates.Pending, idea!.State);
        Assert.Equal("Rufbus per App", idea.Title);
        Assert.Equal("Ein Rufbus, den man per App bestellt,\n\nwäre für die Dörfer ein Gewinn.", idea.Body);
        Assert.Null(idea.Place);
        Assert.Equal(0, (await app.Get<IdeaStore>().ListPublishedAsync(new IdeaQuery())).Total);

        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);
        var mail = Assert.Single(Directory.GetFiles(Path.Combine(app.DataDirectory, "mail")));
        Assert.Contains("Rufbus per App", await File.ReadAllTextAsync(mail), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_Invalid_ReportsEachFieldAndStoresNothing()
    {
        await using var app = await TestApp.StartAsync();
        var author = await app.Connections.ParticipantAsync();

        var result = await app.Get<IdeaService>().SubmitAsync(author, new IdeaSubmission("Bus", new string('x', 5001), "raumfahrt", "", new string('y', 201)));

        Assert.False(result.Succeeded);
        Assert.Equal(IdeaError.TooShort, result.Errors[IdeaField.Title]);
        Assert.Equal(IdeaError.TooLong, result.Errors[IdeaField.Body]);
        Assert.Equal(IdeaError.Unknown, result.Errors[IdeaField.FieldId]);
        Assert.Equal(IdeaError.Required, result.Errors[IdeaField.MunicipalityId]);
        Assert.Equal(IdeaError.TooLong, result.Errors[IdeaField.Place]);
        await using var connection = await app.Connections.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM ideas"));
    }

    [Fact]
    public async Task Submit_TheSameFormTwice_StoresOneIdea_AndMailsOnce()
    {
        await using var app = await TestApp.StartAsync();
        var author = await app.Connections.ParticipantAsync();
        var service = app.Get<IdeaService>();
        var form = new IdeaSubmission("Rufbus per App", "Ein Rufbus, den man per App bestellt.", "verkehr-und-mobilitaet", "mendig", null, Guid.NewGuid().ToString("N"));

        var results = await Task.WhenAll(service.SubmitAsync(author, form), service.SubmitAsync(author, form));
        var again = await service.SubmitAsync(author, form);
        var another = await service.SubmitAsync(author, form with { FormKey = Guid.NewGuid().ToString("N") });
        // Back in the browser, the text changed, the same form sent: that is a new idea, not the first one again.
        var changed = await service.SubmitAsync(author, form with { Body = "Ein Rufbus, den man per App oder Telefon bestellt." });

        Assert.All(results.Append(again), r => Assert.Equal(results[0].IdeaId, r.IdeaId));
        Assert.NotEqual(results[0].IdeaId, another.IdeaId);
        Assert.DoesNotContain(changed.IdeaId, new[] { results[0].IdeaId, another.IdeaId });
        await using var connection = await app.Connections.OpenAsync();
        Assert.Equal(3, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM ideas"));
        Assert.Equal(3, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM mail_outbox"));
    }

    [Fact]
    public async Task Comment_TheSameFormTwice_StoresOneComment_CountedOnce_AChangedTextIsANewOne()
    {
        await using var app = await TestApp.StartAsync();
        var idea = await app.PublishedIdeaAsync();
        var writer = await app.Connections.ParticipantAsync();
        var service = app.Get<IdeaService>();
        var key = Guid.NewGuid().ToString("N");

        var twice = await Task.WhenAll(service.CommentAsync(writer, idea, "Gute Idee!", key), service.CommentAsync(writer, idea, "Gute Idee!", key));
        var changed = await service.CommentAsync(writer, idea, "Gute Idee, aber teuer.", key);

        Assert.Equal(twice[0].CommentId, twice[1].CommentId);
        Assert.NotEqual(twice[0].CommentId, changed.CommentId);
        Assert.Equal(2, (await app.Get<IdeaStore>().FindAsync(idea))!.Comments);
        Assert.Equal(2, (await app.Get<IdeaStore>().CommentsAsync(idea)).Count);
    }

    [Fact]
    public async Task Submit_LengthsCountCharactersAsTheDatabaseDoes_NotUtf16Units()
    {
        await using var app = await TestApp.StartAsync();
        var author = await app.Connections.ParticipantAsync();
        var body = "Ein Bus für die Dörfer wäre gut 🚌";

        // Four characters (five UTF-16 units): too short for the form as for the table's CHECK, refused without an error.
        var tooShort = await app.Get<IdeaService>().SubmitAsync(author, new IdeaSubmission("Bus🚌", body, "verkehr-und-mobilitaet", "mendig", null));
        // 120 emoji are 240 UTF-16 units but 120 characters: within the limit for both.
        var longest = await app.Get<IdeaService>().SubmitAsync(author, new IdeaSubmission(string.Concat(Enumerable.Repeat("🚌", 120)), body, "verkehr-und-mobilitaet", "mendig", null));

        Assert.Equal(IdeaError.TooShort, tooShort.Errors[IdeaField.Title]);
        Assert.True(longest.Succeeded);
        Assert.Equal(240, (await app.Get<IdeaStore>().FindAsync(longest.IdeaId!.Value))!.Title.Length);
    }

    [Fact]
    public async Task Support_FiftyParticipantsAtOnce_CountsExactlyFifty()
    {
        await using var app = await TestApp.StartAsync();
        var idea = await app.PublishedIdeaAsync();
        var participants = new List<long>();
        for (var i = 0; i < 50; i++)
        {
            participants.Add(await app.Connections.ParticipantAsync());
        }

        var results = await Task.WhenAll(participants.Select(p => Task.Run(() => app.Get<IdeaService>().SetSupportAsync(p, idea, support: true))));

        Assert.All(results, r => Assert.Equal(SupportOutcome.Supported, r.Outcome));
        Assert.Equal(50, (await app.Get<IdeaStore>().FindAsync(idea))!.Supporters);
        await using var connection = await app.Connections.OpenAsync();
        Assert.Equal(50, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM idea_supports WHERE idea_id = @Idea", new { Idea = idea }));
    }

    [Fact]
    public async Task Support_TwiceBySameParticipantAtOnce_CountsOnce_AndWithdrawalWorks()
    {
        await using var app = await TestApp.StartAsync();
        var idea = await app.PublishedIdeaAsync();
        var supporter = await app.Connections.ParticipantAsync();
        var service = app.Get<IdeaService>();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => service.SetSupportAsync(supporter, idea, support: true))));

        Assert.Single(results, r => r.Outcome == SupportOutcome.Supported);
        Assert.Equal(1, (await app.Get<IdeaStore>().FindAsync(idea))!.Supporters);
        Assert.True(await app.Get<IdeaStore>().HasSupportedAsync(idea, supporter));

        Assert.Equal(SupportOutcome.Withdrawn, (await service.SetSupportAsync(supporter, idea, support: false)).Outcome);
        Assert.Equal(SupportOutcome.Unchanged, (await service.SetSupportAsync(supporter, idea, support: false)).Outcome);
        Assert.Equal(0, (await app.Get<IdeaStore>().FindAsync(idea))!.Supporters);
    }

    [Fact]
    public async Task Support_OwnIdeaOrUnpublishedIdea_IsRefused()
    {
        await using var app = await TestApp.StartAsync();
        var author = await app.Connections.ParticipantAsync();
        var published = await app.PublishedIdeaAsync(authorId: author);
        var pending = (await app.Get<IdeaService>().SubmitAsync(author, new IdeaSubmission("Noch nicht geprüft", "Diese Idee wartet noch auf die Moderation.", "energie", "kreis", null))).IdeaId!.Value;
        var other = await app.Connections.ParticipantAsync();

        Assert.Equal(SupportOutcome.OwnIdea, (await app.Get<IdeaService>().SetSupportAsync(author, published, true)).Outcome);
        Assert.Equal(SupportOutcome.NotAvailable, (await app.Get<IdeaService>().SetSupportAsync(other, pending, true)).Outcome);
        Assert.Equal(0, (await app.Get<IdeaStore>().FindAsync(published))!.Supporters);
    }

    [Fact]
    public async Task Reports_ThreeDifferentReporters_HideTheComment_SameReporterTwiceCountsOnce()
    {
        await using var app = await TestApp.StartAsync();
        var idea = await app.PublishedIdeaAsync();
        var service = app.Get<IdeaService>();
        var (_, commentId) = await service.CommentAsync(await app.Connections.ParticipantAsync(), idea, "Das ist eine Beleidigung.");
        var first = await app.Connections.ParticipantAsync();

        Assert.Equal(ContributionOutcome.Done, await app.Get<CommentService>().ReportAsync(first, ReportTarget.IdeaComment(idea, commentId!.Value), "insult", null));
        Assert.Equal(ContributionOutcome.AlreadyDone, await app.Get<CommentService>().ReportAsync(first, ReportTarget.IdeaComment(idea, commentId.Value), "insult", "nochmal"));
        Assert.Equal(ContributionOutcome.Done, await app.Get<CommentService>().ReportAsync(await app.Connections.ParticipantAsync(), ReportTarget.IdeaComment(idea, commentId.Value), "spam", null));
        Assert.True((await app.Get<IdeaStore>().CommentsAsync(idea)).Single().IsVisible);

        Assert.Equal(ContributionOutcome.Done, await app.Get<CommentService>().ReportAsync(await app.Connections.ParticipantAsync(), ReportTarget.IdeaComment(idea, commentId.Value), "other", "Bitte prüfen"));

        var comment = (await app.Get<IdeaStore>().CommentsAsync(idea)).Single();
        Assert.Equal("hidden", comment.State);
        Assert.Equal("reports", comment.HiddenBy);
        Assert.Equal(0, (await app.Get<IdeaStore>().FindAsync(idea))!.Comments);
    }

    [Fact]
    public async Task Comment_IsPublishedAtOnce_AndDeletionLeavesAPlaceholder()
    {
        await using var app = await TestApp.StartAsync();
        var idea = await app.PublishedIdeaAsync();
        var author = await app.Connections.ParticipantAsync("Kommentatorin");
        var service = app.Get<IdeaService>();

        var (outcome, commentId) = await service.CommentAsync(author, idea, "  Gute Idee!  ");
        Assert.Equal(ContributionOutcome.Done, outcome);
        Assert.Equal("Gute Idee!", (await app.Get<IdeaStore>().CommentsAsync(idea)).Single().Body);
        Assert.Equal(1, (await app.Get<IdeaStore>().FindAsync(idea))!.Comments);
        Assert.Equal(ContributionOutcome.Invalid, (await service.CommentAsync(author, idea, new string('a', 2001))).Outcome);
        Assert.Equal(ContributionOutcome.NotAvailable, await app.Get<CommentService>().DeleteOwnAsync(CommentThread.Idea, await app.Connections.ParticipantAsync(), idea, commentId!.Value));

        Assert.Equal(ContributionOutcome.Done, await app.Get<CommentService>().DeleteOwnAsync(CommentThread.Idea, author, idea, commentId.Value));

        var deleted = (await app.Get<IdeaStore>().CommentsAsync(idea)).Single();
        Assert.Equal("deleted", deleted.State);
        Assert.DoesNotContain("Gute Idee", deleted.Body, StringComparison.Ordinal);
        Assert.Equal(0, (await app.Get<IdeaStore>().FindAsync(idea))!.Comments);
    }
}
