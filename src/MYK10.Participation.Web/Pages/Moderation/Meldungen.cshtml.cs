using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Moderation;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Moderation;

public sealed class MeldungenModel(ModerationStore moderation, ModerationService service, IStringLocalizer<ModerationResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FromQuery(Name = "hinweis")]
    public string? Notice { get; set; }

    public IReadOnlyList<ReportedItem> Reports { get; private set; } = [];

    public QueueSummary Summary { get; private set; } = new(0, null, 0);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostDismissAsync()
    {
        if (Input.Target is not { } target)
        {
            return NotFound();
        }

        var result = await service.DismissReportsAsync(User.Actor(), target);
        return result.Outcome switch
        {
            ModerationOutcome.NotFound => NotFound(),
            ModerationOutcome.AlreadyDone => RedirectToPage(new { hinweis = "already-handled" }),
            _ => RedirectToPage(new { hinweis = "dismissed" }),
        };
    }

    /// <summary>Hides a reported item, or any comment a moderator hides from its public page.</summary>
    public async Task<IActionResult> OnPostHideAsync()
    {
        if (Input.Target is not { } target)
        {
            return NotFound();
        }

        var result = await service.HideAsync(User.Actor(), target, Input.Note);
        switch (result.Outcome)
        {
            case ModerationOutcome.Done when Url.IsLocalUrl(Input.ReturnUrl):
                return LocalRedirect(Input.ReturnUrl!);
            case ModerationOutcome.Done:
                return RedirectToPage(new { hinweis = "hidden" });
            case ModerationOutcome.Conflict:
                return RedirectToPage(new { hinweis = "not-public" });
            case ModerationOutcome.Invalid:
                await LoadAsync();
                // Hidden from a public page, the item may not be listed here: then the message stands in the summary alone.
                ModelState.AddModelError(Reports.Any(r => r.Target == target) ? TargetNoteInput.NoteField(target) : string.Empty, text["Reports.HideNoteRequired"]);
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task LoadAsync()
    {
        Summary = await moderation.SummaryAsync();
        Reports = await moderation.OpenReportsAsync();
    }

    public sealed class InputModel : TargetNoteInput
    {
        /// <summary>Where to go back after hiding from a public page.</summary>
        public string? ReturnUrl { get; set; }
    }
}
