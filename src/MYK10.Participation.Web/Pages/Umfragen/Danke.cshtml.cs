using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Surveys;

namespace MYK10.Participation.Web.Pages.Umfragen;

public sealed class DankeModel(SurveyStore surveys) : PageModel
{
    public Survey Survey { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var survey = await surveys.FindAsync(id, HttpContext.RequestAborted);
        if (survey is null || survey.Status == SurveyStatus.Draft)
        {
            return NotFound();
        }

        Survey = survey;
        return Page();
    }
}
