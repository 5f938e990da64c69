using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Moderation;

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
        var result = await service.DismissReportsAsync(User.Actor(), Input.IdeaId, Input.CommentId);
        return result.Outcome switch
        {
            ModerationOutcome.NotFound => NotFound(),
            ModerationOutcome.AlreadyDone => RedirectToPage(new { hinweis = "already-handled" }),
            _ => RedirectToPage(new { hinweis = "dismissed" }),
        };
    }

    public async Task<IActionResult> OnPostHideAsync()
    {
        var result = await service.HideAsync(User.Actor(), Input.IdeaId, Input.CommentId, Input.Note);
        switch (result.Outcome)
        {
            case ModerationOutcome.Done:
                return RedirectToPage(new { hinweis = "hidden" });
            case ModerationOutcome.Conflict:
                return RedirectToPage(new { hinweis = "not-public" });
            case ModerationOutcome.Invalid:
                ModelState.AddModelError(NoteField(Input.IdeaId, Input.CommentId), text["Reports.HideNoteRequired"]);
                await LoadAsync();
                return Page();
            default:
                return NotFound();
        }
    }

    /// <summary>Each reported item has its own note field, so an error lands beside the right one.</summary>
    public static string NoteField(long ideaId, long? commentId) => $"note-{ideaId}-{commentId ?? 0}";

    private async Task LoadAsync()
    {
        Summary = await moderation.SummaryAsync();
        Reports = await moderation.OpenReportsAsync();
    }

    public sealed class InputModel
    {
        public long IdeaId { get; set; }

        public long? CommentId { get; set; }

        public string? Note { get; set; }
    }
}
