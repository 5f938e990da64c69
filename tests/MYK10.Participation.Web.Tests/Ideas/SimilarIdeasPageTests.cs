using System.Net;
using Dapper;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Ideas;

/// <summary>
/// The idea form shows similar published ideas once before storing. The tests share one site, so each one writes about
/// a thing of its own (no word of five letters or more in common with another test's ideas).
/// </summary>
public sealed class SimilarIdeasPageTests(SimilarIdeasPageTests.Site site) : IClassFixture<SimilarIdeasPageTests.Site>
{
    public sealed class Site : SiteFactory;

    private static Dictionary<string, string> Idea(string title, string body) => new()
    {
        ["Input.Title"] = title,
        ["Input.Body"] = body,
        ["Input.FieldId"] = "tourismus",
        ["Input.MunicipalityId"] = "pellenz",
        ["Input.Place"] = "Kruft, Marktplatz",
    };

    [Fact]
    public async Task FirstPost_WithASimilarPublishedIdea_ShowsItWithTheInputKept_AndStoresNothing()
    {
        var similar = await PublishedIdeaAsync("Wanderkarte für die Vulkaneifel als App", "Eine Wanderkarte als App zeigt alle Vulkanwege der Osteifel mit Einkehrmöglichkeiten.", "mendig");
        await SupportAsync(similar);
        var (author, _) = await site.ParticipantClientAsync();
        var input = Idea("Vulkanwege <digital> als Wanderkarte", "Alle Vulkanwege rund um den Laacher See gehören in eine digitale Wanderkarte.");

        using var response = await author.PostFormAsync("/ideen/neu", input);
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await CountAsync(input["Input.Title"]));
        Assert.Single(page.QuerySelectorAll("h1"));
        var notice = page.QuerySelector("main p.notice[autofocus]")!;
        Assert.Contains("noch nicht eingereicht", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal("#aehnliche-ideen", notice.QuerySelector("a")!.GetAttribute("href"));
        var section = page.QuerySelector("main form #aehnliche-ideen")!;
        Assert.Equal("Gibt es Ihre Idee schon?", section.QuerySelector("h2")!.TextContent);
        Assert.Contains("stattdessen auf ihrer Seite unterstützen", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("trotzdem einreichen", section.TextContent, StringComparison.Ordinal);
        var card = Assert.Single(section.QuerySelectorAll(".idea-card"));
        Assert.Equal($"/ideen/{similar}", card.QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.Equal("Wanderkarte für die Vulkaneifel als App", card.QuerySelector("h3")!.TextContent);
        Assert.Contains("Mendig", card.QuerySelector(".idea-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tourismus", card.QuerySelector(".idea-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 Unterstützer·in", card.QuerySelector(".idea-figures")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Eine Wanderkarte als App", card.QuerySelector(".excerpt")!.TextContent, StringComparison.Ordinal);

        // Everything typed is still there, encoded, and the button and hidden field say that the next send stores it.
        Assert.Equal(input["Input.Title"], page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Contains("value=\"Vulkanwege &lt;digital&gt; als Wanderkarte\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(input["Input.Body"], page.QuerySelector("#Input_Body")!.TextContent.Trim());
        Assert.Equal("tourismus", page.QuerySelector("#Input_FieldId option[selected]")!.GetAttribute("value"));
        Assert.Equal("pellenz", page.QuerySelector("#Input_MunicipalityId option[selected]")!.GetAttribute("value"));
        Assert.Equal("Kruft, Marktplatz", page.QuerySelector("#Input_Place")!.GetAttribute("value"));
        Assert.Equal("Idee trotzdem einreichen", page.QuerySelector("main form button[type=submit]")!.TextContent.Trim());
        Assert.Equal("True", page.QuerySelector("main form input[type=hidden][name='Input.SimilarShown']")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector(".error-summary"));
    }

    [Fact]
    public async Task SecondPost_AfterTheCheck_StoresExactlyOneIdea_AlsoWhenSentTwice()
    {
        await PublishedIdeaAsync("Ladesäulen für Pedelecs am Bahnhof", "Ladesäulen für Pedelecs am Bahnhof Andernach, mit Schließfächern für Akkus.", "andernach");
        var (author, _) = await site.ParticipantClientAsync();
        var input = Idea("Pedelecs laden am Bahnhof Kruft", "Am Bahnhof fehlen Ladesäulen: Pedelecs sollten dort geladen werden können.");
        using var check = await author.PostFormAsync("/ideen/neu", input);
        var checkPage = await check.ReadDocumentAsync();
        Assert.NotNull(checkPage.QuerySelector("#aehnliche-ideen"));

        using var first = await author.SubmitFormAsync(checkPage, "/ideen/neu", []);
        using var again = await author.SubmitFormAsync(checkPage, "/ideen/neu", []);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/ideen/eingereicht/", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await CountAsync(input["Input.Title"]));
    }

    [Fact]
    public async Task NoSimilarPublishedIdea_StoresTheIdeaAtOnce()
    {
        var (author, _) = await site.ParticipantClientAsync();
        var input = Idea("Imkerkurse im Obstgarten", "Honigbienen brauchen Obstwiesen; Imkerkurse könnten Jugendliche dafür begeistern.");

        using var response = await author.PostFormAsync("/ideen/neu", input);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/ideen/eingereicht/", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(input["Input.Title"]));
    }

    [Theory]
    [InlineData(IdeaStates.Pending)]
    [InlineData(IdeaStates.Rejected)]
    [InlineData(IdeaStates.Hidden)]
    public async Task ASimilarIdeaNotPublished_IsNotShown_AndTheIdeaIsStoredAtOnce(string state)
    {
        var title = $"Sternwarte {state} auf dem Karmelenberg";
        var unpublished = await SubmittedIdeaAsync(title, $"Eine öffentliche Sternwarte {state} auf dem Karmelenberg für Schulklassen.", "maifeld");
        // Each state reached as moderation reaches it (sql/0091): only a hidden idea was published before.
        if (state == IdeaStates.Hidden)
        {
            await site.Get<IDbConnectionFactory>().PublishAsync(unpublished);
        }

        await using (var connection = await site.Get<IDbConnectionFactory>().OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE ideas SET state = @State WHERE id = @Id", new { State = state, Id = unpublished });
        }

        var (author, _) = await site.ParticipantClientAsync();
        var input = Idea($"Sternwarte {state} Karmelenberg", $"Schulklassen sollten auf dem Karmelenberg eine Sternwarte {state} nutzen können.");

        using var response = await author.PostFormAsync("/ideen/neu", input);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(title, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(input["Input.Title"]));
    }

    [Fact]
    public async Task TheCheckStep_UsesUpNoneOfTheParticipantsIdeasForTheDay()
    {
        await using var limited = new SiteFactory(new() { ["RateLimits:Idea:PermitLimit"] = "1" });
        var connections = limited.Get<IDbConnectionFactory>();
        var published = await limited.Get<IdeaService>().SubmitAsync(await connections.ParticipantAsync(), new IdeaSubmission(
            "Kletterwald am Rhein", "Ein Kletterwald am Rheinufer für Familien und Schulklassen.", "tourismus", "andernach", null));
        await connections.PublishAsync(published.IdeaId!.Value);
        var (author, _) = await limited.ParticipantClientAsync();
        var input = Idea("Kletterwald für Familien", "Familien wünschen sich einen Kletterwald in der Nähe des Rheins.");

        using var firstCheck = await author.PostFormAsync("/ideen/neu", input);
        using var secondCheck = await author.PostFormAsync("/ideen/neu", input);
        using var stored = await author.SubmitFormAsync(await secondCheck.ReadDocumentAsync(), "/ideen/neu", []);

        Assert.NotNull((await firstCheck.ReadDocumentAsync()).QuerySelector("#aehnliche-ideen"));
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        using var refused = await author.PostFormAsync("/ideen/neu", Idea("Zweite Idee heute", "Eine zweite, ganz andere Idee am selben Tag: Obstbäume pflanzen."));
        Assert.Contains("schon 1 Ideen eingereicht", (await refused.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<long> PublishedIdeaAsync(string title, string body, string municipality)
    {
        var id = await SubmittedIdeaAsync(title, body, municipality);
        await site.Get<IDbConnectionFactory>().PublishAsync(id);
        return id;
    }

    private async Task<long> SubmittedIdeaAsync(string title, string body, string municipality)
    {
        var connections = site.Get<IDbConnectionFactory>();
        var result = await site.Get<IdeaService>().SubmitAsync(await connections.ParticipantAsync(), new IdeaSubmission(title, body, "tourismus", municipality, null));
        return result.IdeaId!.Value;
    }

    private async Task SupportAsync(long idea) =>
        await site.Get<IdeaService>().SetSupportAsync(await site.Get<IDbConnectionFactory>().ParticipantAsync(), idea, support: true);

    private async Task<long> CountAsync(string title)
    {
        await using var connection = await site.Get<IDbConnectionFactory>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM ideas WHERE title = @Title", new { Title = title });
    }
}
