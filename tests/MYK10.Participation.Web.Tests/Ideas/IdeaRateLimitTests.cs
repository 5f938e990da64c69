using System.Net;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Ideas;

public sealed class IdeaRateLimitTests
{
    [Fact]
    public async Task IdeasOverTheDailyLimit_AreRefusedWithGermanMessageAndInputKept()
    {
        await using var site = new SiteFactory(new() { ["RateLimits:Idea:PermitLimit"] = "2" });
        var (author, _) = await site.ParticipantClientAsync();
        Dictionary<string, string> Idea(int n) => new()
        {
            ["Input.Title"] = $"Idee Nummer {n} für Bendorf",
            ["Input.Body"] = "Eine ausführliche Beschreibung der Idee für die Stadt Bendorf.",
            ["Input.FieldId"] = "bildung",
            ["Input.MunicipalityId"] = "bendorf",
        };

        var first = "";
        for (var i = 1; i <= 2; i++)
        {
            using var ok = await author.PostFormAsync("/ideen/neu", Idea(i));
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
            first = i == 1 ? ok.Headers.Location!.OriginalString.Split('/').Last() : first;
        }

        using var refused = await author.PostFormAsync("/ideen/neu", Idea(3));
        var document = await refused.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("schon 2 Ideen eingereicht", document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("erneut", document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Idee Nummer 3 für Bendorf", document.QuerySelector("#Input_Title")!.GetAttribute("value"));

        // Correcting a waiting idea is no new idea: the day's limit does not hold it back.
        using var edited = await author.PostFormAsync($"/ideen/{first}/bearbeiten", new() { ["Input.Title"] = "Idee Nummer 1, korrigiert" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
    }

    [Fact]
    public async Task StaySignedIn_MakesThePersistentCookie_OtherwiseASessionCookie()
    {
        await using var site = new SiteFactory();
        var token = await site.Get<MYK10.Participation.Participants.SignInLinkService>().RequestAsync("bleiben@example.org", staySignedIn: true, returnUrl: null);
        var shortToken = await site.Get<MYK10.Participation.Participants.SignInLinkService>().RequestAsync("kurz@example.org", staySignedIn: false, returnUrl: null);

        using var persistent = await site.CreateBrowserLikeClient().PostFormAsync($"/konto/link/{token}", []);
        using var session = await site.CreateBrowserLikeClient().PostFormAsync($"/konto/link/{shortToken}", []);

        var persistentCookie = persistent.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("myk10.session=", StringComparison.Ordinal));
        var sessionCookie = session.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("myk10.session=", StringComparison.Ordinal));
        Assert.Contains("expires=", persistentCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", sessionCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", persistentCookie, StringComparison.OrdinalIgnoreCase);
    }
}
