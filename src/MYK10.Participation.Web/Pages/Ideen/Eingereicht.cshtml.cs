using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Ideas;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Ideen;

public sealed class EingereichtModel(IdeaStore ideas) : PageModel
{
    public IdeaDetail Idea { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var idea = await ideas.FindAsync(id);
        if (idea is null || idea.AuthorId != User.ParticipantId())
        {
            return NotFound();
        }

        Idea = idea;
        return Page();
    }
}
