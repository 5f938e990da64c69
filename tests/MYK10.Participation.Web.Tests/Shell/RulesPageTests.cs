using System.Net;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Shell;

/// <summary>
/// The rules for taking part (/regeln): what moderation publishes and what not, the rights a participant grants, and
/// the open data licence, which the open data API also names in its Link header.
/// </summary>
public sealed class RulesPageTests(RulesPageTests.Site site) : IClassFixture<RulesPageTests.Site>
{
    public sealed class Site() : SiteFactory(new() { ["Jobs:Server"] = "false" });

    private const string GermanLicence = "https://www.govdata.de/dl-de/by-2-0";

    [Fact]
    public async Task RulesPage_SaysHowModerationWorks_WhatIsNotPublished_TheRightsGranted_AndTheLicence()
    {
        var document = await site.CreateBrowserLikeClient().GetDocumentAsync("/regeln");

        Assert.Equal("Regeln für die Beteiligung", document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Single(document.QuerySelectorAll("h1"));
        var headings = document.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Wie Beiträge geprüft werden", "Was nicht veröffentlicht wird", "Wenn Ihr Beitrag nicht erscheint", "Fair mitmachen", "Rechte an Ihren Beiträgen", "Offene Daten"], headings);
        var text = document.QuerySelector("main")!.TextContent;
        Assert.Contains("persönliche Daten anderer Menschen", text, StringComparison.Ordinal);
        Assert.Contains("als offene Daten weiterzugeben", text, StringComparison.Ordinal);
        // The rules name more grounds than the rejection form has reasons: the mail gives the reason and the moderators' note.
        Assert.Contains("E-Mail mit dem Grund und, wo nötig, einer Erklärung der Moderation", System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " "), StringComparison.Ordinal);
        var licence = document.QuerySelector("#offene-daten + p a")!;
        Assert.Equal(GermanLicence, licence.GetAttribute("href"));
        Assert.Equal("Datenlizenz Deutschland – Namensnennung – Version 2.0", licence.TextContent.Trim());
        Assert.Null(licence.GetAttribute("lang"));
        Assert.NotNull(document.QuerySelector("main a[href='/datenschutz']"));
        Assert.NotNull(document.QuerySelector("main a[href='/konto/daten']"));
        Assert.Contains("/regeln", document.QuerySelectorAll("footer a").Select(a => a.GetAttribute("href")));
        var imprint = await site.CreateBrowserLikeClient().GetDocumentAsync("/impressum");
        Assert.Equal("Regeln für die Beteiligung", imprint.QuerySelector("main a[href='/regeln']")!.TextContent.Trim());
    }

