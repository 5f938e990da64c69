using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Ballots;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Abstimmungen;

public sealed class BelegModel(VoteStore votes, BallotBox box, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public Vote Vote { get; private set; } = null!;

    public AnonymousBallot? Ballot { get; private set; }

    /// <summary>The vote has ended: a ballot can no longer be cast or changed, only its result read.</summary>
    public bool Closed { get; private set; }

    [FromQuery(Name = "geaendert")]
    public string? Changed { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Participant)).Succeeded)
        {
            return Challenge(Policies.ParticipantScheme);
        }

        var vote = await votes.FindAsync(id, cancellationToken);
        if (vote is null || !vote.Published)
        {
            return NotFound();
        }

        Vote = vote;
        Closed = vote.IsClosed(clock.GetUtcNow());
        Ballot = await box.FindAsync(id, User.ParticipantId()!.Value, cancellationToken);
        return Page();
    }
}
