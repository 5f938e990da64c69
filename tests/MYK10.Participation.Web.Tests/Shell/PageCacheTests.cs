using System.Net;
using Dapper;
using Microsoft.AspNetCore.Http;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Hosting;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Shell;

public sealed class PageCacheTests(PageCacheTests.Site site) : IClassFixture<PageCacheTests.Site>
{
    public sealed class Site() : SiteFactory(new() { ["Caching:AnonymousPageSeconds"] = "300" });

    private async Task<long> PublishedIdeaAsync(string title)
    {
        var author = await site.Get<IDbConnectionFactory>().ParticipantAsync("Autorin", $"autorin-{Guid.NewGuid():N}@example.org");
        var submitted = await site.Get<IdeaService>().SubmitAsync(author, new IdeaSubmission(title, "Eine Beschreibung, die lang genug ist.", "bildung", "mayen", null));
        await site.Get<IDbConnectionFactory>().PublishAsync(submitted.IdeaId!.Value);
        return submitted.IdeaId.Value;
    }

    private async Task RenameInDatabaseAsync(long id, string title)
    {
        await using var connection = await site.Get<IDbConnectionFactory>().OpenAsync();
        await connection.ExecuteAsync("UPDATE ideas SET title = @Title WHERE id = @Id", new { Id = id, Title = title });
    }

    private static async Task<string> TitleAsync(HttpClient client, long id) =>
        (await client.GetDocumentAsync($"/ideen/{id}")).QuerySelector("h1")!.TextContent.Trim();

