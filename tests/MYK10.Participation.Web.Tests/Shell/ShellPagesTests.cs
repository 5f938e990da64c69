using System.Net;
using MYK10.Participation.Web.Tests.Ballots;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Shell;

public sealed class ShellPagesTests(ShellPagesTests.Site site) : IClassFixture<ShellPagesTests.Site>
{
    public sealed class Site : SiteFactory;

    public static TheoryData<string> PublicPages => ["/", "/datenschutz", "/impressum", "/regeln", "/barrierefreiheit", "/staff/anmelden"];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task PublicPage_IsGermanWithOneH1AndFooterLinks(string url)
    {
        var client = site.CreateBrowserLikeClient();

        using var response = await client.GetAsync(url);
        var document = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("de", document.DocumentElement.GetAttribute("lang"));
        Assert.Single(document.QuerySelectorAll("h1"));
        Assert.NotNull(document.QuerySelector("a.skip-link[href='#inhalt']"));
        Assert.NotNull(document.QuerySelector("main#inhalt"));
        var footerLinks = document.QuerySelectorAll("footer a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/datenschutz", footerLinks);
        Assert.Contains("/impressum", footerLinks);
        Assert.Contains("/regeln", footerLinks);
        Assert.Contains("/barrierefreiheit", footerLinks);
    }

    [Fact]
    public async Task StartPage_NamesTheOpenSurveysAndVotes_WithLinks()
    {
        await using var empty = new SiteFactory(new() { ["Jobs:Server"] = "false" });
        var none = await empty.CreateBrowserLikeClient().GetDocumentAsync("/");
        Assert.Contains("Zurzeit laufen keine Umfragen und keine Abstimmungen.", none.QuerySelector("#aktuell")!.ParentElement!.TextContent, StringComparison.Ordinal);

        var survey = await MYK10.Participation.Tests.Surveys.GoldenSurvey.CreateAsync(site.Services);
        var vote = await site.OpenVoteAsync(MYK10.Participation.Ballots.VoteMethod.Approval);

        var page = await site.CreateBrowserLikeClient().GetDocumentAsync("/");

        var current = page.QuerySelector("#aktuell")!.ParentElement!;
        Assert.NotNull(current.QuerySelector($"a[href='/umfragen/{survey.Id}']"));
        Assert.NotNull(current.QuerySelector($"a[href='/abstimmungen/{vote.Id}']"));
        Assert.Contains("Abstimmung · bis", current.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartPage_ExplainsTheProgrammeAndListsTheTenMembersAndFields()
    {
        var document = await site.CreateBrowserLikeClient().GetDocumentAsync("/");
        var text = document.Body!.TextContent;

        Assert.Contains("Smart Cities – made in Germany", text, StringComparison.Ordinal);
        foreach (var member in new[] { "Andernach", "Bendorf", "Mayen", "Maifeld", "Mendig", "Pellenz", "Rhein-Mosel", "Vallendar", "Vordereifel", "Weißenthurm" })
        {
            Assert.Contains(member, text, StringComparison.Ordinal);
        }

        Assert.Equal(10, document.QuerySelectorAll(".field-list li").Length);
    }

    [Fact]
    public async Task Header_MarksThePageShown_AndTheSignInState_ThoughItIsRenderedOnce()
    {
        static string? Current(AngleSharp.Dom.IDocument document) => document.QuerySelector(".main-nav a[aria-current='page']")?.TextContent.Trim();
        static string? Account(AngleSharp.Dom.IDocument document) => document.QuerySelector(".main-nav a[href='/konto']")?.TextContent.Trim();
        var anonymous = site.CreateBrowserLikeClient();
        var (participant, _) = await site.ParticipantClientAsync();

        for (var round = 0; round < 2; round++)
        {
            var ideas = await anonymous.GetDocumentAsync("/ideen");
            var surveys = await anonymous.GetDocumentAsync("/umfragen");
            var signedIn = await participant.GetDocumentAsync("/ideen");
            var imprint = await anonymous.GetDocumentAsync("/impressum");
            Assert.Equal("Ideen", Current(ideas));
            Assert.Equal("Umfragen", Current(surveys));
            Assert.Null(Current(imprint));
            Assert.Equal("Anmelden", Account(ideas));
            Assert.Equal("Mein Konto", Account(signedIn));
        }
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        using var response = await site.CreateBrowserLikeClient().GetAsync("/");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("http", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task UnknownPage_GivesGerman404Page()
    {
        using var response = await site.CreateBrowserLikeClient().GetAsync("/gibt-es-nicht");
        var document = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Seite nicht gefunden", document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Html_HasNoInlineScriptOrStyleAndNoThirdPartyAssets()
    {
        var document = await site.CreateBrowserLikeClient().GetDocumentAsync("/");

        Assert.All(document.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline script"));
        Assert.Empty(document.QuerySelectorAll("style"));
        Assert.Empty(document.QuerySelectorAll("[style]"));
        var assets = document.QuerySelectorAll("link[href], script[src], img[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!);
        Assert.All(assets, a => Assert.StartsWith("/", a, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StaticFiles_AreServedFromTheTopLevelWebRoot()
    {
        using var response = await site.CreateBrowserLikeClient().GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("@media print", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
