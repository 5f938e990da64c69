using Microsoft.Playwright;
using MYK10.Participation.Ballots;
using MYK10.Participation.Web.Tests.Ballots;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class VoteBrowserTests(BrowserFixture browser, VoteBrowserTests.Site site) : IClassFixture<VoteBrowserTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site() => UseRealServer();
    }

    public static TheoryData<VoteMethod> Methods => [VoteMethod.YesNoAbstain, VoteMethod.Approval, VoteMethod.Points, VoteMethod.Ranking, VoteMethod.Budget];

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Ballot_PassesAxe_Empty_WithErrors_AndFilled(VoteMethod method)
    {
        var vote = await site.OpenVoteAsync(method);
        var page = await browser.OpenAsync(site);
        await page.SignInParticipantAsync(site);
        string Title(int position) => vote.Options.Single(o => o.Position == position).Title;

        await page.GotoAsync($"/abstimmungen/{vote.Id}");
        await page.AssertNoAxeViolationsAsync();
        await page.AssertOneH1AndNoHorizontalScrollAsync();

        switch (method)
        {
            case VoteMethod.Approval or VoteMethod.Budget:
                foreach (var option in vote.Options)
                {
                    await page.GetByLabel(option.Title, new() { Exact = true }).CheckAsync();
                }

                break;
            case VoteMethod.Points:
                foreach (var option in vote.Options)
                {
                    await page.GetByLabel($"Punkte für „{option.Title}“").FillAsync("6");
                }

                break;
            case VoteMethod.Ranking:
                await page.GetByLabel($"Platz für „{Title(1)}“").SelectOptionAsync("2");
                break;
        }

        if (method is not VoteMethod.YesNoAbstain)
        {
            // The script reports the broken constraint before submitting.
            Assert.True(method == VoteMethod.Ranking || await page.Locator("#ballot-status.ballot-status-problem").IsVisibleAsync());
        }

        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        await page.AssertNoAxeViolationsAsync();
        if (method is VoteMethod.Approval)
        {
            // The summary's link takes the keyboard into the group of choices, whose legend is then read.
            await page.FocusAsync(".error-summary a[href='#Input_Items']");
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal("Input_Items", await page.EvaluateAsync<string>("document.activeElement.id"));
        }

        switch (method)
        {
            case VoteMethod.Approval or VoteMethod.Budget:
                await page.GetByLabel(Title(2), new() { Exact = true }).UncheckAsync();
                await page.GetByLabel(Title(3), new() { Exact = true }).UncheckAsync();
                break;
            case VoteMethod.Points:
                await page.GetByLabel($"Punkte für „{Title(2)}“").FillAsync("4");
                await page.GetByLabel($"Punkte für „{Title(3)}“").FillAsync("0");
                break;
            case VoteMethod.Ranking:
                await page.GetByLabel($"Platz für „{Title(1)}“").SelectOptionAsync("1");
                await page.GetByLabel($"Platz für „{Title(3)}“").SelectOptionAsync("2");
                break;
            default:
                foreach (var option in vote.Options)
                {
                    await page.CheckAsync($"#option-{option.Id}-{(option.Position == 2 ? "no" : "yes")}");
                }

                break;
        }

        await page.ClickAsync("main button[type=submit]");
        // A redirect keeps the page's fragment (#Input_Items after the summary's link), so the receipt's address may end in it.
        await page.WaitForURLAsync($"**/abstimmungen/{vote.Id}/beleg*");
        await page.AssertNoAxeViolationsAsync();
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", (await page.InnerTextAsync("#beleg")).Trim());

        await page.GotoAsync($"/abstimmungen/{vote.Id}");
        Assert.Contains("Sie haben bereits abgestimmt", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task AdminVotePages_PassAxe_EmptyWithErrorsAndListed()
    {
        var page = await browser.OpenAsStaffAsync(site, MYK10.Participation.Staff.StaffRole.Admin);

        await page.GotoAsync("/admin/abstimmungen/bearbeiten");
        await page.AssertNoAxeViolationsAsync();
        await page.AssertOneH1AndNoHorizontalScrollAsync();
        await page.FillAsync("#Input_Options_0__Title", "Nur eine Maßnahme");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        await page.AssertNoAxeViolationsAsync();

        await site.OpenVoteAsync(VoteMethod.Approval);
        var draft = (await site.Get<VoteService>().CreateAsync(VoteTestData.Draft(VoteMethod.Approval, site.Get<TimeProvider>().GetUtcNow()))).Id!.Value;
        await page.GotoAsync("/admin/abstimmungen");
        await page.AssertNoAxeViolationsAsync();
        await page.AssertOneH1AndNoHorizontalScrollAsync();
        // Publishing a draft without its tick: the box stays open with the error beside the tick.
        await page.ClickAsync($"details:has(#confirm-publish-{draft}) summary");
        await page.ClickAsync($"details:has(#confirm-publish-{draft}) button");
        await page.WaitForSelectorAsync($"#confirm-publish-{draft}-error");
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task VoteTermPage_OnAPhone_ByKeyboard_PassesAxe_AndWithErrors()
    {
        var vote = await site.OpenVoteAsync(VoteMethod.Approval);
        await using (var connection = await site.Get<MYK10.Participation.Data.IDbConnectionFactory>().OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "INSERT INTO ballots (vote_id, receipt_code, cast_at) VALUES (@Id, 'PAPIER-0001', @Now)",
                new { vote.Id, Now = site.Get<TimeProvider>().GetUtcNow() });
        }

        var page = await browser.OpenAsStaffAsync(site, MYK10.Participation.Staff.StaffRole.Admin, width: 360, height: 740);

        await page.GotoAsync("/admin/abstimmungen");
        await page.ClickAsync($"a[href='/admin/abstimmungen/laufzeit/{vote.Id}']");
        await page.WaitForURLAsync($"**/admin/abstimmungen/laufzeit/{vote.Id}");
        await page.AssertNoAxeViolationsAsync();
        await page.AssertOneH1AndNoHorizontalScrollAsync();

        // An end in the past comes back with its error at the field.
        await page.FillAsync("#Input_ClosesAt", "2020-01-01T08:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enddatum speichern" }).ClickAsync();
        await page.WaitForSelectorAsync("#Input_ClosesAt-error");
        await page.AssertNoAxeViolationsAsync();
        await page.AssertOneH1AndNoHorizontalScrollAsync();

        // Ending now without a reason or the tick, by keyboard: the box opens again with both errors.
        await page.TabToAsync("summary", "Jetzt beenden");
        await page.Keyboard.PressAsync("Enter");
        await page.TabToAsync("button", "Abstimmung jetzt beenden");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#confirm-end-error");
        Assert.True(await page.IsVisibleAsync("#Input_Reason-error"));
        await page.AssertNoAxeViolationsAsync();
        await page.AssertOneH1AndNoHorizontalScrollAsync();
        Assert.Equal(vote.ClosesAt, (await site.Get<VoteStore>().FindAsync(vote.Id))!.ClosesAt);
    }

    [Fact]
    public async Task AMeasureOfSeveralParagraphs_TakenIntoAVote_KeepsASpaceBetweenThem()
    {
        var strategy = site.Get<MYK10.Participation.Strategy.StrategyService>();
        var goal = (await strategy.SaveGoalAsync(null, new MYK10.Participation.Strategy.GoalInput("bildung", "Lernen vor Ort", "", 0))).Id!.Value;
        var measure = (await strategy.SaveMeasureAsync(null, new MYK10.Participation.Strategy.MeasureInput(
            goal, "Lernwerkstatt im Dorf", "Ein Raum mit Geräten.\n\nBetreut von Ehrenamtlichen.", null, 30000, null, "discussion", [], 0, null), null)).Id!.Value;
        var page = await browser.OpenAsStaffAsync(site, MYK10.Participation.Staff.StaffRole.Admin);

        await page.GotoAsync("/admin/abstimmungen/bearbeiten");
        await page.FillAsync("#Input_Title", "Absätze");
        await page.CheckAsync("#method-approval");
        await page.FillAsync("#Input_MaxChoices", "1");
        await page.SelectOptionAsync("#Input_Rule", "");
        await page.FillAsync("#Input_Options_1__Title", "Zweite Option");
        await page.CheckAsync($"#pick-{measure}");
        await page.ClickAsync("button[formaction*='handler=FromMeasures']");
        await page.WaitForSelectorAsync($"input[name='Input.Options[0].MeasureId'][value='{measure}']", new() { State = WaitForSelectorState.Attached });
        await page.ClickAsync("main form > button.button:not(.button-secondary)");
        await page.WaitForURLAsync("**/admin/abstimmungen");

        var vote = (await site.Get<VoteStore>().ListAsync(publishedOnly: false)).Single(v => v.Title == "Absätze");
        Assert.Equal("Ein Raum mit Geräten. Betreut von Ehrenamtlichen.", vote.Options.Single(o => o.MeasureId == measure).Description);
    }

    [Fact]
    public async Task BudgetBallot_ShowsTheBudgetLeft_AsBoxesAreTicked()
    {
        var (_, page) = await BudgetBallotAsync();

        await page.GetByLabel("Ladesäulen an Rathäusern", new() { Exact = true }).CheckAsync();

        Assert.Equal("Ausgewählt: 60.000 € von 80.000 €. Noch verfügbar: 20.000 €.", (await page.InnerTextAsync("#ballot-status")).Replace('\u00a0', ' '));
    }

    [Fact]
    public async Task BudgetBallot_OnAPhone_KeepsTheFocusedBoxClearOfTheStickyBudgetBar()
    {
        var (vote, page) = await BudgetBallotAsync(width: 360, height: 480);
        await page.AssertOneH1AndNoHorizontalScrollAsync();

        var boxesSeen = 0;
        for (var i = 0; i < 60 && boxesSeen < vote.Options.Count; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var overlap = await page.EvaluateAsync<double?>("""
                () => {
                  const focused = document.activeElement;
                  if (focused.type !== 'checkbox') return null;
                  const bar = document.getElementById('ballot-status').getBoundingClientRect();
                  return focused.getBoundingClientRect().bottom - bar.top;
                }
                """);
            if (overlap is { } pixels)
            {
                boxesSeen++;
                Assert.True(pixels <= 0, $"checkbox {boxesSeen} is {pixels} px behind the budget bar");
                await page.Keyboard.PressAsync("Space");
            }
        }

        Assert.Equal(vote.Options.Count, boxesSeen);
    }

    [Fact]
    public async Task BudgetBallot_OnAPhoneWithTextAt200Percent_LeavesTheBudgetBarInPlace()
    {
        var (_, page) = await BudgetBallotAsync(width: 360, height: 740);
        Assert.Equal("sticky", await page.EvalOnSelectorAsync<string>("#ballot-status", "e => getComputedStyle(e).position"));

        await WithTextAt200PercentAsync(page);

        Assert.Equal("32px", await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).fontSize"));
        Assert.Equal("static", await page.EvalOnSelectorAsync<string>("#ballot-status", "e => getComputedStyle(e).position"));
    }

    [Fact]
    public async Task BudgetBallot_WithLargeTextOrOnASmallPhone_WrapsLongWordsOnlyWhereTheyDoNotFit()
    {
        // At 320 pixels every word of the page fits a line: none is split.
        var (_, page) = await BudgetBallotAsync(width: 320, height: 640);
        await page.AssertOneH1AndNoHorizontalScrollAsync();
        Assert.Empty(await page.EvaluateAsync<string[]>(SplitWords));

        // With text at 200 % a compound such as "Abstimmungszeitraum" or "Bürgerbeteiligung" (in the header) is wider than
        // the phone: it wraps, the page does not scroll sideways.
        page = (await BudgetBallotAsync(width: 360, height: 740)).Page;
        await WithTextAt200PercentAsync(page);
        await page.AssertOneH1AndNoHorizontalScrollAsync();
    }

    /// <summary>The words in main that the browser broke over two lines.</summary>
    private const string SplitWords = """
        () => {
          const split = [];
          const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.parentElement.checkVisibility() || node.parentElement.closest('.visually-hidden')) continue;
            for (const match of node.textContent.matchAll(/\S+/g)) {
              const range = document.createRange();
              range.setStart(node, match.index);
              range.setEnd(node, match.index + match[0].length);
              const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
              if (tops.size > 1) split.push(match[0]);
            }
          }
          return split;
        }
        """;

    [Fact]
    public async Task Voting_WithTheKeyboardAlone_ReachesTheReceipt()
    {
        var (vote, page) = await BudgetBallotAsync(width: 390, height: 800);

        await page.TabToAsync("input[type=checkbox]");

        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.checked"));
        await page.TabToAsync("[type=submit]");

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/abstimmungen/{vote.Id}/beleg");
        Assert.Single(await site.Get<VoteStore>().BallotsAsync(vote.Id));
    }

    /// <summary>The browser's text size setting at twice the usual 16 px, as a reader who needs large text sets it; the page reloaded.</summary>
    private static async Task WithTextAt200PercentAsync(IPage page)
    {
        var browserSettings = await page.Context.NewCDPSessionAsync(page);
        await browserSettings.SendAsync("Page.setFontSizes", new Dictionary<string, object> { ["fontSizes"] = new Dictionary<string, object> { ["standard"] = 32 } });
        await page.ReloadAsync();
    }

    /// <summary>An open budget vote, and a signed-in participant's page on its ballot.</summary>
    private async Task<(Vote Vote, IPage Page)> BudgetBallotAsync(int width = 1280, int height = 900)
    {
        var vote = await site.OpenVoteAsync(VoteMethod.Budget);
        var page = await browser.OpenAsync(site, width, height);
        await page.SignInParticipantAsync(site);
        await page.GotoAsync($"/abstimmungen/{vote.Id}");
        return (vote, page);
    }
}

