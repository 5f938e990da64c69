using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MYK10.Participation.Web.Tests.Infrastructure;

public static class Accessibility
{
    /// <summary>Runs axe-core on the page as it is now and fails on any violation, listing each with its elements.</summary>
    public static async Task AssertNoAxeViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe();
        if (result.Violations.Length == 0)
        {
            return;
        }

        var report = new StringBuilder($"axe found {result.Violations.Length} violation(s) on {page.Url}:");
        foreach (var violation in result.Violations)
        {
            report.AppendLine().Append($"- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes.Take(5))
            {
                report.AppendLine().Append($"    {node.Html}");
            }
        }

        Assert.Fail(report.ToString());
    }

    /// <summary>The page has exactly one h1 and no horizontal scrolling at the current viewport.</summary>
    public static async Task AssertOneH1AndNoHorizontalScrollAsync(this IPage page)
    {
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        var culprit = await page.EvaluateAsync<string?>("""
            () => {
              const width = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth <= width + 1) return null;
              const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 1 || e.scrollWidth > e.clientWidth + 1);
              const last = wide[wide.length - 1];
              return last ? last.outerHTML.slice(0, 200) : 'unknown element';
            }
            """);
        Assert.True(culprit is null, $"{page.Url} scrolls sideways at this width, widest: {culprit}");
    }
}
