using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Digests;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Admin.Gremien;

public sealed class BerichtModel(CouncilStore councils, DigestRound round, IStringLocalizer<DigestsResource> text) : PageModel
{
    [FromQuery(Name = "hinweis")]
    public string? Notice { get; set; }

    [FromQuery(Name = "an")]
    public string? ResentTo { get; set; }

    public Council Council { get; private set; } = null!;

    public StoredDigest Digest { get; private set; } = null!;

    public IReadOnlyList<DigestDeliveryView> Deliveries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, long digestId) => await LoadAsync(id, digestId) ? Page() : NotFound();

    /// <summary>The stored HTML part as the mail shows it, with a note where each mail has its unsubscribe link.</summary>
    public async Task<IActionResult> OnGetHtmlAsync(long id, long digestId)
    {
        if (!await LoadAsync(id, digestId))
        {
            return NotFound();
        }

        return DigestHtml.Result(HttpContext, Digest.HtmlBody, text["View.FooterNote"]);
    }

    /// <param name="copy">The copy this form asks for (see <see cref="DigestRound.ResendAsync"/>): a second click sends nothing more.</param>
    public async Task<IActionResult> OnPostResendAsync(long id, long digestId, long recipientId, long? copy)
    {
        if (!await LoadAsync(id, digestId))
        {
            return NotFound();
        }

        var recipient = Deliveries.FirstOrDefault(d => d.RecipientId == recipientId);
        if (recipient is null)
        {
            return NotFound();
        }

        if (!await round.ResendAsync(id, digestId, recipientId, User.StaffEmail() ?? "admin", copy, User.Actor()))
        {
            ModelState.AddModelError(string.Empty, text["View.ResendFailed"]);
            return Page();
        }

        return RedirectToPage(new { id, digestId, hinweis = "erneut", an = recipient.RecipientName });
    }

    private async Task<bool> LoadAsync(long id, long digestId)
    {
        Council = (await councils.FindAsync(id))!;
        Digest = (await councils.FindDigestAsync(id, digestId))!;
        if (Council is null || Digest is null)
        {
            return false;
        }

        Deliveries = await councils.DeliveriesAsync(id, digestId);
        return true;
    }
}
