using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Ideas;
using MYK10.Participation.Reference;
using MYK10.Participation.Time;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Ideen;

[BackToFormResult]
public sealed class NeuModel(IdeaService ideas, ReferenceStore reference, RateLimits limits, IStringLocalizer<IdeasResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IdeaFormChoices Choices { get; private set; } = IdeaFormChoices.None;

    public async Task OnGetAsync() => Choices = await IdeaFormChoices.LoadAsync(reference);

    /// <summary>Published ideas like the one in the form, shown once before it is stored; empty otherwise.</summary>
    public IReadOnlyList<IdeaSummary> Similar { get; private set; } = [];

    public async Task<IActionResult> OnPostAsync()
    {
        if (Honeypot.IsTripped(Request))
        {
            return RedirectToPage("/Ideen/Index");
        }

        Choices = await IdeaFormChoices.LoadAsync(reference);
        var submission = Input.ToSubmission(Input.FormKey);
        // Checked before the rate limit is taken: looking at similar ideas uses up none of the participant's ideas.
        var check = await ideas.CheckAsync(submission, HttpContext.RequestAborted);
        if (!check.IsValid)
        {
            return ShowErrors(check.Errors);
        }

        if (!Input.SimilarShown && check.Similar.Count > 0)
        {
            Similar = check.Similar;
            Input.SimilarShown = true;
            // The hidden field shows the model's value, not the one posted.
            ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.SimilarShown)}");
            return Page();
        }

        var participantId = User.ParticipantId()!.Value;
        var decision = await limits.TryAcquireAsync(RateLimitNames.Idea, participantId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!decision.Allowed)
        {
            ModelState.AddModelError(string.Empty, text["New.TooMany", BerlinTime.Format(decision.RetryAt!.Value), decision.Limit]);
            return Page();
        }

        var result = await ideas.SubmitAsync(participantId, submission);
        return result.Succeeded ? RedirectToPage("/Ideen/Eingereicht", new { id = result.IdeaId }) : ShowErrors(result.Errors);
    }

    private PageResult ShowErrors(IReadOnlyDictionary<IdeaField, IdeaError> errors)
    {
        IdeaFormChoices.AddErrors(ModelState, text, errors);
        return Page();
    }

    public sealed class InputModel : IdeaFormInput
    {
        /// <summary>The form's one-time key: sent twice, the form stores one idea.</summary>
        public string? FormKey { get; set; }

        /// <summary>
        /// Whether the similar published ideas have been shown for this form: then it is stored when sent, even with a
        /// changed title or text, and not checked again.
        /// </summary>
        public bool SimilarShown { get; set; }
    }
}
