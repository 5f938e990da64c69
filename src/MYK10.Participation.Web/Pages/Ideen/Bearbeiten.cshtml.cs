using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Ideas;
using MYK10.Participation.Reference;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Ideen;

/// <summary>
/// The author corrects their idea while it waits for moderation. Only the author opens it (404 for everyone else); once
/// the moderation has decided, the page says so instead of the form (403). Writes count against the per-connection
/// write limit only, not the day's ideas.
/// </summary>
[BackToFormResult]
public sealed class BearbeitenModel(IdeaStore ideas, IdeaService service, ReferenceStore reference, IStringLocalizer<IdeasResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public OwnIdea Idea { get; private set; } = null!;

    public IdeaFormChoices Choices { get; private set; } = IdeaFormChoices.None;

    /// <summary>The moderation has decided on the idea: no form, only the message and the way to the idea.</summary>
    public bool Decided => !Idea.IsPending;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }

        Input = InputModel.From(Idea);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var participant = User.ParticipantId()!.Value;
        var result = await service.EditPendingAsync(participant, id, Input.Version ?? 0, Input.ToSubmission());
        if (result.Outcome == PendingChangeOutcome.Done)
        {
            return RedirectToPage("/Ideen/Detail", new { id, hinweis = "geaendert" });
        }

        if (result.Outcome == PendingChangeOutcome.NotFound)
        {
            return NotFound();
        }

        // Decided meanwhile: the page says so instead of the form.
        if (await LoadAsync(id) is { } instead)
        {
            return instead;
        }

        if (result.Outcome == PendingChangeOutcome.Invalid)
        {
            IdeaFormChoices.AddErrors(ModelState, text, result.Errors);
            return Page();
        }

        // Changed meanwhile (the moderation corrected it, or another window saved): the form shows the idea as it is now.
        ModelState.Clear();
        Input = InputModel.From(Idea);
        ModelState.AddModelError(string.Empty, text["Edit.Changed"]);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(long id)
    {
        var (idea, instead) = await OwnPendingIdea.LoadAsync(this, ideas, id);
        Idea = idea!;
        if (instead is null)
        {
            Choices = await IdeaFormChoices.LoadAsync(reference);
        }

        return instead;
    }

    public sealed class InputModel : IdeaFormInput
    {
        /// <summary>The version of the idea the form was loaded with; a missing one never matches.</summary>
        public long? Version { get; set; }

        public static InputModel From(OwnIdea idea) => new()
        {
            Title = idea.Title,
            Body = idea.Body,
            FieldId = idea.FieldId,
            MunicipalityId = idea.MunicipalityId,
            Place = idea.Place,
            Version = idea.Version,
        };
    }
}
