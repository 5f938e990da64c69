using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Surveys;
using MYK10.Participation.Web.Hosting;
using MYK10.Participation.Web.Surveys;

namespace MYK10.Participation.Web.Pages.Admin.Umfragen;

/// <summary>The conditions of a page (?seite=id) or a question (?frage=id): list, add, remove; only in a draft.</summary>
public sealed class BedingungenModel(SurveyStore surveys, SurveyBuilder builder, IStringLocalizer<SurveysResource> text) : PageModel
{
    [BindProperty]
    public ConditionFormInput Input { get; set; } = new();

    [FromQuery(Name = "seite")]
    public long? PageId { get; set; }

    [FromQuery(Name = "frage")]
    public long? QuestionId { get; set; }

    public SurveyDefinition Definition { get; private set; } = null!;

    public string TargetName { get; private set; } = string.Empty;

    public IReadOnlyList<Condition> Conditions { get; private set; } = [];

    /// <summary>Earlier questions that take an answer: the possible sources.</summary>
    public IReadOnlyList<(Question Question, int Number)> Sources { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(long id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }

        var resolved = Input.Resolve(Definition.Find(Input.SourceQuestionId), ModelState, text);
        if (resolved is not { } condition)
        {
            return Page();
        }

        var result = await builder.AddConditionAsync(id, PageId, QuestionId, Input.SourceQuestionId, Input.Operator, condition.Item, condition.Values, User.Actor(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("Input.SourceQuestionId", SurveyAdminPages.Problem(text, result));
            return Page();
        }

        TempData[SurveyAdminPages.DoneKey] = text["Done.Saved"].Value;
        return RedirectToPage(new { id, seite = PageId, frage = QuestionId });
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, long conditionId)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }

        SurveyAdminPages.Report(TempData, text, await builder.DeleteConditionAsync(id, conditionId, User.Actor(), HttpContext.RequestAborted), "Done.Deleted");
        return RedirectToPage(new { id, seite = PageId, frage = QuestionId });
    }

    private async Task<IActionResult?> LoadAsync(long id)
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
        var numbers = definition.QuestionNumbers();
        var ordered = definition.OrderedQuestions().ToList();
        if (QuestionId is { } qid && definition.Find(qid) is { } question)
        {
            PageId = null;
            var quoted = text["Question.Quoted", question.Text].Value;
            TargetName = numbers.TryGetValue(qid, out var n) ? $"{text["Question.Label", n]} {quoted}" : quoted;
            Conditions = definition.Conditions.Where(c => c.QuestionId == qid).ToList();
            Sources = ordered.TakeWhile(q => q.Id != qid).Where(q => q.TakesAnswer).Select(q => (q, numbers[q.Id])).ToList();
        }
        else if (PageId is { } pid && definition.Pages.FirstOrDefault(p => p.Id == pid) is { } page)
        {
            QuestionId = null;
            TargetName = text["Detail.PageUntitled", page.Position];
            Conditions = definition.Conditions.Where(c => c.PageId == pid).ToList();
            var earlierPages = definition.Pages.Where(p => p.Position < page.Position).Select(p => p.Id).ToHashSet();
            Sources = ordered.Where(q => earlierPages.Contains(q.PageId) && q.TakesAnswer).Select(q => (q, numbers[q.Id])).ToList();
        }
        else
        {
            return NotFound();
        }

        return null;
    }
}
