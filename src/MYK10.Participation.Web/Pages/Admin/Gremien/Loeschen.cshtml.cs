using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Digests;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Admin.Gremien;

/// <summary>Deleting a council takes its recipients, stored digests and schedule with it, so it is confirmed on a page of its own.</summary>
public sealed class LoeschenModel(CouncilStore councils, DigestSchedules schedules) : PageModel
{
    public Council Council { get; private set; } = null!;

    public long Recipients { get; private set; }

    public long Digests { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await councils.FindAsync(id) is not { } council)
        {
            return NotFound();
        }

        Council = council;
        (Recipients, Digests) = await councils.DeletionScopeAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        if (!await councils.DeleteAsync(id, User.Actor()))
        {
            return NotFound();
        }

        await schedules.SyncAsync(id);
        return RedirectToPage("/Admin/Gremien/Index", new { hinweis = "geloescht" });
    }
}
