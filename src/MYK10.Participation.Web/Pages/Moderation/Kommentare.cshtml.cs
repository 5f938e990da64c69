using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Moderation;
using MYK10.Participation.Web.Hosting;
using MYK10.Participation.Web.Pages.Shared;

namespace MYK10.Participation.Web.Pages.Moderation;

/// <summary>The hidden comments on ideas and measures, whoever hid them; a moderator shows one again with a reason.</summary>
public sealed class KommentareModel(ModerationStore moderation, ModerationService service, IStringLocalizer<ModerationResource> text) : PageModel
{
    private const int PageSize = 20;

    [BindProperty]
    public TargetNoteInput Input { get; set; } = new();

    [FromQuery(Name = "hinweis")]
    public string? Notice { get; set; }

    [FromQuery(Name = "seite")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<HiddenComment> Comments { get; private set; } = [];

    public QueueSummary Summary { get; private set; } = new(0, null, 0);

    public PaginationModel Pagination { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Target is not { Thread: not null } target)
        {
            return NotFound();
        }

        var result = await service.RestoreCommentAsync(User.Actor(), target, Input.Note);
        switch (result.Outcome)
        {
            case ModerationOutcome.Done:
                return RedirectToPage(new { hinweis = "restored", seite = PageRoute() });
            case ModerationOutcome.AlreadyDone:
                return RedirectToPage(new { hinweis = "already-restored", seite = PageRoute() });
            case ModerationOutcome.Invalid:
                await LoadAsync(cancellationToken);
                // Listed on another page by now (newer comments were hidden meanwhile): then the message stands in the summary alone.
                ModelState.AddModelError(Comments.Any(c => c.Target == target) ? TargetNoteInput.NoteField(target) : string.Empty, text["Hidden.NoteRequired"]);
                return Page();
            default:
                return NotFound();
        }
    }

    /// <summary>The page number for a link back here; none for the first page.</summary>
    public int? PageRoute() => PageNumber > 1 ? PageNumber : null;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Summary = await moderation.SummaryAsync(cancellationToken);
        var page = Math.Max(1, PageNumber);
        var (comments, total) = await moderation.HiddenCommentsAsync(page, PageSize, cancellationToken);
        var pageCount = (int)Math.Max(1, (total + PageSize - 1) / PageSize);
        if (page > pageCount)
        {
            // The last comments of the last page were shown again: the page before is the last now.
            page = pageCount;
            (comments, _) = await moderation.HiddenCommentsAsync(page, PageSize, cancellationToken);
        }

        Comments = comments;
        Pagination = new PaginationModel(page, pageCount, "/Moderation/Kommentare", new Dictionary<string, string>(StringComparer.Ordinal));
    }
}
