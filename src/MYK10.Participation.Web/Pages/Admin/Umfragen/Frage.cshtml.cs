using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Surveys;
using MYK10.Participation.Web.Hosting;
using MYK10.Participation.Web.Surveys;

namespace MYK10.Participation.Web.Pages.Admin.Umfragen;

/// <summary>Adds a question to a page (?seite=page id) or edits one; only in a draft.</summary>
public sealed class FrageModel(SurveyStore surveys, SurveyBuilder builder, IStringLocalizer<SurveysResource> text) : PageModel
{
    [BindProperty]
    public QuestionFormInput Input { get; set; } = new();

    [FromQuery(Name = "seite")]
    public long? PageId { get; set; }

    public SurveyDefinition Definition { get; private set; } = null!;

    public Question? Question { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, long? questionId)
    {
        if (await LoadAsync(id, questionId) is { } stop)
        {
            return stop;
        }

        if (Question is not null)
        {
            Input = QuestionFormInput.From(Question);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, long? questionId)
    {
        if (await LoadAsync(id, questionId) is { } stop)
        {
            return stop;
        }

        var input = Input.Validate(ModelState, text);
        if (input is null)
        {
            return Page();
        }

        var result = Question is null
            ? await builder.AddQuestionAsync(id, PageId!.Value, input, User.Actor(), HttpContext.RequestAborted)
            : await builder.UpdateQuestionAsync(id, Question.Id, input, User.Actor(), HttpContext.RequestAborted);
        if (result.Status == BuilderStatus.Invalid)
        {
            ModelState.AddModelError(string.Empty, SurveyAdminPages.Problem(text, result));
            return Page();
        }

        SurveyAdminPages.Report(TempData, text, result, "Done.Saved");
        return RedirectToPage("/Admin/Umfragen/Details", new { id });
    }

    private async Task<IActionResult?> LoadAsync(long id, long? questionId)
    {
        var definition = await surveys.LoadAsync(id, HttpContext.RequestAborted);
        if (definition is null)
        {
            return NotFound();
        }

        if (definition.Survey.Status != SurveyStatus.Draft)
        {
            return RedirectToPage("/Admin/Umfragen/Details", new { id });
        }

        Definition = definition;
        if (questionId is { } qid)
        {
            Question = definition.Find(qid);
            if (Question is null)
            {
                return NotFound();
            }

            PageId = Question.PageId;
        }
        else if (PageId is null || definition.Pages.All(p => p.Id != PageId))
        {
            return NotFound();
        }

        return null;
    }
}
