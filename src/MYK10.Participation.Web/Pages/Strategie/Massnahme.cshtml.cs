using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Comments;
using MYK10.Participation.Ideas;
using MYK10.Participation.Staff;
using MYK10.Participation.Strategy;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Strategie;

[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class MassnahmeModel(StrategyStore strategy, StrategyService service, CommentService comments, RateLimits limits, IStringLocalizer<StrategyResource> text, IStringLocalizer<IdeasResource> ideaText) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FromQuery(Name = "hinweis")]
    public string? Notice { get; set; }

    /// <summary>The comment a report notice is about (the report page's redirect names it), so the notice stands at it.</summary>
    [FromQuery(Name = "kommentar")]
    public long? NoticeCommentId { get; set; }

    public MeasureDetail Detail { get; private set; } = null!;

    public long? ParticipantId => User.ParticipantId();

    public bool SignedIn => ParticipantId is not null;

    /// <summary>Moderators hide comments right here (through the reports tab's handler).</summary>
    public bool CanModerate => User.IsStaff() && (User.IsInRole(StaffRoles.Admin) || User.IsInRole(StaffRoles.Moderator));

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCommentAsync(long id)
    {
        var (participant, detour) = this.RequireParticipant(Url.Page("/Strategie/Massnahme", new { id })! + "#diskussion");
        if (participant is null)
        {
            return detour!;
        }

        if (Honeypot.IsTripped(Request))
        {
            return RedirectToPage("/Strategie/Massnahme", new { id, hinweis = "kommentiert" });
        }

        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (await Ideen.CommentGate.ProblemAsync(limits, ideaText, participant.Value, Input.Comment) is { } problem)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Comment)}", problem);
            return Page();
        }

        // The text passed the gate's CommentText check above, so a comment not stored means the measure is not, or no longer, under
        // discussion (it exists: loaded above); the page shows no form to link to.
        var (outcome, commentId) = await service.CommentAsync(participant.Value, id, Input.Comment, Input.FormKey);
        if (outcome != ContributionOutcome.Done)
        {
            ModelState.AddModelError(string.Empty, text["Measure.CommentNotOpen"]);
            return Page();
        }

        return Redirect(Url.Page("/Strategie/Massnahme", new { id, hinweis = "kommentiert" }) + $"#kommentar-{commentId}");
    }

    public Task<IActionResult> OnPostDeleteCommentAsync(long id, long commentId) =>
        this.DeleteOwnCommentAsync(comments, CommentThread.Measure, "/Strategie/Massnahme", id, commentId);

    private async Task<bool> LoadAsync(long id)
    {
        var detail = await strategy.DetailAsync(id);
        if (detail is null)
        {
            return false;
        }

        Detail = detail;
        return true;
    }

    public sealed class InputModel
    {
        public string? Comment { get; set; }

        /// <summary>The comment form's one-time key, kept across a validation error; new for each rendered form.</summary>
        public string? FormKey { get; set; }
    }
}
