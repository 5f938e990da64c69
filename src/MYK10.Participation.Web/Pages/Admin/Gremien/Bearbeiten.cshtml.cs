using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Digests;
using MYK10.Participation.Reference;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Admin.Gremien;

public sealed class BearbeitenModel(CouncilStore councils, DigestSchedules schedules, ReferenceStore reference, IStringLocalizer<DigestsResource> text) : PageModel
{
    [BindProperty]
    public CouncilForm Input { get; set; } = new();

    [FromQuery(Name = "hinweis")]
    public string? Notice { get; set; }

    public Council Council { get; private set; } = null!;

    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = CouncilForm.From(Council);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(long id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (Input.Validate(ModelState, Municipalities, text) is not { } input)
        {
            return Page();
        }

        switch (await councils.UpdateAsync(id, input, User.Actor()))
        {
            case CouncilSaveResult.DuplicateName:
                ModelState.AddModelError("Input.Name", text["Error.NameDuplicate"]);
                return Page();
            case CouncilSaveResult.NotFound:
                return NotFound();
        }

        await schedules.SyncAsync(id);
        return RedirectToPage(new { id, hinweis = "gespeichert" });
    }

    private async Task<bool> LoadAsync(long id)
    {
        Council = (await councils.FindAsync(id))!;
        Municipalities = await reference.MunicipalitiesAsync();
        return Council is not null;
    }
}
