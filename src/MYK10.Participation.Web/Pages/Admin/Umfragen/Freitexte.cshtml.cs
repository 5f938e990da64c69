using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Surveys;
using MYK10.Participation.Web.Hosting;
using MYK10.Participation.Web.Surveys;

namespace MYK10.Participation.Web.Pages.Admin.Umfragen;

/// <summary>Admins choose which free-text answers the public results page shows.</summary>
public sealed class FreitexteModel(SurveyStore surveys, SurveyResultsStore results, SurveyBuilder builder, IStringLocalizer<SurveysResource> text) : PageModel
{
    public SurveyDefinition Definition { get; private set; } = null!;

    public IReadOnlyList<(long ResponseId, long QuestionId, string Text, bool Published)> Texts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var definition = await surveys.LoadAsync(id, HttpContext.RequestAborted);
        if (definition is null)
        {
            return NotFound();
        }

        Definition = definition;
        Texts = await results.FreeTextsAsync(id, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, long questionId, long responseId, bool publish)
    {
        var result = await builder.PublishTextAsync(id, questionId, responseId, publish, User.Actor(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        TempData[SurveyAdminPages.DoneKey] = text["Done.Saved"].Value;
        return RedirectToPage(new { id });
    }
}