[Collection(BrowserCollection.Name)]
public sealed class VoteResultBrowserTests(BrowserFixture browser, VoteResultBrowserTests.Site site) : IClassFixture<VoteResultBrowserTests.Site>
{
    /// <summary>A site holding the demo votes (one open budget vote, three closed votes with results).</summary>
    public sealed class Site : SiteFactory
    {
        private readonly SemaphoreSlim _seeding = new(1, 1);
        private IReadOnlyList<long>? _ids;

        public Site() => UseRealServer();

        public async Task<IReadOnlyList<long>> DemoAsync()
        {
            await _seeding.WaitAsync();
            try
            {
                return _ids ??= await VoteDemoData.SeedAsync(Services);
            }
            finally
            {
                _seeding.Release();
            }
        }
    }

    [Fact]
    public async Task ResultAndListPages_PassAxe_OnDesktopAndPhone()
    {
        var ids = await site.DemoAsync();

        // Every closed method's result page on a desktop; the longest one, the list and the open ballot on a phone too.
        var pages = ids.Skip(1).Select(id => ($"/abstimmungen/{id}/ergebnis", Phone: id == ids[1]))
            .Append(("/abstimmungen", Phone: true))
            .Append(($"/abstimmungen/{ids[0]}", Phone: true));
        foreach (var (url, phone) in pages)
        {
            foreach (var (width, height) in phone ? new[] { (1280, 900), (360, 740) } : [(1280, 900)])
            {
                var page = await browser.OpenAsync(site, width, height);
                await page.GotoAsync(url);
                await page.AssertNoAxeViolationsAsync();
                await page.AssertOneH1AndNoHorizontalScrollAsync();
                await page.Context.CloseAsync();
            }
        }
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(360, 740)]
    public async Task ResultTable_KeepsHeadersAndFiguresOnOneLine_AndScrollsInsideItsBox(int width, int height)
    {
        var id = (await site.DemoAsync())[1];
        var page = await browser.OpenAsync(site, width, height);
        await page.GotoAsync($"/abstimmungen/{id}/ergebnis");

        // A cell broken between letters ("Plat|z", "120.00|0 €") renders its text on more than one line.
        var broken = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('table.result-table thead th, table.result-table td.number')].filter(cell => {
              const range = document.createRange();
              range.selectNodeContents(cell);
              const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
              return tops.size > 1;
            }).map(cell => cell.textContent.trim())
            """);
        Assert.Empty(broken);
        await page.AssertOneH1AndNoHorizontalScrollAsync();
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task ResultPage_PrintLayout_HidesFormsAndNavigation()
    {
        var id = (await site.DemoAsync())[1];
        var page = await browser.OpenAsync(site);
        await page.GotoAsync($"/abstimmungen/{id}/ergebnis");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.False(await page.Locator(".receipt-check").IsVisibleAsync());
        Assert.False(await page.Locator(".site-header").IsVisibleAsync());
        Assert.True(await page.Locator(".bar-chart").IsVisibleAsync());
        Assert.True(await page.Locator("table.result-table").First.IsVisibleAsync());
    }

    [Fact]
    public async Task ResultPage_Printed_NamesItsSourceAndAddress_WhichTheScreenDoesNotRepeat()
    {
        var id = (await site.DemoAsync())[1];
        var page = await browser.OpenAsync(site);
        await page.GotoAsync($"/abstimmungen/{id}/ergebnis?stimmzettel=2");
        var source = page.Locator(".print-source");

        Assert.False(await source.IsVisibleAsync());
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        // Header and footer are not printed: without this line a sheet on a council's table says neither site nor address.
        Assert.True(await source.IsVisibleAsync());
        Assert.Equal($"Quelle: MYK10 Bürgerbeteiligung, http://localhost/abstimmungen/{id}/ergebnis?stimmzettel=2", (await source.InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task ResultPage_Printed_BreaksATableLongerThanASheet_InsteadOfPushingItAwayFromItsHeading()
    {
        var id = (await site.DemoAsync())[1];
        // An A4 sheet at 96 dpi less the print margins: the list of a hundred ballots is longer than one.
        var page = await browser.OpenAsync(site, 718, 1047);
        await page.GotoAsync($"/abstimmungen/{id}/ergebnis");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        var tall = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main table')].filter(table => table.getBoundingClientRect().height > window.innerHeight)
              .map(table => `${table.className}${getComputedStyle(table).breakInside.startsWith('avoid') ? ' kept whole' : ''}`)
            """);

        Assert.Contains("ballot-table", tall);
    }

    [Fact]
    public async Task ResultPage_Printed_SaysWhichPartOfALongBallotListItHolds()
    {
        var id = (await site.DemoAsync())[1];
        var total = (await site.Get<BallotList>().PageAsync(id, 1)).Total;
        Assert.InRange(total, 101, 200);
        var page = await browser.OpenAsync(site);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        // The page links are not printed, so a printout of a "list of all ballots" must say it holds only part of it.
        await page.GotoAsync($"/abstimmungen/{id}/ergebnis");
        Assert.False(await page.Locator(".pagination").IsVisibleAsync());
        Assert.Equal(1, await page.Locator("#stimmzettel ~ .ballot-range").CountAsync());
        Assert.Equal($"Diese Seite zeigt die Stimmzettel 1 bis 100 von {total}.", (await page.Locator("#stimmzettel ~ .ballot-range").InnerTextAsync()).Trim());
        await page.GotoAsync($"/abstimmungen/{id}/ergebnis?stimmzettel=2");
        Assert.Equal($"Diese Seite zeigt die Stimmzettel 101 bis {total} von {total}.", (await page.Locator("#stimmzettel ~ .ballot-range").InnerTextAsync()).Trim());
    }
}
