using Dapper;
using MYK10.Participation.Ideas;
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
}
