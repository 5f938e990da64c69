using System.Net;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;
using MYK10.Participation.Staff;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Ideas;

/// <summary>The author corrects (<c>/ideen/{id}/bearbeiten</c>) or withdraws (<c>/ideen/{id}/zurueckziehen</c>) their idea while it waits for review.</summary>
public sealed class PendingIdeaPagesTests(PendingIdeaPagesTests.Site site) : IClassFixture<PendingIdeaPagesTests.Site>
{
    public sealed class Site : SiteFactory;

    private const string Decided = "Ihre Idee wurde inzwischen geprüft und kann nicht mehr geändert oder zurückgezogen werden.";

    [Fact]
    public async Task Edit_ByTheAuthor_SavesAndShowsTheNewText_TheReviewPageSaysSo_AndAModeratorsDecisionOnTheOldTextConflicts()
    {
        var (author, authorId) = await site.ParticipantClientAsync();
        var id = await PendingIdeaAsync(authorId);
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        var review = await moderator.GetDocumentAsync($"/moderation/ideen/{id}");
        var form = await author.GetDocumentAsync($"/ideen/{id}/bearbeiten");
        Assert.Equal("Idee bearbeiten", form.QuerySelector("h1")!.TextContent);
        Assert.Equal("Eine Seilbahn auf den Hochsimmer", form.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal("mendig", form.QuerySelector("#Input_MunicipalityId option[selected]")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("main form .rules-note"));

        using var saved = await author.SubmitFormAsync(form, $"/ideen/{id}/bearbeiten", new()
        {
            ["Input.Title"] = "Eine Seilbahn auf den <Hochsimmer>",
            ["Input.MunicipalityId"] = "vordereifel",
            ["Input.Place"] = "Ettringen",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/ideen/{id}?hinweis=geaendert", saved.Headers.Location!.OriginalString);
        var detail = await author.GetDocumentAsync(saved.Headers.Location.OriginalString);
        Assert.Equal("Eine Seilbahn auf den <Hochsimmer>", detail.QuerySelector("h1")!.TextContent);
        Assert.Contains("Ihre Änderungen sind gespeichert.", detail.QuerySelector("main .notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ettringen", detail.QuerySelector(".details")!.TextContent, StringComparison.Ordinal);

        using var publish = await moderator.SubmitFormAsync(review, $"/moderation/ideen/{id}", [], "form[action*='handler=Publish']");
        var refused = await publish.ReadDocumentAsync();
        Assert.Contains("Diese Idee wurde inzwischen von einer anderen Person bearbeitet", refused.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Von der Verfasserin oder dem Verfasser geändert am", refused.QuerySelector(".details")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(IdeaStates.Pending, (await site.Get<IdeaStore>().FindAsync(id))!.State);
    }

    [Fact]
    public async Task AModeratorDecidingOnAWithdrawnIdea_IsToldItIsGone_NotShownAnErrorPage()
    {
        var (author, authorId) = await site.ParticipantClientAsync();
        var id = await PendingIdeaAsync(authorId);
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        var review = await moderator.GetDocumentAsync($"/moderation/ideen/{id}");
        using (var withdrawn = await author.PostFormAsync($"/ideen/{id}/zurueckziehen", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        using var publish = await moderator.SubmitFormAsync(review, $"/moderation/ideen/{id}", [], "form[action*='handler=Publish']");

        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var queue = await moderator.GetDocumentAsync(publish.Headers.Location!.OriginalString);
        Assert.StartsWith("Diese Idee gibt es nicht mehr", queue.QuerySelector("main .notice[role=status]")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_WithAnError_GivesTheGermanMessageBesideTheField_KeepsTheInput_AndChangesNothing()
    {
        var (author, authorId) = await site.ParticipantClientAsync();
        var id = await PendingIdeaAsync(authorId);

        using var response = await author.PostFormAsync($"/ideen/{id}/bearbeiten", new()
        {
            ["Input.Title"] = "Bus",
            ["Input.Body"] = "Eine Seilbahn, jetzt mit einer anderen Beschreibung als vorher.",
            ["Input.FieldId"] = "",
        });
        var document = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Der Titel muss mindestens 5 Zeichen lang sein.", document.QuerySelector("#Input_Title-error")!.TextContent.Trim());
        Assert.Equal("Bitte wählen Sie ein Handlungsfeld.", document.QuerySelector("#Input_FieldId-error")!.TextContent.Trim());
        ErrorSummary.AssertLinksLandOnFields(document);
        Assert.Equal("Bus", document.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal("Eine Seilbahn, jetzt mit einer anderen Beschreibung als vorher.", document.QuerySelector("#Input_Body")!.TextContent.Trim());
        Assert.Equal("Fehler: Idee bearbeiten – MYK10 Bürgerbeteiligung", document.Title);
        var idea = (await site.Get<IdeaStore>().OwnAsync(authorId, id))!;
        Assert.Equal(("Eine Seilbahn auf den Hochsimmer", 1L), (idea.Title, idea.Version));
    }

    [Fact]
    public async Task EditAndWithdraw_AreNotFoundForOtherParticipants_AndForbiddenOnceDecided_SayingSo_AndChangeNothing()
    {
        var (author, authorId) = await site.ParticipantClientAsync();
        var id = await PendingIdeaAsync(authorId);
        var (other, _) = await site.ParticipantClientAsync();
        var editForm = await author.GetDocumentAsync($"/ideen/{id}/bearbeiten");
        var withdrawForm = await author.GetDocumentAsync($"/ideen/{id}/zurueckziehen");

        foreach (var page in new[] { "bearbeiten", "zurueckziehen" })
        {
            using var get = await other.GetAsync($"/ideen/{id}/{page}");
            using var post = await other.PostWithTokenAsync("/ideen/neu", $"/ideen/{id}/{page}", new() { ["Input.Title"] = "Fremde Änderung", ["Input.Version"] = "1" });
            using var anonymous = await site.CreateBrowserLikeClient().GetAsync($"/ideen/{id}/{page}");
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
            Assert.StartsWith("/konto/anmelden", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        // The moderation publishes while the author still has both forms open.
        await site.Get<IDbConnectionFactory>().PublishAsync(id);
        using var edit = await author.SubmitFormAsync(editForm, $"/ideen/{id}/bearbeiten", new() { ["Input.Title"] = "Zu spät geändert" });
        using var withdraw = await author.SubmitFormAsync(withdrawForm, $"/ideen/{id}/zurueckziehen", []);
        using var editPage = await author.GetAsync($"/ideen/{id}/bearbeiten");

        foreach (var response in new[] { edit, withdraw, editPage })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var document = await response.ReadDocumentAsync();
            Assert.Contains(Decided, document.QuerySelector("main .notice")!.TextContent, StringComparison.Ordinal);
            Assert.Null(document.QuerySelector("main form[method=post]"));
            Assert.NotNull(document.QuerySelector($"main a[href='/ideen/{id}']"));
        }

        var idea = (await site.Get<IdeaStore>().FindAsync(id))!;
        Assert.Equal(("Eine Seilbahn auf den Hochsimmer", IdeaStates.Published), (idea.Title, idea.State));
    }

    [Fact]
    public async Task Edit_FromAFormLoadedBeforeAnotherSave_ShowsTheIdeaAsItIsNow_AndSaysNothingWasSaved()
    {
        var (author, authorId) = await site.ParticipantClientAsync();
        var id = await PendingIdeaAsync(authorId);
        var firstWindow = await author.GetDocumentAsync($"/ideen/{id}/bearbeiten");
        var secondWindow = await author.GetDocumentAsync($"/ideen/{id}/bearbeiten");
        using (await author.SubmitFormAsync(firstWindow, $"/ideen/{id}/bearbeiten", new() { ["Input.Title"] = "Seilbahn, erste Fassung" }))
        {
        }

        using var stale = await author.SubmitFormAsync(secondWindow, $"/ideen/{id}/bearbeiten", new() { ["Input.Title"] = "Seilbahn, zweite Fassung" });
        var document = await stale.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Ihre Idee wurde inzwischen geändert", document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Seilbahn, erste Fassung", document.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal("2", document.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));
        Assert.Equal("Seilbahn, erste Fassung", (await site.Get<IdeaStore>().FindAsync(id))!.Title);
    }

    [Fact]
    public async Task Withdraw_ConfirmedByTheAuthor_DeletesTheIdea_AndConfirmsWithALinkToTheAccount()
    {
        var (author, authorId) = await site.ParticipantClientAsync();
        var id = await PendingIdeaAsync(authorId);
        var confirmation = await author.GetDocumentAsync($"/ideen/{id}/zurueckziehen");
        Assert.Equal("Idee zurückziehen", confirmation.QuerySelector("h1")!.TextContent);
        Assert.Contains("Eine Seilbahn auf den Hochsimmer", confirmation.QuerySelector("main .reported")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Idee endgültig zurückziehen", confirmation.QuerySelector("main form[method=post] button")!.TextContent.Trim());

        using var withdrawn = await author.SubmitFormAsync(confirmation, $"/ideen/{id}/zurueckziehen", []);

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var result = await author.GetDocumentAsync(withdrawn.Headers.Location!.OriginalString);
        Assert.Equal("Ihre Idee ist zurückgezogen", result.QuerySelector("h1")!.TextContent);
        Assert.NotNull(result.QuerySelector("main a[href='/konto']"));
        Assert.Null(await site.Get<IdeaStore>().FindAsync(id));
        using var gone = await author.GetAsync($"/ideen/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.DoesNotContain("Hochsimmer", (await author.GetDocumentAsync("/konto")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APendingIdea_LinksToEditAndWithdraw_FromConfirmationAccountAndDetail_OnlyWhilePending()
    {
        var (author, authorId) = await site.ParticipantClientAsync();
        var id = await PendingIdeaAsync(authorId);
        await PendingIdeaAsync(authorId, "Ein Bürgerbus für Mendig");
        string[] pages = [$"/ideen/eingereicht/{id}", "/konto", $"/ideen/{id}"];
        var links = $"main a[href='/ideen/{id}/bearbeiten'], main a[href='/ideen/{id}/zurueckziehen']";

        foreach (var page in pages)
        {
            Assert.Equal(2, (await author.GetDocumentAsync(page)).QuerySelectorAll(links).Length);
        }

        var account = await author.GetDocumentAsync("/konto");
        // Two waiting ideas: each link's name says which idea it is for.
        LinkNames.AssertDistinct(account.QuerySelectorAll("main .own-actions a"));
        Assert.Equal("Bearbeiten: Eine Seilbahn auf den Hochsimmer", account.QuerySelector($"main a[href='/ideen/{id}/bearbeiten']")!.TextContent);

        await site.Get<IDbConnectionFactory>().PublishAsync(id);
        foreach (var page in pages)
        {
            Assert.Empty((await author.GetDocumentAsync(page)).QuerySelectorAll(links));
        }
    }

    private async Task<long> PendingIdeaAsync(long authorId, string title = "Eine Seilbahn auf den Hochsimmer")
    {
        var result = await site.Get<IdeaService>().SubmitAsync(authorId, new IdeaSubmission(
            title, "Eine Seilbahn brächte Gäste ohne Auto auf den Berg.", "tourismus", "mendig", null));
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return result.IdeaId!.Value;
    }
}
