using MYK10.Participation.Data;
using MYK10.Participation.Staff;
using MYK10.Participation.Strategy;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class StrategyBrowserTests(BrowserFixture browser, StrategyBrowserTests.Site site) : IClassFixture<StrategyBrowserTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site() => UseRealServer();
    }

    [Fact]
    public async Task PublicStrategyPages_AndStartPageTimeline_PassAxe()
    {
        var service = site.Get<StrategyService>();
        var goal = (await service.SaveGoalAsync(null, new GoalInput("energie", "Energie sparen", "Weniger verbrauchen.", 0))).Id!.Value;
        var measure = (await service.SaveMeasureAsync(null, new MeasureInput(goal, "Solarkataster", "Alle Dächer erfassen.", "Stabsstelle", 50000, "2027", "discussion", ["mayen"], 0, null), null)).Id!.Value;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await service.SavePhaseAsync(null, new PhaseInput("Ideen sammeln", "Ideen einbringen", "Ideen einreichen", today.AddDays(-10), today.AddDays(10)));
        await service.SavePhaseAsync(null, new PhaseInput("Beschluss", "Kreistag", "", today.AddDays(11), today.AddDays(40)));
        var page = await browser.OpenAsync(site);

        foreach (var url in new[] { "/", "/strategie", "/strategie/energie", $"/strategie/massnahmen/{measure}", "/strategie/druck" })
        {
            await page.GotoAsync(url);
            await page.AssertNoAxeViolationsAsync();
            await page.AssertOneH1AndNoHorizontalScrollAsync();
        }
    }

    [Fact]
    public async Task MeasurePage_WithAStatusHistory_ReflowsAt320Pixels_TheTableScrollingInItsOwnBox()
    {
        var service = site.Get<StrategyService>();
        var goal = (await service.SaveGoalAsync(null, new GoalInput("kommunikationsinfrastruktur", "Netze ausbauen", "", 0))).Id!.Value;
        MeasureInput Input(string status, string? note) => new(goal, "Glasfaser bis ins Dorf", "Jeder Ort am Netz.", null, null, null, status, [], 0, note);
        var measure = (await service.SaveMeasureAsync(null, Input("discussion", "Zur Diskussion gestellt"), null)).Id!.Value;
        await service.SaveMeasureAsync(measure, Input("decided", "Beschlossen im Kreistag"), null);
        var page = await browser.OpenAsync(site, width: 320, height: 640);

        await page.GotoAsync($"/strategie/massnahmen/{measure}");

        await page.AssertOneH1AndNoHorizontalScrollAsync();
        Assert.Equal("0", await page.GetAttributeAsync("section[aria-labelledby=verlauf] .table-scroll", "tabindex"));
        await page.AssertNoAxeViolationsAsync();

        // The caption wraps within the screen and stays in view while the table scrolls, instead of running off it.
        var caption = await page.EvaluateAsync<double[]>(
            """
            () => {
              const box = document.querySelector('section[aria-labelledby=verlauf] .table-scroll');
              const before = box.querySelector('caption').getBoundingClientRect();
              box.scrollLeft = box.scrollWidth;
              const after = box.querySelector('caption').getBoundingClientRect();
              return [box.scrollWidth - box.clientWidth, before.left, before.right, after.left, after.right];
            }
            """);
        Assert.True(caption[0] > 0, "the history table is wider than a 320 px screen and scrolls in its box");
        Assert.All(caption[1..], edge => Assert.InRange(edge, 0, 320));
    }

    [Fact]
    public async Task MeasureCommentReportPage_WithErrors_AndTheDiscussionWithPlaceholdersAndHideForms_PassAxe()
    {
        var service = site.Get<StrategyService>();
        var goal = (await service.SaveGoalAsync(null, new GoalInput("umwelt-und-klima", "Klima schützen", "", 0))).Id!.Value;
        var measure = (await service.SaveMeasureAsync(null, new MeasureInput(goal, "Klimaanpassung im Ort", "Schatten und Wasser.", null, null, null, "discussion", [], 0, null), null)).Id!.Value;
        var connections = site.Get<IDbConnectionFactory>();
        var author = await connections.ParticipantAsync("Verfasser");
        await service.CommentAsync(author, measure, "Ein sichtbarer Kommentar.");
        await service.CommentAsync(author, measure, "Ein gelöschter Kommentar.");
        var comments = (await site.Get<StrategyStore>().DetailAsync(measure))!.Comments;
        await site.Get<MYK10.Participation.Comments.CommentService>().DeleteOwnAsync(MYK10.Participation.Comments.CommentThread.Measure, author, measure, comments[1].Id);

        var participant = await browser.OpenAsync(site);
        await participant.SignInParticipantAsync(site);
        await participant.GotoAsync($"/strategie/massnahmen/{measure}/melden?kommentar={comments[0].Id}");
        await participant.AssertNoAxeViolationsAsync();
        await participant.AssertOneH1AndNoHorizontalScrollAsync();
        await participant.ClickAsync("main form button[type=submit]");
        await participant.WaitForSelectorAsync(".error-summary");
        await participant.AssertNoAxeViolationsAsync();

        var moderator = await browser.OpenAsStaffAsync(site, StaffRole.Moderator);
        await moderator.GotoAsync($"/strategie/massnahmen/{measure}");
        Assert.Equal(1, await moderator.Locator("form.hide-form").CountAsync());
        await moderator.AssertNoAxeViolationsAsync();
        await moderator.AssertOneH1AndNoHorizontalScrollAsync();
    }

    [Fact]
    public async Task AdminForms_PassAxe_EmptyAndWithErrors()
    {
        var page = await browser.OpenAsStaffAsync(site, StaffRole.Admin);

        foreach (var url in new[] { "/admin/strategie", "/admin/strategie/ziel", "/admin/strategie/massnahme", "/admin/strategie/phasen" })
        {
            await page.GotoAsync(url);
            await page.AssertNoAxeViolationsAsync();
            if (url != "/admin/strategie")
            {
                await page.ClickAsync("main > form.narrow-wide button[type=submit]");
                await page.WaitForSelectorAsync(".error-summary");
                await page.AssertNoAxeViolationsAsync();
            }
        }
    }
}
