using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using MYK10.Participation.Ballots;
using MYK10.Participation.Reference;
using MYK10.Participation.Staff;
using MYK10.Participation.Web.Tests.Ballots;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Trust;

public sealed class CookieAndLanguageTests(CookieAndLanguageTests.Site site) : IClassFixture<CookieAndLanguageTests.Site>
{
    /// <summary>Records the name of every cookie the site sets, on any response, server-side.</summary>
    public sealed class Site : SiteFactory
    {
        // Mail is checked in the outbox, not delivered: no job server needed.
        public Site() : base(new() { ["Jobs:Server"] = "false" })
        {
        }

        public ConcurrentDictionary<string, string> CookiesSet { get; } = new(StringComparer.Ordinal);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new RecordCookies(this)));
        }

        private sealed class RecordCookies(Site site) : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use(async (context, following) =>
                {
                    context.Response.OnStarting(() =>
                    {
                        foreach (var header in context.Response.Headers.SetCookie)
                        {
                            var cookie = SetCookieHeaderValue.Parse(header);
                            site.CookiesSet.TryAdd(cookie.Name.Value!, context.Request.Path);
                        }

                        return Task.CompletedTask;
                    });
                    await following(context);
                });
                next(app);
            };
        }
    }

    private static readonly string[] ExpectedCookies = ["myk10.af", "myk10.session", "myk10.staff", ".AspNetCore.Culture", "myk10.hinweis"];

    /// <summary>Set only when someone answers an open survey without signing in, which the crawl does not do.</summary>
    private const string SurveyCookie = "myk10.umfrage.…";

    [Fact]
    public async Task CrawlingEveryPageAsEveryone_SetsOnlyTheNecessaryCookies_AndThePrivacyNoticeListsExactlyThose()
    {
        var clients = new List<HttpClient> { site.CreateBrowserLikeClient() };
        var (participant, _) = await site.ParticipantClientAsync();
        clients.Add(participant);
        clients.Add(await site.StaffClientAsync(StaffRole.Moderator));
        clients.Add(await site.StaffClientAsync(StaffRole.Admin));

        foreach (var client in clients)
        {
            foreach (var url in SiteMap.GetPages(site).Where(u => !u.Contains("abmelden", StringComparison.Ordinal)))
            {
                using var response = await client.GetAsync(url);
                Assert.True((int)response.StatusCode < 500, $"{url}: {response.StatusCode}");
            }

            using var english = await client.PostFormAsync("/", new() { ["Input.Culture"] = "en", ["Input.ReturnUrl"] = "/" }, "form.language-switch");
            Assert.Equal(HttpStatusCode.Redirect, english.StatusCode);
            using var feedback = await client.PostFormAsync("/barrierefreiheit", new() { ["Input.Message"] = "Kontrast im Kopfbereich zu schwach." });
            using var signInLink = await client.PostFormAsync("/konto/anmelden?abgemeldet=true", new() { ["Input.Email"] = $"crawl-{Guid.NewGuid():N}@example.org" });
        }

        Assert.Subset(ExpectedCookies.ToHashSet(StringComparer.Ordinal), site.CookiesSet.Keys.ToHashSet(StringComparer.Ordinal));
        Assert.Contains("myk10.af", site.CookiesSet.Keys);

        var notice = await site.CreateBrowserLikeClient().GetDocumentAsync("/datenschutz");
        var listed = notice.QuerySelectorAll("table").First(t => t.QuerySelector("caption")!.TextContent.Contains("Cookies", StringComparison.Ordinal))
            .QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim());
        Assert.Equal(ExpectedCookies.Append(SurveyCookie).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LanguageSwitch_SetsTheCultureCookie_AndReturnsToThePageInEnglish()
    {
        var client = site.CreateBrowserLikeClient();
        var german = await client.GetDocumentAsync("/datenschutz");
        Assert.Equal("de", german.DocumentElement.GetAttribute("lang"));
        Assert.Equal("English", german.QuerySelector("header form.language-switch button")!.TextContent.Trim());

        using var response = await client.PostFormAsync("/datenschutz", new() { ["Input.Culture"] = "en", ["Input.ReturnUrl"] = "/datenschutz" }, "form.language-switch");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/datenschutz", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB", StringComparison.Ordinal));
        var english = await client.GetDocumentAsync("/datenschutz");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Privacy notice", english.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Data protection officer", english.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Deutsch", english.QuerySelector("header form.language-switch button")!.TextContent.Trim());
    }

    [Theory]
    [InlineData(null)] // chosen with the language switch
    [InlineData(".AspNetCore.Culture=c%3Den%7Cuic%3Den")] // a cookie from the time English was plain "en"
    public async Task EnglishPages_ShowBritishDatesAndTwentyFourHourTimes(string? cookie)
    {
        // 14:32 UTC on 4 January is 15:32 in Mayen-Koblenz; a US format would read "1/4/2025 3:32 PM".
        var opens = new DateTimeOffset(2025, 1, 4, 14, 32, 0, TimeSpan.Zero);
        var title = $"Abstimmung {Guid.NewGuid():N}";
        await site.OpenVoteAsync(VoteMethod.Approval, d => d with { Title = title, OpensAt = opens });
        var client = site.CreateBrowserLikeClient();
        if (cookie is null)
        {
            using var switched = await client.PostFormAsync("/abstimmungen", new() { ["Input.Culture"] = "en", ["Input.ReturnUrl"] = "/abstimmungen" }, "form.language-switch");
            Assert.Contains(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB", StringComparison.Ordinal));
        }
        else
        {
            client.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        var page = await client.GetDocumentAsync("/abstimmungen");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Votes", page.QuerySelector("h1")!.TextContent.Trim());
        var period = page.QuerySelectorAll(".vote-list li").Single(li => li.QuerySelector("h3")!.TextContent.Trim() == title).QuerySelector("p.muted")!.TextContent;
        Assert.StartsWith("04/01/2025 15:32 to ", period, StringComparison.Ordinal);
        Assert.DoesNotContain("PM", period, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FieldsOfAction_AreNamedInTheVisitorsLanguage()
    {
        var stored = (await site.Get<ReferenceStore>().FieldsOfActionAsync()).Select(f => f.Name).ToList();
        var german = site.CreateBrowserLikeClient();
        var english = site.CreateBrowserLikeClient();
        await english.PostFormAsync("/", new() { ["Input.Culture"] = "en", ["Input.ReturnUrl"] = "/" }, "form.language-switch");

        static List<string> Listed(IDocument page) => page.QuerySelectorAll(".field-list li").Select(li => li.TextContent.Trim()).ToList();
        var listedInGerman = Listed(await german.GetDocumentAsync("/"));
        var listedInEnglish = Listed(await english.GetDocumentAsync("/"));

        Assert.Equal(stored, listedInGerman);
        Assert.Equal(stored.Count, listedInEnglish.Count);
        // A field without an English name would show its stored German one.
        Assert.All(stored.Zip(listedInEnglish), names => Assert.NotEqual(names.First, names.Second));
        var filter = (await english.GetDocumentAsync("/ideen")).QuerySelectorAll("select#feld option").Select(o => o.TextContent.Trim());
        Assert.Contains("Transport and mobility", filter);
        Assert.Equal("Energy", (await english.GetDocumentAsync("/strategie/energie")).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Energie", (await german.GetDocumentAsync("/strategie/energie")).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task LanguageSwitch_NeverRedirectsToAnotherSite()
    {
        var client = site.CreateBrowserLikeClient();
        using var response = await client.PostFormAsync("/", new() { ["Input.Culture"] = "en", ["Input.ReturnUrl"] = "https://boese.example/" }, "form.language-switch");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task EveryPage_HasAnEnglishHeading_DifferentFromTheGermanOne_AndNoEnglishValidationAttributes()
    {
        var german = site.CreateBrowserLikeClient();
        var english = site.CreateBrowserLikeClient();
        await english.PostFormAsync("/", new() { ["Input.Culture"] = "en", ["Input.ReturnUrl"] = "/" }, "form.language-switch");
        var (participantDe, _) = await site.ParticipantClientAsync();
        var (participantEn, _) = await site.ParticipantClientAsync();
        await participantEn.PostFormAsync("/", new() { ["Input.Culture"] = "en", ["Input.ReturnUrl"] = "/" }, "form.language-switch");
        var adminDe = await site.StaffClientAsync(StaffRole.Admin);
        var adminEn = await site.StaffClientAsync(StaffRole.Admin);
        await adminEn.PostFormAsync("/", new() { ["Input.Culture"] = "en", ["Input.ReturnUrl"] = "/" }, "form.language-switch");

        foreach (var url in SiteMap.GetPages(site).Where(u => !u.Contains("abmelden", StringComparison.Ordinal) && u != "/sprache"))
        {
            var (de, en) = url.StartsWith("/admin", StringComparison.Ordinal) || url.StartsWith("/staff", StringComparison.Ordinal) ? (adminDe, adminEn)
                : url.StartsWith("/konto", StringComparison.Ordinal) ? (participantDe, participantEn)
                : (german, english);
            var documentDe = await de.GetDocumentAsync(url);
            var documentEn = await en.GetDocumentAsync(url);
            // Client-side validation is off: no field carries the framework's English data-val-* messages.
            Assert.DoesNotContain("data-val", documentDe.DocumentElement.OuterHtml, StringComparison.Ordinal);
            Assert.DoesNotContain("data-val", documentEn.DocumentElement.OuterHtml, StringComparison.Ordinal);
            var h1De = documentDe.QuerySelector("h1")?.TextContent.Trim();
            var h1En = documentEn.QuerySelector("h1")?.TextContent.Trim();
            if (h1De is null && h1En is null)
            {
                continue; // redirects only (sign-out pages and the like)
            }

            Assert.False(string.IsNullOrEmpty(h1En), $"{url} has no English heading");
            // A page whose heading is what people wrote (a vote's title, once another test has made one) keeps it German,
            // marked as such; every other heading is translated.
            Assert.True(h1De != h1En || documentEn.QuerySelector("h1")!.GetAttribute("lang") == "de", $"{url}: the English heading is the German one ('{h1De}')");
        }
    }

    [Fact]
    public async Task AccessibilityFeedback_ReachesEveryAdminThroughTheOutbox()
    {
        await site.CreateStaffAsync(StaffRole.Admin, "barrieren-admin@kvmyk.de");
        var client = site.CreateBrowserLikeClient();
        var message = $"Der Knopf ist mit dem Bildschirmleser nicht erreichbar {Guid.NewGuid():N}";

        using var response = await client.PostFormAsync("/barrierefreiheit", new()
        {
            ["Input.Message"] = message,
            ["Input.PageAddress"] = "/konto",
            ["Input.Email"] = "melderin@example.org",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/barrierefreiheit?gesendet=True#rueckmeldung", response.Headers.Location!.OriginalString);
        var mail = await site.WaitForMailAsync("barrieren-admin@kvmyk.de", m => m.TextBody?.Contains(message, StringComparison.Ordinal) == true);
        Assert.Equal("melderin@example.org", mail.ReplyTo.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task AccessibilityFeedback_OfTheLongestLength_WithLineBreaksAsTheBrowserSendsThem_IsSent()
    {
        // 4,000 characters with its 666 line ends counted once, as the text field counts them; 4,666 as CRLF in the form.
        var message = string.Concat(Enumerable.Repeat("Zeile\r\n", 666)) + "Ende";

        using var response = await site.CreateBrowserLikeClient().PostFormAsync("/barrierefreiheit", new() { ["Input.Message"] = message });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task AccessibilityFeedback_TooLong_SaysTheLimitWithAThousandsSeparator_AsTheHintAndTheOtherFormsDo()
    {
        using var response = await site.CreateBrowserLikeClient().PostFormAsync("/barrierefreiheit", new() { ["Input.Message"] = new string('x', 4001) });
        var document = await response.ReadDocumentAsync();

        Assert.Equal("Die Nachricht darf höchstens 4.000 Zeichen lang sein.", document.QuerySelector("#Input_Message-error")!.TextContent.Trim());
        Assert.EndsWith("Höchstens 4.000 Zeichen.", document.QuerySelector("#message-hint")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessibilityFeedback_ReplyAddressNoMailCanGoTo_ShowsTheErrorBesideTheField()
    {
        using var response = await site.CreateBrowserLikeClient().PostFormAsync("/barrierefreiheit", new()
        {
            ["Input.Message"] = "Kontrast zu schwach.",
            ["Input.Email"] = "erika mustermann@example.org",
        });
        var document = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Bitte geben Sie eine gültige E-Mail-Adresse an", document.QuerySelector("#Input_Email-error")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessibilityFeedback_WithoutMessage_ShowsTheErrorBesideTheField()
    {
        using var response = await site.CreateBrowserLikeClient().PostFormAsync("/barrierefreiheit", new() { ["Input.Message"] = "" });
        var document = await response.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("true", document.QuerySelector("#Input_Message")!.GetAttribute("aria-invalid"));
        Assert.Equal("Bitte füllen Sie das Feld „Ihre Nachricht“ aus.", document.QuerySelector("#Input_Message-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task AccessibilityFeedback_ErrorSummary_FollowsTheFieldsOrder()
    {
        using var response = await site.CreateBrowserLikeClient().PostFormAsync("/barrierefreiheit", new() { ["Input.Message"] = "", ["Input.Email"] = "keine-adresse" });
        var document = await response.ReadDocumentAsync();

        // Model state lists its keys alphabetically (Email before Message); the summary follows the form.
        Assert.Equal(["#Input_Message", "#Input_Email"], document.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task RequiredField_InEnglish_NamesTheField()
    {
        var client = site.CreateBrowserLikeClient();
        await client.PostFormAsync("/", new() { ["Input.Culture"] = "en", ["Input.ReturnUrl"] = "/" }, "form.language-switch");

        using var response = await client.PostFormAsync("/konto/anmelden", new() { ["Input.Email"] = "" });

        var document = await response.ReadDocumentAsync();
        Assert.Equal("Please fill in the field “Email address”.", document.QuerySelector("#Input_Email-error")!.TextContent.Trim());
    }
}
