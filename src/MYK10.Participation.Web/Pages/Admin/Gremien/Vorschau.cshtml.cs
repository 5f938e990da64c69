using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Digests;

namespace MYK10.Participation.Web.Pages.Admin.Gremien;

/// <summary>The next digest as it would be built now; nothing is stored or sent.</summary>
public sealed class VorschauModel(CouncilStore councils, DigestRound round, IStringLocalizer<DigestsResource> text) : PageModel
{
    public Council Council { get; private set; } = null!;

    public DigestContent Preview { get; private set; } = null!;

    public DigestPeriod Period { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnGetHtmlAsync(long id) =>
        await LoadAsync(id) ? DigestHtml.Result(HttpContext, Preview.Html, text["View.FooterNote"]) : NotFound();

    private async Task<bool> LoadAsync(long id)
    {
        Council = (await councils.FindAsync(id))!;
        if (Council is null || await round.PreviewAsync(id) is not { } preview)
        {
            return false;
        }

        (Preview, Period) = preview;
        return true;
    }
}
