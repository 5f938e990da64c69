using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Ballots;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Admin.Abstimmungen;

public sealed class IndexModel(VoteStore votes, VoteService service, IStringLocalizer<VotesResource> text, TimeProvider clock) : PageModel
{
    /// <summary>The moment the list is shown, which tells running, upcoming and ended votes apart.</summary>
    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    /// <summary>The key of a draft's publishing tick: its error opens that draft's box again.</summary>
    public static string PublishConfirmId(long id) => $"confirm-publish-{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public IReadOnlyList<Vote> Votes { get; private set; } = [];

    public IReadOnlyDictionary<long, long> Ballots { get; private set; } = new Dictionary<long, long>();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Votes = await votes.ListAsync(publishedOnly: false, cancellationToken);
        Ballots = await votes.BallotCountsAsync(cancellationToken);
    }

    /// <summary>
    /// Publishing cannot be taken back, and a vote whose period has begun is open at once: it takes a tick, as opening a
    /// survey does.
    /// </summary>
    public async Task<IActionResult> OnPostPublishAsync(long id, [FromForm(Name = "Input.ConfirmPublish")] bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            ModelState.AddModelError(PublishConfirmId(id), text["Admin.PublishConfirmMissing"]);
            await OnGetAsync(cancellationToken);
            return Page();
        }

        if (await service.PublishAsync(id, User.Actor(), cancellationToken))
        {
            Message = "Admin.PublishedDone";
        }

        return RedirectToPage();
    }
}
