using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Ideas;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Ideen;

/// <summary>
/// The author's own idea for its edit and withdrawal pages: nobody else learns that it exists (404), and once the
/// moderation has decided on it, the page says so instead of showing its form (403).
/// </summary>
internal static class OwnPendingIdea
{
    /// <returns>The idea (null when it is not the signed-in participant's), and what to answer instead of the form, if anything.</returns>
    public static async Task<(OwnIdea? Idea, IActionResult? Instead)> LoadAsync(PageModel page, IdeaStore ideas, long id)
    {
        var idea = await ideas.OwnAsync(page.User.ParticipantId()!.Value, id, page.HttpContext.RequestAborted);
        if (idea is null)
        {
            return (null, page.NotFound());
        }

        if (!idea.IsPending)
        {
            page.Response.StatusCode = StatusCodes.Status403Forbidden;
            return (idea, page.Page());
        }

        return (idea, null);
    }
}