    [Fact]
    public async Task AnonymousPage_IsServedFromTheCache_WithoutCookies_UntilAParticipantsCommentEvictsIt()
    {
        var id = await PublishedIdeaAsync("Bücherbus für die Dörfer");
        var anonymous = site.CreateBrowserLikeClient();
        using var first = await anonymous.GetAsync($"/ideen/{id}");
        Assert.False(first.Headers.Contains("Set-Cookie"), "a page for visitors without sign-in sets no cookie");
        using var storing = await anonymous.GetAsync($"/ideen/{id}"); // the second request within the lifetime stores the page

        await RenameInDatabaseAsync(id, "Bücherbus – geändert");
        using var second = await anonymous.GetAsync($"/ideen/{id}");
        Assert.True(second.Headers.Age is not null, "served from the cache");
        Assert.Equal("Bücherbus für die Dörfer", (await second.ReadDocumentAsync()).QuerySelector("h1")!.TextContent.Trim());

        var (participant, _) = await site.ParticipantClientAsync();
        Assert.Equal("Bücherbus – geändert", await TitleAsync(participant, id)); // signed in: never from the cache
        using var comment = await participant.PostFormAsync($"/ideen/{id}", new() { ["Input.Comment"] = "Sehr gute Idee!" }, "#kommentieren");
        Assert.Equal(HttpStatusCode.Redirect, comment.StatusCode);

        var fresh = await anonymous.GetDocumentAsync($"/ideen/{id}");
        Assert.Equal("Bücherbus – geändert", fresh.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Sehr gute Idee!", fresh.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommentDeletedThroughAnotherIdeasUrl_IsNotFound_ThroughItsOwnIdea_ItsCachedPageShowsTheWithdrawal()
    {
        var other = await PublishedIdeaAsync("Sitzbänke am Rheinufer");
        var id = await PublishedIdeaAsync("Trinkbrunnen in der Innenstadt");
        var (author, _) = await site.ParticipantClientAsync();
        using var comment = await author.PostFormAsync($"/ideen/{id}", new() { ["Input.Comment"] = "Brunnen auch am Bahnhof" }, "#kommentieren");
        var commentId = (await site.Get<IdeaStore>().CommentsAsync(id)).Single().Id;
        var anonymous = site.CreateBrowserLikeClient();
        using var first = await anonymous.GetAsync($"/ideen/{id}");
        using var storing = await anonymous.GetAsync($"/ideen/{id}");

        using var elsewhere = await author.PostWithTokenAsync($"/ideen/{id}", $"/ideen/{other}?handler=DeleteComment&commentId={commentId}", []);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal("visible", (await site.Get<IdeaStore>().CommentsAsync(id)).Single().State);

        using var own = await author.PostFormAsync($"/ideen/{id}", [], $"#kommentar-{commentId} form[action*='handler=DeleteComment']");
        Assert.Equal($"/ideen/{id}?hinweis=geloescht#kommentar-{commentId}", own.Headers.Location!.OriginalString);
        Assert.DoesNotContain("Brunnen auch am Bahnhof", (await anonymous.GetDocumentAsync($"/ideen/{id}")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CachedPages_KeepTheirLanguage()
    {
        var german = site.CreateBrowserLikeClient();
        var english = site.CreateBrowserLikeClient();
        english.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        for (var request = 0; request < 2; request++)
        {
            Assert.Equal("de", (await german.GetDocumentAsync("/ideen")).DocumentElement.GetAttribute("lang"));
            Assert.Equal("en", (await english.GetDocumentAsync("/ideen")).DocumentElement.GetAttribute("lang"));
        }

        using var again = await german.GetAsync("/ideen");
        Assert.NotNull(again.Headers.Age);
        Assert.Equal("de", (await again.ReadDocumentAsync()).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task PageReadOnce_IsNotStored_ThePageReadTwiceIs()
    {
        var id = await PublishedIdeaAsync("Dorfladen mit Selbstbedienung");
        var anonymous = site.CreateBrowserLikeClient();
        using var first = await anonymous.GetAsync($"/ideen/{id}");
        await RenameInDatabaseAsync(id, "Dorfladen – nach dem ersten Aufruf");
        Assert.Equal("Dorfladen – nach dem ersten Aufruf", await TitleAsync(anonymous, id)); // rendered again: the first was not stored

        await RenameInDatabaseAsync(id, "Dorfladen – nach dem zweiten Aufruf");
        using var third = await anonymous.GetAsync($"/ideen/{id}");
        Assert.NotNull(third.Headers.Age);
        Assert.Equal("Dorfladen – nach dem ersten Aufruf", (await third.ReadDocumentAsync()).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task SearchResults_AreSharedWithSignedInParticipants_UntilAChangeEmptiesTheCache()
    {
        var word = $"Wortmarke{Guid.NewGuid():N}"[..20];
        var id = await PublishedIdeaAsync($"Idee mit {word}");
        static async Task<string[]> TitlesAsync(HttpClient client, string query) =>
            (await client.GetDocumentAsync($"/ideen?q={query}")).QuerySelectorAll(".idea-card h3").Select(h => h.TextContent.Trim()).ToArray();
        var (first, _) = await site.ParticipantClientAsync();
        var (second, _) = await site.ParticipantClientAsync();
        Assert.Equal([$"Idee mit {word}"], await TitlesAsync(first, word));

        await RenameInDatabaseAsync(id, $"Umbenannt {word}");
        Assert.Equal([$"Idee mit {word}"], await TitlesAsync(second, word)); // the same search, shared: not run again
        Assert.Equal($"Umbenannt {word}", await TitleAsync(second, id)); // the idea's own page is fresh for participants

        using var profile = await second.PostFormAsync("/konto/profil", new() { ["Input.DisplayName"] = "Neuer Name" });
        Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);
        Assert.Equal([$"Umbenannt {word}"], await TitlesAsync(first, word));
    }

    [Fact]
    public void Admission_NeedsAnEarlierRequestWithinTheWindow()
    {
        var admission = new SecondRequestAdmission(TimeSpan.FromMilliseconds(200));
        Assert.False(admission.Admit("de /ideen/1"));
        Assert.True(admission.Admit("de /ideen/1"));
        Assert.False(admission.Admit("en /ideen/1"));
        Thread.Sleep(300);
        Assert.False(admission.Admit("de /ideen/1"));
    }

    [Theory]
    [InlineData("/ideen/42", "idea-42")]
    [InlineData("/ideen/42/melden", "idea-42")]
    [InlineData("/ideen/neu", null)]
    [InlineData("/moderation/ideen/42", PageCache.AllTag)]
    [InlineData("/admin/strategie", PageCache.AllTag)]
    [InlineData("/strategie/massnahmen/3", PageCache.AllTag)]
    [InlineData("/konto/loeschen", PageCache.AllTag)]
    [InlineData("/konto/anmelden", null)]
    [InlineData("/umfragen/5/pruefen", null)]
    [InlineData("/abstimmungen/5", null)]
    public void SuccessfulPost_EvictsWhatItMayHaveChanged(string path, string? tag)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;

        Assert.Equal(tag, PageCache.TagChangedBy(context));
    }
}
