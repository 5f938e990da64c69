using System.Text.Json;
using MYK10.Participation.Ballots;
using MYK10.Participation.Surveys;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Browser;

/// <summary>The bar charts on the survey and vote result pages, on a phone and on a desktop.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ResultChartBrowserTests(BrowserFixture browser, ResultChartBrowserTests.Site site) : IClassFixture<ResultChartBrowserTests.Site>
{
    /// <summary>A site holding the demo surveys and votes: a closed survey and three closed votes with published results.</summary>
    public sealed class Site : SiteFactory
    {
        private readonly Lazy<Task<IReadOnlyList<string>>> _resultPages;

        public Site()
        {
            UseRealServer();
            _resultPages = new(SeedAsync);
        }

        /// <summary>The result pages of the demo data: the survey's first, then each closed vote's.</summary>
        public Task<IReadOnlyList<string>> ResultPagesAsync() => _resultPages.Value;

        private async Task<IReadOnlyList<string>> SeedAsync()
        {
            var survey = (await Get<SurveyDemoData>().SeedAsync(responses: 40))!;
            var votes = await VoteDemoData.SeedAsync(Services);
            return [$"/umfragen/{survey.ClosedSurveyId}/ergebnisse", .. votes.Skip(1).Select(id => $"/abstimmungen/{id}/ergebnis")];
        }
    }

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 900)]
    public async Task ResultCharts_KeepTheirLabelsLegibleAndWhole_InsideTheScreen(int width, int height)
    {
        foreach (var url in await site.ResultPagesAsync())
        {
            var page = await browser.OpenAsync(site, width, height);
            await page.GotoAsync(url);

            // Text in a drawing that is scaled down to the screen shrinks with it: the size that counts is the computed
            // font size times the drawing's scale. A label is cut off when its text leaves the chart or the screen, or
            // when a box that clips holds more than it shows.
            var found = await page.EvaluateAsync<JsonElement>("""
                () => {
                  const screen = document.documentElement.clientWidth;
                  const charts = [...document.querySelectorAll('main [role=img]')];
                  const problems = [];
                  const outside = (r, left, right) => r.width > 0 && (r.left < left - 1.5 || r.right > right + 1.5);
                  for (const chart of charts) {
                    const box = chart.getBoundingClientRect();
                    for (const element of [chart, ...chart.querySelectorAll('*')]) {
                      const rect = element.getBoundingClientRect();
                      if (outside(rect, 0, screen)) problems.push(`${element.tagName} spans ${Math.round(rect.left)}–${Math.round(rect.right)} px on a screen ${screen} px wide`);
                      const text = [...element.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join('').trim();
                      if (!text) continue;
                      const scale = element instanceof SVGGraphicsElement ? element.getScreenCTM().a : 1;
                      const size = parseFloat(getComputedStyle(element).fontSize) * scale;
                      if (size < 12) problems.push(`"${text}" is drawn at ${size.toFixed(1)} px`);
                      const range = document.createRange();
                      range.selectNodeContents(element);
                      if ([rect, ...range.getClientRects()].some(r => outside(r, Math.max(box.left, 0), Math.min(box.right, screen)))) problems.push(`"${text}" runs out of its chart`);
                      const style = getComputedStyle(element);
                      if (!(element instanceof SVGElement) && (style.overflowX !== 'visible' || style.textOverflow !== 'clip') && element.scrollWidth > element.clientWidth + 1) problems.push(`"${text}" is clipped`);
                    }
                  }
                  return { charts: charts.length, problems };
                }
                """);

            var problems = found.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToList();
            Assert.True(found.GetProperty("charts").GetInt32() > 0, $"{url} shows no chart");
            Assert.True(problems.Count == 0, $"{url} at {width} px:\n{string.Join('\n', problems.Distinct().Take(12))}");
            await page.AssertOneH1AndNoHorizontalScrollAsync();
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task ResultCharts_OnAPhone_AreOneNamedImageEachToScreenReaders_AndPassAxe()
    {
        foreach (var url in await site.ResultPagesAsync())
        {
            var page = await browser.OpenAsync(site, 360, 740);
            await page.GotoAsync(url);

            var charts = page.Locator("main [role=img]");
            Assert.True(await charts.CountAsync() > 0, $"{url} shows no chart");
            foreach (var chart in await charts.AllAsync())
            {
                // The table after each chart holds the figures: the chart itself is one image, named, with nothing inside.
                // The snapshot is YAML: a name with ": " in it puts the whole line in single quotes.
                Assert.Matches("^- '?img \"[^\"]*(Tabelle)[^\"]*\"'?$", await chart.AriaSnapshotAsync());
            }

            await page.AssertNoAxeViolationsAsync();
            await page.Context.CloseAsync();
        }
    }
}
