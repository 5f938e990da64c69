using Dapper;
using MYK10.Participation.Ideas;
using MYK10.Participation.Moderation;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Ideas;

public sealed class SimilarIdeasTests
{
    [Fact]
    public async Task Published_FindsOnlyPublishedIdeas_TheTitleWeighingMore_AndTheModerationAlsoPendingOnes()
    {
        await using var app = await TestApp.StartAsync();
        var inBody = await app.PublishedIdeaAsync("Bänke am Rheinufer", "Mehr Sitzbänke und eine Trinkwasserstelle am Rheinufer in Andernach.");
        var inTitle = await app.PublishedIdeaAsync("Trinkwasserstelle am Marktplatz", "Ein Brunnen für heiße Tage in der Innenstadt.");
        await app.PublishedIdeaAsync("Glasfaser für Kruft", "Schnelles Internet für alle Ortsteile.");
        var pending = await IdeaAsync(app, IdeaStates.Pending, "Trinkwasserstelle am Bahnhof");
        var rejected = await IdeaAsync(app, IdeaStates.Rejected, "Trinkwasserstelle im Park");
        var hidden = await IdeaAsync(app, IdeaStates.Hidden, "Trinkwasserstelle am Spielplatz");
        var merged = await IdeaAsync(app, IdeaStates.Merged, "Trinkwasserstelle an der Schule", mergedInto: inTitle);
        var similar = app.Get<SimilarIdeas>();

        var published = await similar.FindAsync("Eine Trinkwasserstelle", "Wasser zum Trinken für alle, kostenlos.", SimilarIdeaScope.Published);
        var forModeration = await similar.FindAsync("Eine Trinkwasserstelle", "Wasser zum Trinken für alle, kostenlos.", SimilarIdeaScope.PublishedAndPending);
        var duplicates = await app.Get<ModerationStore>().DuplicatesAsync((await app.Get<ModerationStore>().ReviewAsync(pending))!);

        // The benches share one word with it, in their text only: a moderator sees them, a participant is not held up.
        Assert.Equal([inTitle], published.Select(i => i.Id));
        Assert.Equal("Trinkwasserstelle am Marktplatz", published[0].Title);
        Assert.Equal(IdeaStates.Published, published[0].State);
        Assert.Equal([inBody, inTitle, pending], forModeration.Select(i => i.Id).Order());
        Assert.Equal([inBody, inTitle], duplicates.Select(i => i.Id).Order());
        Assert.DoesNotContain(duplicates, d => d.Id == pending);
        Assert.All(new[] { rejected, hidden, merged }, id => Assert.DoesNotContain(forModeration, i => i.Id == id));
        Assert.Empty(await similar.FindAsync("Kein", "Kurz", SimilarIdeaScope.Published));
    }

    [Fact]
    public async Task AtMostFive_TheMostSimilarFirst()
    {
        await using var app = await TestApp.StartAsync();
        var best = await app.PublishedIdeaAsync("Carsharing mit Elektroautos", "Carsharing mit Elektroautos in jedem Ortsteil.");
        for (var i = 0; i < 6; i++)
        {
            await app.PublishedIdeaAsync($"Ladesäulen für Elektroautos Nummer {i}", $"Mehr Ladesäulen auf Parkplätzen, Vorschlag {i}.");
        }

        var found = await app.Get<SimilarIdeas>().FindAsync("Carsharing mit Elektroautos", "Carsharing in den Dörfern.", SimilarIdeaScope.Published);

        Assert.Equal(SimilarIdeas.Limit, found.Count);
        Assert.Equal(best, found[0].Id);
    }

    [Fact]
    public async Task Participants_AreNotHeldUpByIdeasThatShareOnlyAPlaceInTheirTextAndCommonWords_WhichModeratorsStillSee()
    {
        await using var app = await TestApp.StartAsync();
        var place = await app.PublishedIdeaAsync("Glasfaser für alle Ortsteile", "Kottenheim sollte endlich schnelles Internet bekommen, das würde vielen helfen.");
        var related = await app.PublishedIdeaAsync("Schnelles Internet in Mendig", "Glasfaser für alle Haushalte in Mendig.");
        var similar = app.Get<SimilarIdeas>();

        var published = await similar.FindAsync("Spielplatz in Kottenheim", "Der Spielplatz sollte endlich neue Geräte bekommen.", SimilarIdeaScope.Published);
        var forModeration = await similar.FindAsync("Spielplatz in Kottenheim", "Der Spielplatz sollte endlich neue Geräte bekommen.", SimilarIdeaScope.PublishedAndPending);
        var internet = await similar.FindAsync("Glasfaser in Thür", "Schnelles Internet für Thür.", SimilarIdeaScope.Published);

        Assert.Empty(published);
        Assert.Equal([place], forModeration.Select(i => i.Id));
        Assert.Equal([place, related], internet.Select(i => i.Id).Order());
    }

    [Theory]
    [InlineData("Radweg Mayen", "", "Radweg nach Kruft", "", true)]
    [InlineData("Bürgerbüro", "", "Buergerbuero", "", false)]
    [InlineData("Bürgerbüro online", "", "Das BÜRGERBÜRO", "", true)]
    [InlineData("Spielplatz", "in Kottenheim", "Glasfaser", "für Kottenheim", false)]
    [InlineData("Spielplatz", "Kottenheim braucht Schaukeln", "Schaukeln", "für Kottenheim", true)]
    [InlineData("Werden sollte", "", "werden sollte", "", false)]
    public void Resembles_SharedTitleWord_OrTwoSharedWordsOneInATitle(string title, string body, string otherTitle, string otherBody, bool expected) =>
        Assert.Equal(expected, SimilarIdeas.Resembles(title, body, otherTitle, otherBody));

    [Fact]
    public void Query_IsTheLongerWordsQuoted_SoNoOperatorInTheTextTakesEffect()
    {
        Assert.Equal("\"rufbus\" OR \"mendig\" OR \"kruft\"", SimilarIdeas.Query("Rufbus OR Mendig: NEAR(\"Kruft\" rufbus) AND bus*"));
        Assert.Null(SimilarIdeas.Query("Bus und Bahn"));
    }

    private static async Task<long> IdeaAsync(TestApp app, string state, string title, long? mergedInto = null)
    {
        // Each state reached as moderation reaches it (sql/0091): pending and rejected ideas were never published.
        var submitted = await app.Get<IdeaService>().SubmitAsync(await app.Connections.ParticipantAsync(), new IdeaSubmission(title, "Wasser für alle, die durstig sind.", "kommunikationsinfrastruktur", "mendig", null));
        var id = submitted.IdeaId!.Value;
        if (state is IdeaStates.Hidden or IdeaStates.Merged)
        {
            await app.Connections.PublishAsync(id, app.Clock.GetUtcNow());
        }

        await using var connection = await app.Connections.OpenAsync();
        await connection.ExecuteAsync("UPDATE ideas SET state = @State, merged_into_id = @MergedInto WHERE id = @Id", new { State = state, MergedInto = mergedInto, Id = id });
        return id;
    }
}
