using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Ideas;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Ideen;

/// <summary>
/// The author withdraws their idea while it waits for moderation: a confirmation, then the idea is deleted for good.
/// Only the author opens it (404 for everyone else); once the moderation has decided, the page says so (403).
/// </summary>
public sealed class ZurueckziehenModel(IdeaStore ideas, IdeaService service, IStringLocalizer<IdeasResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public OwnIdea Idea { get; private set; } = null!;

    /// <summary>The moderation has decided on the idea: no form, only the message and the way to the idea.</summary>
    public bool Decided => !Idea.IsPending;

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var outcome = await service.WithdrawPendingAsync(User.ParticipantId()!.Value, id, Input.Version ?? 0);
        if (outcome == PendingChangeOutcome.Done)
        {
            return RedirectToPage("/Ideen/Zurueckgezogen");
        }

        if (outcome == PendingChangeOutcome.NotFound)
        {
            return NotFound();
        }

        // Decided meanwhile: the page says so instead of the form.
        if (await LoadAsync(id) is { } instead)
        {
            return instead;
        }

        // Changed meanwhile: the page shows the idea as it is now, to be confirmed again.
        ModelState.AddModelError(string.Empty, text["Withdraw.Changed"]);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(long id)
    {
        var (idea, instead) = await OwnPendingIdea.LoadAsync(this, ideas, id);
        if (idea is not null)
        {
            Idea = idea;
            Input = new InputModel { Version = idea.Version };
            // The hidden field shows the version read now, not the one posted.
            ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.Version)}");
        }

        return instead;
    }

    public sealed class InputModel
    {
        /// <summary>The version of the idea the author confirmed; a missing one never matches.</summary>
        public long? Version { get; set; }
    }
}
