using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Ballots;
using MYK10.Participation.Time;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Admin.Abstimmungen;

/// <summary>
/// The end of a published vote that has not ended, also one with ballots (whose settings and options stay as they are):
/// moved to another time, or set to now with a reason for the admin log.
/// </summary>
public sealed class LaufzeitModel(VoteStore votes, VoteService service, TimeProvider clock, IStringLocalizer<VotesResource> text) : PageModel
{
    /// <summary>The key and id of the tick that confirms ending the vote now.</summary>
    public const string EndConfirmId = "confirm-end";

    /// <summary>The most a reason can hold: the admin log keeps up to 1,000 characters of details.</summary>
    public const int ReasonMaxLength = 1000;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Vote Vote { get; private set; } = null!;

    public long Ballots { get; private set; }

    /// <summary>The moment the page is shown, which tells running, upcoming and ended votes apart.</summary>
    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input.ClosesAt = BerlinTime.ToBerlin(Vote.ClosesAt).DateTime;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var closesAt = ModelState.BerlinToUtc("Input.ClosesAt", Input.ClosesAt, day => text["Admin.Problem.TimeSkipped", day]);
        if (Input.ClosesAt is null && ModelState.GetFieldValidationState("Input.ClosesAt") != ModelValidationState.Invalid)
        {
            ModelState.AddModelError("Input.ClosesAt", text["Admin.Problem.Date"]);
        }

        if (closesAt is null || !ModelState.IsValid)
        {
            return Page();
        }

        var problem = await service.ChangeEndAsync(id, closesAt.Value, User.Actor(), cancellationToken);
        if (problem == VoteEndProblem.EndCannotChange)
        {
            return await ReloadAsync(id, "Admin.Problem.EndCannotChange", cancellationToken);
        }

        if (problem is not null)
        {
            ModelState.AddModelError("Input.ClosesAt", text[$"Admin.Problem.{problem}"]);
            return Page();
        }

        TempData["Message"] = "Admin.EndChangedDone";
        return RedirectToPage("/Admin/Abstimmungen/Index");
    }

    /// <summary>Ending now cannot be taken back: it takes a reason for the log and a tick, as publishing does.</summary>
    public async Task<IActionResult> OnPostEndAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Remove("Input.ClosesAt");
        Input.ClosesAt = BerlinTime.ToBerlin(Vote.ClosesAt).DateTime;
        if (string.IsNullOrWhiteSpace(Input.Reason))
        {
            ModelState.AddModelError("Input.Reason", text["Admin.Problem.ReasonMissing"]);
        }
        else if (Input.Reason.Trim().Length > ReasonMaxLength)
        {
            ModelState.AddModelError("Input.Reason", text["Admin.Problem.ReasonTooLong", ReasonMaxLength]);
        }

        if (!Input.ConfirmEnd)
        {
            ModelState.AddModelError(EndConfirmId, text["Admin.EndConfirmMissing"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await service.EndNowAsync(id, Input.Reason!, User.Actor(), cancellationToken))
        {
            return await ReloadAsync(id, "Admin.Problem.EndCannotChange", cancellationToken);
        }

        TempData["Message"] = "Admin.EndedNowDone";
        return RedirectToPage("/Admin/Abstimmungen/Index");
    }

    /// <summary>The page again, as the vote now is (it ended or changed meanwhile), with <paramref name="problem"/> for the form.</summary>
    private async Task<IActionResult> ReloadAsync(long id, string problem, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.AddModelError(string.Empty, text[problem]);
        return Page();
    }

    /// <summary>Published votes of the site only: a draft is changed in the editor, and an imported vote never runs.</summary>
    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await votes.FindAsync(id, cancellationToken) is not { Published: true, Imported: false } vote)
        {
            return false;
        }

        Vote = vote;
        Ballots = (await votes.BallotCountsAsync(cancellationToken)).GetValueOrDefault(id);
        return true;
    }

    public sealed class InputModel
    {
        public DateTime? ClosesAt { get; set; }

        public string? Reason { get; set; }

        public bool ConfirmEnd { get; set; }
    }
}
