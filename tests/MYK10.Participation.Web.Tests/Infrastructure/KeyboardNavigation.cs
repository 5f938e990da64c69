using Microsoft.Playwright;

namespace MYK10.Participation.Web.Tests.Infrastructure;

public static class KeyboardNavigation
{
    /// <summary>
    /// Presses Tab (only) until the focused element matches <paramref name="selector"/> and, when given, has exactly
    /// <paramref name="text"/> as its trimmed text; fails when 80 presses do not get there.
    /// </summary>
    public static async Task TabToAsync(this IPage page, string selector, string? text = null)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await page.EvaluateAsync<bool>(
                    "([s, t]) => { const e = document.activeElement; return !!e && e.matches(s) && (t === null || e.textContent.trim() === t); }",
                    new object?[] { selector, text }))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail(text is null ? $"Tab never reached {selector}." : $"Tab never reached {selector} \"{text}\".");
    }
}
