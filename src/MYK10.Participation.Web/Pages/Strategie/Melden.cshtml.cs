using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Comments;
using MYK10.Participation.Ideas;
using MYK10.Participation.Strategy;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Strategie;

/// <summary>Reporting a comment in a measure's discussion, as comments on ideas are reported.</summary>
public sealed class MeldenModel(StrategyStore strategy, CommentService comments, RateLimits limits, IStringLocalizer<IdeasResource> text) : PageModel
{
    [BindProperty]
    public ReportInput Input { get; set; } = new();

    [FromQuery(Name = "kommentar")]
    public long? CommentId { get; set; }

    public MeasureDetail Detail { get; private set; } = null!;

    public MeasureComment Comment { get; private set; } = null!;

    /// <summary>The participant has reported this comment already: the page says so instead of offering the form again.</summary>
    public bool AlreadyReported { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        AlreadyReported = await comments.HasReportedAsync(User.ParticipantId()!.Value, ReportTarget.MeasureComment(Comment.Id));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        return await Input.SubmitAsync(this, comments, limits, text, ReportTarget.MeasureComment(Comment.Id),
            notice => Url.Page("/Strategie/Massnahme", new { id, hinweis = notice, kommentar = Comment.Id }) + $"#kommentar-{Comment.Id}");
    }

    /// <summary>A visible comment of the measure; a hidden one is not shown (nor its text) here either.</summary>
    private async Task<bool> LoadAsync(long id)
    {
        if (CommentId is not { } commentId || await strategy.DetailAsync(id) is not { } detail
            || detail.Comments.FirstOrDefault(c => c.Id == commentId && c.IsVisible) is not { } comment)
        {
            return false;
        }

        Detail = detail;
        Comment = comment;
        return true;
    }
}
