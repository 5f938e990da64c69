using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Surveys;

namespace MYK10.Participation.Web.Pages.Umfragen;

/// <summary>Thanks the browser that has just submitted the survey; anyone else is sent to the survey's own page.</summary>
public sealed class DankeModel(SurveyStore surveys) : PageModel
{
    private const string SubmittedKey = "Survey.Submitted";

    public Survey Survey { get; private set; } = null!;

    /// <summary>The thanks page of <paramref name="surveyId"/>, shown once to the browser this redirect goes to.</summary>
    public static RedirectToPageResult After(PageModel submitted, long surveyId)
    {
        submitted.TempData[SubmittedKey] = surveyId.ToString(CultureInfo.InvariantCulture);
        return submitted.RedirectToPage("/Umfragen/Danke", new { id = surveyId });
    }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var survey = await surveys.FindAsync(id, HttpContext.RequestAborted);
        if (survey is null || survey.Status == SurveyStatus.Draft)
        {
            return NotFound();
        }

        if (TempData[SubmittedKey] as string != id.ToString(CultureInfo.InvariantCulture))
        {
            return RedirectToPage("/Umfragen/Teilnehmen", new { id });
        }

        Survey = survey;
        return Page();
    }
}
