using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Surveys;

namespace MYK10.Participation.Web.Pages.Admin.Umfragen;

/// <summary>Every page and question as participants see them; nothing is stored.</summary>
public sealed class VorschauModel(SurveyStore surveys) : PageModel
{
    public SurveyDefinition Definition { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var definition = await surveys.LoadAsync(id, HttpContext.RequestAborted);
        if (definition is null)
        {
            return NotFound();
        }

        Definition = definition;
        return Page();
    }
}