    [Fact]
    public async Task RulesPage_InEnglish_IsTheEnglishTwin()
    {
        var client = site.CreateBrowserLikeClient();
        using (await client.PostFormAsync("/", new() { ["Input.Culture"] = "en", ["Input.ReturnUrl"] = "/" }, "form.language-switch"))
        {
        }

        var document = await client.GetDocumentAsync("/regeln");

        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Rules for taking part", document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(6, document.QuerySelectorAll("main h2").Length);
        Assert.Equal(GermanLicence, document.QuerySelector("#offene-daten + p a")!.GetAttribute("href"));
        Assert.Equal("de", document.QuerySelector("#offene-daten + p a")!.GetAttribute("lang"));
        Assert.Equal("de", document.QuerySelector("#offene-daten + p span")!.GetAttribute("lang"));
        Assert.StartsWith("Datenlizenz Deutschland", document.QuerySelector("#offene-daten + p a")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenDataApi_NamesItsLicenceInALinkHeader_AlsoFromTheCache_AndThePagesDoNot()
    {
        var client = site.CreateBrowserLikeClient();

        foreach (var url in new[] { "/api/v1/ideas", "/api/v1/ideas", "/api/v1/strategy", "/api/v1/surveys", "/api/v1/ideas/999999" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal($"<{GermanLicence}>; rel=\"license\"", Assert.Single(response.Headers.GetValues("Link")));
        }

        using var page = await client.GetAsync("/ideen");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Link"));
    }

    [Fact]
    public async Task AnotherLicence_IsNamedOnThePageAndInTheHeader_AndAnAddressThatIsNoWebAddressLeavesTheHeaderOut()
    {
        await using (var other = new SiteFactory(new()
        {
            ["Jobs:Server"] = "false",
            ["Legal:OpenDataLicense"] = "Creative Commons Namensnennung 4.0 International",
            ["Legal:OpenDataLicenseUrl"] = "https://creativecommons.org/licenses/by/4.0/deed.de",
        }))
        {
            var licence = (await other.CreateBrowserLikeClient().GetDocumentAsync("/regeln")).QuerySelector("#offene-daten + p a")!;
            Assert.Equal("Creative Commons Namensnennung 4.0 International", licence.TextContent.Trim());
            using var api = await other.CreateBrowserLikeClient().GetAsync("/api/v1/ideas");
            Assert.Equal("<https://creativecommons.org/licenses/by/4.0/deed.de>; rel=\"license\"", Assert.Single(api.Headers.GetValues("Link")));
        }

        await using var broken = new SiteFactory(new() { ["Jobs:Server"] = "false", ["Legal:OpenDataLicenseUrl"] = "siehe Amtsblatt\r\nX-Injected: 1" });
        using var answer = await broken.CreateBrowserLikeClient().GetAsync("/api/v1/ideas");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.False(answer.Headers.Contains("Link"));
        Assert.False(answer.Headers.Contains("X-Injected"));
    }

    [Fact]
    public async Task ALicenceAddressThatIsNoWebAddress_IsNoLinkOnTheRulesPage_AsItIsNoneInTheHeader()
    {
        await using var broken = new SiteFactory(new() { ["Jobs:Server"] = "false", ["Legal:OpenDataLicenseUrl"] = "javascript:alert(document.cookie)" });

        var paragraph = (await broken.CreateBrowserLikeClient().GetDocumentAsync("/regeln")).QuerySelector("#offene-daten + p")!;

        Assert.Empty(paragraph.QuerySelectorAll("a"));
        Assert.Contains("Datenlizenz Deutschland – Namensnennung – Version 2.0", paragraph.TextContent, StringComparison.Ordinal);
        using var api = await broken.CreateBrowserLikeClient().GetAsync("/api/v1/ideas");
        Assert.False(api.Headers.Contains("Link"));
    }

    [Fact]
    public async Task ALicenceAddressWithUmlautsInItsHost_IsNamedInTheHeaderInAscii()
    {
        await using var other = new SiteFactory(new() { ["Jobs:Server"] = "false", ["Legal:OpenDataLicenseUrl"] = "https://www.bücher.de/lizenz?fassung=ä" });

        using var api = await other.CreateBrowserLikeClient().GetAsync("/api/v1/ideas");

        Assert.Equal("<https://www.xn--bcher-kva.de/lizenz?fassung=%C3%A4>; rel=\"license\"", Assert.Single(api.Headers.GetValues("Link")));
    }

    [Fact]
    public async Task FormsThatPublishWhatAParticipantWrites_AndTheReportPages_LinkTheRules()
    {
        var connections = site.Get<IDbConnectionFactory>();
        var idea = (await site.Get<IdeaService>().SubmitAsync(await connections.ParticipantAsync(), new IdeaSubmission(
            "Offenes WLAN am Bahnhof", "Freies WLAN am Bahnhof Mayen Ost für Wartende.", "kommunikationsinfrastruktur", "mayen", null))).IdeaId!.Value;
        await connections.PublishAsync(idea);
        var measure = await site.Services.MeasureAsync();
        var (client, _) = await site.ParticipantClientAsync();

        foreach (var (url, form) in new[] { ("/ideen/neu", "main form"), ($"/ideen/{idea}", "form#kommentieren"), ($"/strategie/massnahmen/{measure}", "main form:has(textarea)") })
        {
            var document = await client.GetDocumentAsync(url);
            var note = document.QuerySelector($"{form} .rules-note");
            Assert.True(note is not null, $"{url}: no rules note in the form");
            Assert.Contains("als offene Daten zu veröffentlichen", note!.TextContent, StringComparison.Ordinal);
            Assert.Equal("/regeln", note.QuerySelector("a")!.GetAttribute("href"));
        }

        // The report pages ask whether a contribution breaks the rules, and link them.
        var comment = await site.Services.MeasureCommentAsync(await connections.ParticipantAsync("Kommentator"), measure, "Gute Maßnahme.");
        foreach (var url in new[] { $"/ideen/{idea}/melden", $"/strategie/massnahmen/{measure}/melden?kommentar={comment}" })
        {
            var intro = (await client.GetDocumentAsync(url)).QuerySelector("main p:has(a[href='/regeln'])");
            Assert.True(intro is not null, $"{url}: the rules are not linked");
            Assert.Contains("Was nicht erlaubt ist, sagen die Regeln für die Beteiligung.", intro!.TextContent, StringComparison.Ordinal);
        }
    }
}
