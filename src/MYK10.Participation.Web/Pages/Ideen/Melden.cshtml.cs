using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Comments;
using MYK10.Participation.Ideas;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Ideen;

public sealed class MeldenModel(IdeaStore ideas, CommentService comments, RateLimits limits, IStringLocalizer<IdeasResource> text) : PageModel
{
    [BindProperty]
    public ReportInput Input { get; set; } = new();

    [FromQuery(Name = "kommentar")]
    public long? CommentId { get; set; }

    public IdeaDetail Idea { get; private set; } = null!;

    public IdeaComment? Comment { get; private set; }

    /// <summary>The participant has reported this already: the page says so instead of offering the form again.</summary>
    public bool AlreadyReported { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        AlreadyReported = await comments.HasReportedAsync(User.ParticipantId()!.Value, Target(id));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var target = Target(id);
        var anchor = Comment is null ? string.Empty : $"#kommentar-{Comment.Id}";
        return await Input.SubmitAsync(this, comments, limits, text, target, notice => Url.Page("/Ideen/Detail", new { id, hinweis = notice, kommentar = Comment?.Id }) + anchor);
    }

    private ReportTarget Target(long id) => Comment is null ? ReportTarget.Idea(id) : ReportTarget.IdeaComment(id, Comment.Id);

    /// <summary>A published idea, or one of its visible comments: the text of a hidden one is not shown here either.</summary>
    private async Task<bool> LoadAsync(long id)
    {
        var idea = await ideas.FindAsync(id);
        if (idea is null || !idea.IsPublished)
        {
            return false;
        }

        // A comment number that is no number must not turn the page into a report of the idea itself.
        if (CommentId is null && Request.Query.ContainsKey("kommentar"))
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
}
