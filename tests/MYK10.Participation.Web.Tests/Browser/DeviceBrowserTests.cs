using Microsoft.Playwright;
using MYK10.Participation.Ballots;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;
using MYK10.Participation.Staff;
using MYK10.Participation.Strategy;
using MYK10.Participation.Surveys;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Browser;

/// <summary>The site on a phone, with the keyboard alone and on paper, with long words where people can type them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeviceBrowserTests(BrowserFixture browser, DeviceBrowserTests.Site site) : IClassFixture<DeviceBrowserTests.Site>
{
    /// <summary>A German compound as long as a display name may be (40 characters), with no place to break it.</summary>
    private const string LongName = "Rindfleischetikettierungsüberwachungsauf";

    public sealed class Site : SiteFactory
    {
        private readonly Lazy<Task<SurveyDemoResult>> _survey;
        private readonly Lazy<Task<IReadOnlyList<long>>> _votes;
        private readonly Lazy<Task> _strategy;

        public Site()
        {
            UseRealServer();
            _survey = new(async () => (await Get<SurveyDemoData>().SeedAsync(responses: 5))!);
            _votes = new(() => VoteDemoData.SeedAsync(Services));
            _strategy = new(async () =>
            {
                await using var connection = await Get<IDbConnectionFactory>().OpenAsync();
                await using var transaction = connection.BeginTransaction();
                await StrategyDemoData.SeedAsync(connection, transaction, DateTimeOffset.UtcNow);
                await transaction.CommitAsync();
            });
        }

        public Task<SurveyDemoResult> SurveyAsync() => _survey.Value;

        /// <summary>The demo votes; the first is open.</summary>
        public Task<IReadOnlyList<long>> VotesAsync() => _votes.Value;

        public Task StrategyAsync() => _strategy.Value;
    }

    [Fact]
    public async Task IdeaList_AuthorWithALongName_DoesNotScrollSidewaysOnASmallPhone()
    {
        await PublishedIdeaAsync("Digitale Sprechstunde im Rathaus", authorName: LongName);
        var page = await browser.OpenAsync(site, width: 320, height: 640);

        await page.GotoAsync("/ideen");

        Assert.Contains(LongName, await page.InnerTextAsync(".idea-list, .idea-grid"), StringComparison.Ordinal);
        await page.AssertOneH1AndNoHorizontalScrollAsync();
    }

    [Fact]
    public async Task ModerationReview_OnA320PixelScreen_DoesNotScrollSideways()
    {
        var pending = await PendingIdeaAsync();
        var page = await browser.OpenAsStaffAsync(site, StaffRole.Moderator, width: 320, height: 640);

        await page.GotoAsync($"/moderation/ideen/{pending}");

        Assert.Equal(1, await page.Locator(".review-layout").CountAsync());
        await page.AssertOneH1AndNoHorizontalScrollAsync();
    }

    [Fact]
    public async Task DateAndTimeFields_ReachedWithTab_ShowTheFocusRing()
    {
        var page = await browser.OpenAsStaffAsync(site, StaffRole.Admin);
        await page.GotoAsync("/admin/abstimmungen/bearbeiten");

        // Tab walks through the field's parts (day, month, year, hours, minutes) and last its calendar button; on that
        // button the field no longer matches :focus or :focus-visible in Chromium, but the ring must stay.
        await page.FocusAsync("#Input_Title");
        for (var i = 0; i < 30 && await page.EvaluateAsync<string>("() => document.activeElement.id") != "Input_OpensAt"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        var stops = new List<string>();
        while (await page.EvaluateAsync<string>("() => document.activeElement.id") == "Input_OpensAt" && stops.Count < 12)
        {
            stops.Add(await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return `${s.outlineStyle} ${s.outlineWidth} ${s.boxShadow}`; }"));
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.True(stops.Count > 1, $"{stops.Count} stops in the date and time field");
        Assert.All(stops, ring => Assert.StartsWith("solid 3px rgb(255, 191, 71)", ring, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Print_OfTheDataPage_LeavesOutTheDownloadButton()
    {
        var page = await browser.OpenAsync(site);
        await page.SignInParticipantAsync(site);
        await page.GotoAsync("/konto/daten");
        Assert.Equal("inline-block", await page.EvalOnSelectorAsync<string>("main a.button", "e => getComputedStyle(e).display"));

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.Equal("none", await page.EvalOnSelectorAsync<string>("main a.button", "e => getComputedStyle(e).display"));
        Assert.Equal("none", await page.EvalOnSelectorAsync<string>("header.site-header", "e => getComputedStyle(e).display"));
    }

    [Fact]
    public async Task EnglishPages_MarkWhatStaffWroteAsGerman_InSurveysVotesAndTheStrategy()
    {
        var survey = await site.SurveyAsync();
        var vote = (await site.VotesAsync())[0];
        var page = await browser.OpenAsync(site);
        await page.GotoAsync("/umfragen");
        await page.ClickAsync(".language-switch button");
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en'");

        await page.GotoAsync($"/umfragen/{survey.OpenSurveyId}");
        Assert.Equal(Enumerable.Repeat("de", 5), await LanguagesOfAsync(page,
            "Bus, Rad, Auto oder Rufbus", "Ihre Wege", "Wie legen Sie Ihre täglichen Wege meistens zurück?", "Mit Bus oder Bahn", "Wie viele Minuten brauchen Sie"));
        Assert.Equal("en", await page.EvaluateAsync<string>("() => document.querySelector('main .survey-nav button').closest('[lang]').lang"));

        await page.GotoAsync($"/abstimmungen/{vote}");
        Assert.Equal(Enumerable.Repeat("de", 3), await LanguagesOfAsync(page,
            "Für die erste Umsetzungsphase", "Digitale Bürgerdienste für alle zehn Mitgliedskommunen", "Anträge rund um die Uhr online stellen"));

        await page.GotoAsync("/abstimmungen");
        Assert.Equal(["de"], await LanguagesOfAsync(page, "Kreisbudget Smart Region 2027"));
        await page.GotoAsync("/umfragen");
        Assert.Equal(["de"], await LanguagesOfAsync(page, "Mobilität im ländlichen Raum"));

        await site.StrategyAsync();
        await page.GotoAsync("/strategie/druck");
        Assert.Equal(["de", "de"], await LanguagesOfAsync(page, "Betriebe im Kreis digital stärken", "Digitallotsen für kleine Betriebe"));
        await page.GotoAsync("/strategie/wirtschaft");
        Assert.Equal(["de", "de"], await LanguagesOfAsync(page, "Betriebe im Kreis digital stärken", "Digitallotsen für kleine Betriebe"));
    }

    [Fact]
    public async Task StaffTables_ScrollInsideAFocusableNamedRegion_AndNoStaffPageScrollsSidewaysAt320Pixels()
    {
        await site.SurveyAsync();
        await site.VotesAsync();
        var (councilId, _) = await site.CouncilWithDigestAsync();
        await PendingIdeaAsync();
        var page = await browser.OpenAsStaffAsync(site, StaffRole.Admin, width: 320, height: 640);

        foreach (var url in new[] { "/admin", "/admin/umfragen", "/admin/abstimmungen", "/admin/gremien", $"/admin/gremien/{councilId}/empfaenger", "/moderation" })
        {
            await page.GotoAsync(url);
            var regions = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('main table')].map(table => {
                  const box = table.closest('.table-wrap, .table-scroll');
                  if (!box) return 'no scroll box: ' + table.caption?.textContent.trim();
                  const name = document.getElementById(box.getAttribute('aria-labelledby') ?? '')?.textContent.trim();
                  return box.tabIndex === 0 && box.getAttribute('role') === 'group' && name ? 'ok' : 'not focusable or unnamed: ' + table.caption?.textContent.trim();
                })
                """);
            Assert.NotEmpty(regions);
            Assert.All(regions, region => Assert.Equal("ok", region));
            await page.AssertOneH1AndNoHorizontalScrollAsync();
        }
    }

    [Fact]
    public async Task RecipientActions_StandApart_AndDoNotOverlap()
    {
        var (councilId, _) = await site.CouncilWithDigestAsync();
        foreach (var width in new[] { 1280, 360 })
        {
            var page = await browser.OpenAsStaffAsync(site, StaffRole.Admin, width: width);
            await page.GotoAsync($"/admin/gremien/{councilId}/empfaenger");

            // Between the two actions of each row: a gap on the same line, or a new line. Text glued together
            // ("Deaktivieren: Andrea Becker Entfernen: Andrea Becker") or boxes on top of each other fail.
            var rows = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('main tbody tr')].map(row => {
                  const [first, second] = [row.querySelector('td button'), row.querySelector('td a')].map(e => e.getBoundingClientRect());
                  const sameLine = second.top < first.bottom - 2;
                  return sameLine ? (second.left - first.right >= 12 ? 'ok' : `gap ${Math.round(second.left - first.right)} px`) : (second.top >= first.bottom - 1 ? 'ok' : 'overlap');
                })
                """);
            Assert.Equal(2, rows.Length);
            Assert.All(rows, row => Assert.Equal("ok", row));
        }
    }

    [Fact]
    public async Task SupportingAnIdeaOnAPhone_ShowsItsConfirmationWhereThePageLands()
    {
        var idea = await PendingIdeaAsync("Mitfahrbänke mit Anzeige in jedem Ortsteil", body: string.Join("\n\n", Enumerable.Repeat(
            "Wer mitgenommen werden möchte, wählt an der Bank sein Ziel; die Anzeige zeigt es allen, die vorbeifahren.", 8)));
        await site.Get<IDbConnectionFactory>().PublishAsync(idea);
        var page = await browser.OpenAsync(site, width: 360, height: 740);
        await page.SignInParticipantAsync(site);
        await page.GotoAsync($"/ideen/{idea}");

        await page.FocusAsync("form[action*='handler=Support'] button");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**#unterstuetzen");

        var notice = page.Locator("main .notice[role=status]");
        Assert.Equal("Danke, Sie unterstützen jetzt diese Idee.", (await notice.InnerTextAsync()).Trim());
        Assert.True(await notice.EvaluateAsync<bool>("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"),
            "the confirmation is outside the screen where the page landed");
    }

    [Fact]
    public async Task SurveyScale_OnAPhone_StandsInOneColumnInItsOrder_NotInAZigzag()
    {
        var survey = await site.SurveyAsync();
        var page = await browser.OpenAsync(site, width: 360, height: 740);
        await page.GotoAsync($"/umfragen/{survey.OpenSurveyId}");
        await page.CheckAsync("main .choices input[type=radio]");
        await page.ClickAsync("button[value=weiter]");
        await page.WaitForURLAsync("**seite=2");

        // Each step of the first rating scale: its left edge and its top, in the order of the scale.
        var steps = await page.EvaluateAsync<double[][]>(
            "() => [...document.querySelector('.choices.scale').querySelectorAll('.choice')].map(c => { const r = c.getBoundingClientRect(); return [r.left, r.top]; })");

        Assert.True(steps.Length >= 3, $"a scale of {steps.Length} steps");
        Assert.Single(steps.Select(step => step[0]).Distinct());
        Assert.Equal(steps.Select(step => step[1]).Order(), steps.Select(step => step[1]));
        await page.AssertOneH1AndNoHorizontalScrollAsync();
    }

    /// <summary>For each text, the language of the element that holds it ("missing" if the page does not show it).</summary>
    private static async Task<string[]> LanguagesOfAsync(IPage page, params string[] texts) =>
        await page.EvaluateAsync<string[]>("""
            texts => texts.map(text => {
              const holder = [...document.querySelectorAll('main *')].find(e => [...e.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.includes(text)));
              return holder ? holder.closest('[lang]').lang : 'missing: ' + text;
            })
            """, texts);

    private async Task PublishedIdeaAsync(string title, string authorName) =>
        await site.Get<IDbConnectionFactory>().PublishAsync(await PendingIdeaAsync(title, authorName));

    private async Task<long> PendingIdeaAsync(string title = "Bürgerbus per App bestellen", string authorName = "Autor", string body = "Ein Bus auf Bestellung, auch abends und am Wochenende.")
    {
        var author = await site.Get<IDbConnectionFactory>().ParticipantAsync(authorName);
        var result = await site.Get<IdeaService>().SubmitAsync(author, new IdeaSubmission(title, body, "verkehr-und-mobilitaet", "mendig", null));
        return result.IdeaId!.Value;
    }
}
