using Microsoft.Playwright;
using MYK10.Participation.Ballots;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;
using MYK10.Participation.Staff;
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

        public Site()
        {
            UseRealServer();
            _survey = new(async () => (await Get<SurveyDemoData>().SeedAsync(responses: 5))!);
            _votes = new(() => VoteDemoData.SeedAsync(Services));
        }

        public Task<SurveyDemoResult> SurveyAsync() => _survey.Value;

        /// <summary>The demo votes; the first is open.</summary>
        public Task<IReadOnlyList<long>> VotesAsync() => _votes.Value;
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
        var connections = site.Get<IDbConnectionFactory>();
        var author = await connections.ParticipantAsync("Autor");
        var pending = await site.Get<IdeaService>().SubmitAsync(author, new IdeaSubmission("Bürgerbus per App bestellen", "Ein Bus auf Bestellung, auch abends und am Wochenende.", "verkehr-und-mobilitaet", "mendig", null));
        var page = await browser.OpenAsStaffAsync(site, StaffRole.Moderator, width: 320, height: 640);

        await page.GotoAsync($"/moderation/ideen/{pending.IdeaId}");

        Assert.Equal(1, await page.Locator(".review-layout").CountAsync());
        await page.AssertOneH1AndNoHorizontalScrollAsync();
    }


    private async Task<long> PublishedIdeaAsync(string title, string? authorName = null)
    {
        var connections = site.Get<IDbConnectionFactory>();
        var author = await connections.ParticipantAsync(authorName ?? "Autorin");
        var result = await site.Get<IdeaService>().SubmitAsync(author, new IdeaSubmission(title, "Termine online buchen und per Video mit dem Amt sprechen.", "wirtschaft", "mendig", null));
        await connections.PublishAsync(result.IdeaId!.Value);
        return result.IdeaId.Value;
    }
}
