using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Ballots;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Admin.Abstimmungen;

public sealed class IndexModel(VoteStore votes, VoteService service) : PageModel
{
    public IReadOnlyList<Vote> Votes { get; private set; } = [];

    public IReadOnlyDictionary<long, long> Ballots { get; private set; } = new Dictionary<long, long>();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Votes = await votes.ListAsync(publishedOnly: false, cancellationToken);
        Ballots = await votes.BallotCountsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(long id, CancellationToken cancellationToken)
    {
        if (await service.PublishAsync(id, User.Actor(), cancellationToken))
        {
            Message = "Admin.PublishedDone";
        }

        return RedirectToPage();
    }
}
