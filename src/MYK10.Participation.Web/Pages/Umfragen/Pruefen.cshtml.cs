using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Reference;
using MYK10.Participation.Surveys;
using MYK10.Participation.Time;
using MYK10.Participation.Web.Hosting;
using MYK10.Participation.Web.Surveys;

namespace MYK10.Participation.Web.Pages.Umfragen;

/// <summary>The review page: every visible answer, links back to each page, and the one submit.</summary>
public sealed class PruefenModel(SurveySession sessions, SurveyResponder responder, ReferenceStore reference, RateLimits limits,
    IStringLocalizer<SurveysResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public SurveySessionState State { get; private set; } = null!;

    public Survey Survey => State.Survey.Survey;

    /// <summary>Visible pages with their number and their questions.</summary>
    public IReadOnlyList<(int Number, SurveyPage Page, IReadOnlyList<Question> Questions)> Pages { get; private set; } = [];

    public AnswerSet Answers { get; private set; } = new();

    /// <summary>Errors of the whole survey with the page they are on.</summary>
    public IReadOnlyList<(int Page, Question Question, string Message)> Errors { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Municipalities { get; private set; } = [];

    /// <summary>Verified participants have a municipality in their profile; others may give one here.</summary>
    public bool AsksForMunicipality => Survey.Mode != SurveyMode.Verified;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        State = await sessions.LoadAsync(HttpContext, id, startSession: false);
        if (State.Gate == SurveyGate.NotFound)
        {
            return NotFound();
        }

        if (State.Gate != SurveyGate.Answer || State.Token is null)
        {
            return RedirectToPage("/Umfragen/Teilnehmen", new { id });
        }

        await ShowAsync(SurveyValidation.Check(State.Survey, State.Answers).Errors);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        State = await sessions.LoadAsync(HttpContext, id, startSession: false);
        if (State.Gate == SurveyGate.NotFound)
        {
            return NotFound();
        }

        if (State.Gate != SurveyGate.Answer || State.Token is null || State.Respondent is null)
        {
            return RedirectToPage("/Umfragen/Teilnehmen", new { id });
        }

        if (Honeypot.IsTripped(Request))
        {
            return DankeModel.After(this, id);
        }

        if (Survey.Mode == SurveyMode.Open)
        {
            var decision = await limits.TryAcquireAsync(RateLimitNames.SurveySubmit, HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            if (!decision.Allowed)
            {
                ModelState.AddModelError(string.Empty, text["Answer.TooMany", BerlinTime.Format(decision.RetryAt!.Value)]);
                await ShowAsync([]);
                return Page();
            }
        }

        var municipalities = await reference.MunicipalitiesAsync(HttpContext.RequestAborted);
        var municipality = AsksForMunicipality
            ? municipalities.FirstOrDefault(m => m.Id == Input.MunicipalityId)?.Id
            : await sessions.ParticipantMunicipalityAsync(State.Respondent);
        var result = await responder.SubmitAsync(id, State.Respondent, State.Answers, municipality, State.Token, HttpContext.RequestAborted);
        switch (result.Status)
        {
            case SubmitStatus.Submitted:
                return DankeModel.After(this, id);
            case SubmitStatus.Invalid:
                await ShowAsync(result.Errors);
                return Page();
            default:
                return RedirectToPage("/Umfragen/Teilnehmen", new { id });
        }
    }

    private async Task ShowAsync(IReadOnlyList<AnswerError> errors)
    {
        var check = SurveyValidation.Check(State.Survey, State.Answers);
        Answers = check.Answers;
        Pages = check.Visibility.VisiblePages
            .Select((page, i) => (i + 1, page, (IReadOnlyList<Question>)State.Survey.QuestionsOn(page.Id).Where(q => check.Visibility.IsVisible(q) && q.TakesAnswer).ToList()))
            .ToList();
        var pageOf = Pages.SelectMany(p => p.Questions.Select(q => (q.Id, p.Number))).ToDictionary(x => x.Id, x => x.Number);
        Errors = errors.Where(e => pageOf.ContainsKey(e.QuestionId))
            .Select(e => (pageOf[e.QuestionId], State.Survey.Find(e.QuestionId)!, SurveyDisplay.Message(text, e)))
            .ToList();
        Municipalities = (await reference.MunicipalitiesAsync(HttpContext.RequestAborted))
            .Where(m => !m.IsCounty)
            .Select(m => new SelectListItem(m.Name, m.Id))
            .Prepend(new SelectListItem(text["Review.MunicipalityNone"], ""))
            .ToList();
    }

    public sealed class InputModel
    {
        public string? MunicipalityId { get; set; }
    }
}
