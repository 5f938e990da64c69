using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Digests;

namespace MYK10.Participation.Web.Pages.Gremien;

/// <summary>
/// Unsubscribes a council recipient. GET only shows a confirm button (link scanners and previews follow GET links);
/// POST unsubscribes. The same URL is the RFC 8058 one-click target: mail providers POST
/// "List-Unsubscribe=One-Click" to it without cookies or a form token.
/// </summary>
// Without antiforgery on purpose: the unguessable token in the URL (256 random bits, stored only as a hash) is the
// credential, a forged request would have to know it already, and the only effect is the idempotent unsubscription
// that the token's owner may trigger anyway. RFC 8058 clients cannot send a form token.
[IgnoreAntiforgeryToken]
public sealed class AbmeldenModel(DigestUnsubscribe unsubscribe) : PageModel
{
    public UnsubscribeTarget? Target { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        Target = await unsubscribe.FindAsync(token);
        return Target is null ? NotFoundPage() : Page();
    }

    // Answers 200 with the confirmation instead of redirecting: one-click clients expect a plain success response.
    public async Task<IActionResult> OnPostAsync(string token)
    {
        var before = await unsubscribe.FindAsync(token);
        Target = await unsubscribe.UnsubscribeAsync(token);
        if (Target is null)
        {
            return NotFoundPage();
        }

        Done = before?.UnsubscribedAt is null || before.UnsubscribedAt == Target.UnsubscribedAt;
        return Page();
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
