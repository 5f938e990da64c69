using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using MYK10.Participation.Ballots;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Abstimmungen;

[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class IndexModel(VoteStore votes, BallotBox ballots, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Vote> Open { get; private set; } = [];

    public IReadOnlyList<Vote> Upcoming { get; private set; } = [];

    public IReadOnlyList<Vote> Closed { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    /// <summary>The open votes in which the signed-in participant has already voted (none for visitors).</summary>
    public IReadOnlySet<long> Cast { get; private set; } = new HashSet<long>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        var published = await votes.ListAsync(publishedOnly: true, cancellationToken);
        Open = published.Where(v => v.IsOpen(Now)).OrderBy(v => v.ClosesAt).ToList();
        Upcoming = published.Where(v => v.OpensAt > Now).OrderBy(v => v.OpensAt).ToList();
        Closed = published.Where(v => v.IsClosed(Now)).ToList();
        // Signed-in pages are not stored in the page cache (PageCache), so the mark is never shown to anyone else.
        if (User.ParticipantId() is { } participantId)
        {
            Cast = await ballots.CastInAsync(participantId, Open.Select(v => v.Id).ToList(), cancellationToken);
        }
    }
}
