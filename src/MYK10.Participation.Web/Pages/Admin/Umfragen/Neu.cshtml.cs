using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Reference;
using MYK10.Participation.Surveys;
using MYK10.Participation.Web.Hosting;
using MYK10.Participation.Web.Surveys;

namespace MYK10.Participation.Web.Pages.Admin.Umfragen;

public sealed class NeuModel(SurveyBuilder builder, ReferenceStore reference, IStringLocalizer<SurveysResource> text) : PageModel
{
    [BindProperty]
    public SurveyFormInput Input { get; set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var municipalities = await LoadAsync();
        var input = Input.Validate(ModelState, text, municipalities.Select(m => m.Id));
        if (input is null)
        {
            return Page();
        }

        var id = await builder.CreateAsync(input, User.Actor(), HttpContext.RequestAborted);
        return RedirectToPage("/Admin/Umfragen/Details", new { id });
    }

    private async Task<IReadOnlyList<Municipality>> LoadAsync()
    {
        var municipalities = await reference.MunicipalitiesAsync(HttpContext.RequestAborted);
        ViewData["Municipalities"] = SurveyAdminPages.MunicipalityItems(municipalities);
        return municipalities;
    }
}
