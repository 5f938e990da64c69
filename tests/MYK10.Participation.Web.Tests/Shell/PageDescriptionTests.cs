using MYK10.Participation.Data;
using MYK10.Participation.Ideas;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Tests.Surveys;
using MYK10.Participation.Web.Pages.Shared;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Shell;

/// <summary>What search engines and link previews show of a page: its description and its Open Graph tags.</summary>
public sealed class PageDescriptionTests(PageDescriptionTests.Site site) : IClassFixture<PageDescriptionTests.Site>
{
    public sealed class Site() : SiteFactory(new() { ["Jobs:Server"] = "false" });

    [Fact]
    public void Excerpt_IsOneLine_CutAfterAWholeWord_AndNullWithoutText()
    {
        Assert.Equal("Mehr Bänke am Rhein.", PageDescription.Excerpt("  Mehr Bänke\r\n\r\n  am\tRhein.  "));
        Assert.Null(PageDescription.Excerpt(" \r\n "));
        Assert.Null(PageDescription.Excerpt(null));

        var words = string.Join(' ', Enumerable.Repeat("Glasfaser,", 40));
        var cut = PageDescription.Excerpt(words)!;
        Assert.True(cut.Length <= PageDescription.MaxLength + 1, cut);
        Assert.EndsWith("Glasfaser…", cut, StringComparison.Ordinal);
        Assert.StartsWith(cut[..^1], words, StringComparison.Ordinal);

        var oneWord = new string('x', 400);
        Assert.Equal(new string('x', PageDescription.MaxLength - 1) + "…", PageDescription.Excerpt(oneWord));
        var exact = new string('y', PageDescription.MaxLength);
        Assert.Equal(exact, PageDescription.Excerpt(exact));
    }

    [Fact]
    public void Excerpt_CutInsideAWordOfEmoji_KeepsEachEmojiWhole()
    {
        var applause = string.Concat(Enumerable.Repeat("👏", 200));

        var cut = PageDescription.Excerpt(applause)!;

        Assert.Equal(string.Concat(Enumerable.Repeat("👏", (PageDescription.MaxLength - 1) / 2)) + "…", cut);
    }

    [Fact]
    public async Task SurveyPage_IsSharedByTheSurveysTitle_WithoutThePageTheVisitorIsOn()
    {
        var survey = await GoldenSurvey.CreateAsync(site.Services);

        var document = await site.CreateBrowserLikeClient().GetDocumentAsync($"/umfragen/{survey.Id}");

        var title = document.QuerySelector("h1")!.TextContent.Trim();
        Assert.Equal($"{title} – Seite 1 von 2 – MYK10 Bürgerbeteiligung", document.Title);
        Assert.Equal(title, document.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task StartPage_HasTheSitesDescription_AndOpenGraphTags_InGermanAndEnglish()
    {
        var client = site.CreateBrowserLikeClient();

        var german = await client.GetDocumentAsync("/");
        var description = german.QuerySelector("meta[name='description']")!.GetAttribute("content")!;
        Assert.StartsWith("Die digitale Strategie für den Landkreis Mayen-Koblenz", description, StringComparison.Ordinal);
        Assert.Equal(description, german.QuerySelector("meta[property='og:description']")!.GetAttribute("content"));
        Assert.Equal("MYK10 Bürgerbeteiligung", german.QuerySelector("meta[property='og:site_name']")!.GetAttribute("content"));
        Assert.Equal("de_DE", german.QuerySelector("meta[property='og:locale']")!.GetAttribute("content"));
        Assert.Null(german.QuerySelector("meta[property='og:image']"));

        using (await client.PostFormAsync("/", new() { ["Input.Culture"] = "en", ["Input.ReturnUrl"] = "/" }, "form.language-switch"))
        {
        }

        var english = await client.GetDocumentAsync("/");
        Assert.StartsWith("The digital strategy for the district of Mayen-Koblenz", english.QuerySelector("meta[name='description']")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Equal("en_GB", english.QuerySelector("meta[property='og:locale']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task IdeaPage_IsDescribedByTheStartOfItsText_Encoded()
    {
        var connections = site.Get<IDbConnectionFactory>();
        const string body = "Ein \"Bürger-WLAN\" <b>am</b> Marktplatz in Mayen,\r\n\r\nmit Strom für Fahrräder. " +
            "Dazu Bänke, Schatten und eine Karte der Wanderwege, damit Gäste und Einheimische sich dort gern treffen und länger bleiben.";
        var idea = (await site.Get<IdeaService>().SubmitAsync(await connections.ParticipantAsync(), new IdeaSubmission(
            "WLAN am Marktplatz", body, "kommunikationsinfrastruktur", "mayen", null))).IdeaId!.Value;
        await connections.PublishAsync(idea);

        using var response = await site.CreateBrowserLikeClient().GetAsync($"/ideen/{idea}");
        var html = await response.Content.ReadAsStringAsync();
        var document = await response.ReadDocumentAsync();

        var description = document.QuerySelector("meta[name='description']")!.GetAttribute("content");
        Assert.Equal(PageDescription.Excerpt(body), description);
        Assert.StartsWith("Ein \"Bürger-WLAN\" <b>am</b> Marktplatz in Mayen, mit Strom", description, StringComparison.Ordinal);
        Assert.EndsWith("…", description, StringComparison.Ordinal);
        Assert.Equal("WLAN am Marktplatz", document.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.DoesNotContain("<b>am</b>", html, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("head b"));
    }
}
