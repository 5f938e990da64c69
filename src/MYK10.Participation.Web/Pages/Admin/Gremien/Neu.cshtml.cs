using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Digests;
using MYK10.Participation.Reference;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Admin.Gremien;

public sealed class NeuModel(CouncilStore councils, DigestSchedules schedules, ReferenceStore reference, IConfiguration configuration, IStringLocalizer<DigestsResource> text) : PageModel
{
    [BindProperty]
    public CouncilForm Input { get; set; } = new();

    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Municipalities = await reference.MunicipalitiesAsync();
        Input.Cron = configuration["Digests:DefaultCron"] is { Length: > 0 } cron ? cron : Council.DefaultCron;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Municipalities = await reference.MunicipalitiesAsync();
        ModelState.Clear();
        if (Input.Validate(ModelState, Municipalities, text) is not { } input)
        {
            return Page();
        }

        var (result, id) = await councils.CreateAsync(input, User.Actor());
        if (result == CouncilSaveResult.DuplicateName)
        {
            ModelState.AddModelError("Input.Name", text["Error.NameDuplicate"]);
            return Page();
        }

        await schedules.SyncAsync(id);
        return RedirectToPage("/Admin/Gremien/Bearbeiten", new { id, hinweis = "angelegt" });
    }
}
