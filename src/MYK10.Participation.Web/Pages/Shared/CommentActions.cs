using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Comments;
using MYK10.Participation.Ideas;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages;

/// <summary>Handlers shared by the pages that show a comment thread (<c>/Ideen/Detail</c>, <c>/Strategie/Massnahme</c>).</summary>
public static class CommentActions
{
    /// <summary>The author withdraws a comment of <paramref name="id"/>: back to its placeholder on <paramref name="pageName"/>, or 404.</summary>
    public static async Task<IActionResult> DeleteOwnCommentAsync(this PageModel page, CommentService comments, CommentThread thread, string pageName, long id, long commentId)
    {
        var (participant, detour) = page.RequireParticipant(page.Url.Page(pageName, new { id })!);
        if (participant is null)
        {
            return detour!;
        }

        return await comments.DeleteOwnAsync(thread, participant.Value, id, commentId) == ContributionOutcome.Done
            ? new RedirectResult(page.Url.Page(pageName, new { id, hinweis = "geloescht" }) + $"#kommentar-{commentId}")
            : page.NotFound();
    }
}
