using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Ideas;
using MYK10.Participation.Time;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Ideen;

public sealed class MeldenModel(IdeaStore ideas, IdeaService service, RateLimits limits, IStringLocalizer<IdeasResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FromQuery(Name = "kommentar")]
    public long? CommentId { get; set; }

    public IdeaDetail Idea { get; private set; } = null!;

    public IdeaComment? Comment { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (Honeypot.IsTripped(Request))
        {
            return RedirectToPage("/Ideen/Detail", new { id, hinweis = "gemeldet" });
        }

        if (Input.Reason is null || !ReportReasons.All.Contains(Input.Reason))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Reason)}", text["Report.ReasonRequired"]);
        }

        if (Input.Details is { Length: > 1000 })
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Details)}", text["Report.DetailsTooLong"]);
        }

        var participantId = User.ParticipantId()!.Value;
        var decision = await limits.TryAcquireAsync(RateLimitNames.Report, participantId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!decision.Allowed)
        {
            ModelState.AddModelError(string.Empty, text["Detail.TooManyWrites", BerlinTime.Format(decision.RetryAt!.Value)]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await service.ReportAsync(participantId, id, Comment?.Id, Input.Reason!, Input.Details);
        var anchor = Comment is null ? string.Empty : $"#kommentar-{Comment.Id}";
        return outcome switch
        {
            ContributionOutcome.Done => Redirect(Url.Page("/Ideen/Detail", new { id, hinweis = "gemeldet" }) + anchor),
            ContributionOutcome.AlreadyDone => Redirect(Url.Page("/Ideen/Detail", new { id, hinweis = "bereits-gemeldet" }) + anchor),
            _ => NotFound(),
        };
    }

    private async Task<bool> LoadAsync(long id)
    {
        var idea = await ideas.FindAsync(id);
        if (idea is null || !idea.IsPublished)
        {
            return false;
        }

        Idea = idea;
        if (CommentId is { } commentId)
        {
            // Only a comment the public can read can be reported: a hidden one's text is for moderators only.
            Comment = (await ideas.CommentsAsync(id)).FirstOrDefault(c => c.Id == commentId && c.IsVisible);
            return Comment is not null;
        }

        return true;
    }

    public sealed class InputModel
    {
        public string? Reason { get; set; }

        public string? Details { get; set; }
    }
}
