using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Surveys;
using MYK10.Participation.Time;
using MYK10.Participation.Web.Hosting;
using MYK10.Participation.Web.Surveys;

namespace MYK10.Participation.Web.Pages.Umfragen;

/// <summary>Answering a survey page by page, without JavaScript: each page posts its answers into the draft.</summary>
public sealed class TeilnehmenModel(SurveySession sessions, SurveyResponder responder, RateLimits limits, IStringLocalizer<SurveysResource> text) : PageModel
{
    public const string Back = "zurueck";
    public const string Next = "weiter";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public SurveySessionState State { get; private set; } = null!;

    public int PageNumber { get; private set; }

    /// <summary>The page was opened from the review page to change it: going on leads back there.</summary>
    [FromQuery(Name = "pruefen")]
    public bool FromReview { get; set; }

    public int PageCount { get; private set; }

    public SurveyPage? CurrentPage { get; private set; }

    public IReadOnlyList<QuestionView> Questions { get; private set; } = [];

    public Survey Survey => State.Survey.Survey;

    public async Task<IActionResult> OnGetAsync(long id, [FromQuery(Name = "seite")] int page = 1)
    {
        State = await sessions.LoadAsync(HttpContext, id, startSession: true);
        if (State.Gate == SurveyGate.NotFound)
        {
            return NotFound();
        }

        Show(page);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        State = await sessions.LoadAsync(HttpContext, id, startSession: true);
        if (State.Gate == SurveyGate.NotFound)
        {
            return NotFound();
        }

        var definition = State.Survey;
        var before = ConditionEvaluator.Evaluate(definition, State.Answers);
        var page = before.VisiblePages.FirstOrDefault(p => p.Id == Input.PageId);
        if (State.Gate != SurveyGate.Answer || page is null)
        {
            return RedirectToPage(new { id });
        }

        // Only the questions this page showed are read: posting other fields changes nothing.
        var shown = definition.QuestionsOn(page.Id).Where(before.IsVisible).ToList();
        var posted = SurveyFields.Read(shown, name => Request.Form[name].Select(v => v ?? string.Empty).ToList());
        var answers = State.Answers.Clone();
        foreach (var question in shown)
        {
            answers.Set(question.Id, posted.Get(question.Id));
        }

        await responder.SaveDraftAsync(id, State.Token!, answers, cancellationToken: HttpContext.RequestAborted);
        var after = ConditionEvaluator.Evaluate(definition, answers);
        var index = after.VisiblePages.ToList().FindIndex(p => p.Id == page.Id);
        if (Input.Direction == Back)
        {
            return RedirectToPage(new { id, seite = Math.Max(1, index) });
        }

        var check = SurveyValidation.Check(definition, answers, q => q.PageId == page.Id);
        if (check.Errors.Count > 0)
        {
            SurveyDisplay.AddTo(ModelState, text, check.Errors);
            State = State with { Answers = answers };
            Show(index + 1);
            return Page();
        }

        return index + 1 < after.VisiblePages.Count && !FromReview
            ? RedirectToPage(new { id, seite = index + 2 })
            : RedirectToPage("/Umfragen/Pruefen", new { id });
    }

    public async Task<IActionResult> OnPostCodeAsync(long id)
    {
        State = await sessions.LoadAsync(HttpContext, id, startSession: true);
        if (State.Gate == SurveyGate.NotFound)
        {
            return NotFound();
        }

        if (State.Gate != SurveyGate.CodeNeeded)
        {
            return RedirectToPage(new { id });
        }

        const string field = $"{nameof(Input)}.{nameof(Input.Code)}";
        var code = InvitationCodes.Normalise(Input.Code ?? string.Empty);
        if (code.Length == 0)
        {
            ModelState.AddModelError(field, text["Answer.CodeMissing"]);
            return Page();
        }

        var decision = await limits.TryAcquireAsync(RateLimitNames.SurveyCode, HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (!decision.Allowed)
        {
            ModelState.AddModelError(field, text["Answer.TooMany", BerlinTime.Format(decision.RetryAt!.Value)]);
            return Page();
        }

        switch (await responder.CheckCodeAsync(id, code, HttpContext.RequestAborted))
        {
            case CodeState.Unused:
                await responder.SaveDraftAsync(id, State.Token!, State.Answers, code, HttpContext.RequestAborted);
                return RedirectToPage(new { id });
            case CodeState.Used:
                ModelState.AddModelError(field, text["Answer.CodeUsed"]);
                return Page();
            default:
                ModelState.AddModelError(field, text["Answer.CodeUnknown"]);
                return Page();
        }
    }

    private void Show(int pageNumber)
    {
        if (State.Gate != SurveyGate.Answer)
        {
            return;
        }

        var visibility = ConditionEvaluator.Evaluate(State.Survey, State.Answers);
        PageCount = visibility.VisiblePages.Count;
        PageNumber = Math.Clamp(pageNumber, 1, Math.Max(1, PageCount));
        CurrentPage = PageCount == 0 ? null : visibility.VisiblePages[PageNumber - 1];
        if (CurrentPage is null)
        {
            return;
        }

        Input.PageId = CurrentPage.Id;
        Questions = State.Survey.QuestionsOn(CurrentPage.Id).Where(visibility.IsVisible)
            .Select(q => new QuestionView(q, State.Answers.Get(q.Id), SurveyDisplay.ErrorsOf(ModelState, q)))
            .ToList();
    }

    public sealed class InputModel
    {
        public long PageId { get; set; }

        public string? Direction { get; set; }

        public string? Code { get; set; }
    }
}
