using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Ballots;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Abstimmungen;

public sealed class BelegModel(VoteStore votes, BallotBox box, TimeProvider clock) : PageModel
{
    public Vote Vote { get; private set; } = null!;

    public AnonymousBallot? Ballot { get; private set; }

    /// <summary>The vote has ended: a ballot can no longer be cast or changed, only its result read.</summary>
    public bool Closed { get; private set; }

    [FromQuery(Name = "geaendert")]
    public string? Changed { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        // Not signed in: the sign-in page; signed in without a completed profile: the profile form (the sign-in page
        // would send a signed-in person straight back here).
        var (participant, detour) = this.RequireParticipant(Url.Page("/Abstimmungen/Beleg", new { id })!);
        if (participant is null)
        {
            return detour!;
        }

        var vote = await votes.FindAsync(id, cancellationToken);
        if (vote is null || !vote.Published)
        {
            return NotFound();
        }

        Vote = vote;
        Closed = vote.IsClosed(clock.GetUtcNow());
        Ballot = await box.FindAsync(id, participant.Value, cancellationToken);
        return Page();
    }
}
