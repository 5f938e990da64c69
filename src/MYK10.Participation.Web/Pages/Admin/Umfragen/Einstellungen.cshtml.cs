using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Reference;
using MYK10.Participation.Surveys;
using MYK10.Participation.Web.Hosting;
using MYK10.Participation.Web.Surveys;

namespace MYK10.Participation.Web.Pages.Admin.Umfragen;

/// <summary>The settings of a draft survey.</summary>
public sealed class EinstellungenModel(SurveyStore surveys, SurveyBuilder builder, ReferenceStore reference, IStringLocalizer<SurveysResource> text) : PageModel
{
    [BindProperty]
    public SurveyFormInput Input { get; set; } = new();

    public Survey Survey { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await LoadAsync(id) is { } redirect)
        {
            return redirect;
        }

        Input = SurveyFormInput.From(Survey);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        if (await LoadAsync(id) is { } redirect)
        {
            return redirect;
        }

        var municipalities = await reference.MunicipalitiesAsync(HttpContext.RequestAborted);
        var input = Input.Validate(ModelState, text, municipalities.Select(m => m.Id));
        if (input is null)
        {
            return Page();
        }

        var result = await builder.UpdateAsync(id, input, User.Actor(), HttpContext.RequestAborted);
        SurveyAdminPages.Report(TempData, text, result, "Done.Saved");
        return RedirectToPage("/Admin/Umfragen/Details", new { id });
    }

    private async Task<IActionResult?> LoadAsync(long id)
    {
        var survey = await surveys.FindAsync(id, HttpContext.RequestAborted);
        if (survey is null)
        {
            return NotFound();
        }

        if (survey.Status != SurveyStatus.Draft)
        {
            return RedirectToPage("/Admin/Umfragen/Details", new { id });
        }

        Survey = survey;
        ViewData["Municipalities"] = SurveyAdminPages.MunicipalityItems(await reference.MunicipalitiesAsync(HttpContext.RequestAborted));
        return null;
    }
}
