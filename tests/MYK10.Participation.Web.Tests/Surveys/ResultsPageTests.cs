using System.Globalization;
using MYK10.Participation.Surveys;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Surveys;

/// <summary>The published results of the demo survey, as a council member reads and prints them.</summary>
public sealed class ResultsPageTests(ResultsPageTests.Site site) : IClassFixture<ResultsPageTests.Site>
{
    public sealed class Site : SiteFactory;

    [Fact]
    public async Task RankingChart_DrawsTheAnswerRankedMostImportant_WithTheLongestBar()
    {
        var survey = (await site.Get<SurveyDemoData>().SeedAsync(responses: 40))!;

        var page = await site.CreateBrowserLikeClient().GetDocumentAsync($"/umfragen/{survey.ClosedSurveyId}/ergebnisse");

        var chart = page.QuerySelectorAll(".bar-chart").Single(c => c.NextElementSibling?.TextContent.StartsWith("Ein kleinerer Rang heißt wichtiger", StringComparison.Ordinal) == true);
        var bars = chart.QuerySelectorAll(".bar-row").Select(row => (
            Average: decimal.Parse(row.QuerySelector(".bar-value")!.TextContent.Replace("Ø ", "", StringComparison.Ordinal), CultureInfo.GetCultureInfo("de-DE")),
            Length: decimal.Parse(row.QuerySelector("rect.bar-fill")!.GetAttribute("width")!.TrimEnd('%'), CultureInfo.InvariantCulture))).ToList();
        Assert.True(bars.Select(b => b.Average).Distinct().Count() > 1);

        // A smaller average rank is the more important answer: its bar must be the longer one, not the shorter.
        var byImportance = bars.OrderBy(b => b.Average).ToList();
        Assert.Equal(byImportance.Select(b => b.Length).OrderDescending(), byImportance.Select(b => b.Length));
        Assert.True(byImportance[0].Length > byImportance[^1].Length);
    }
}
