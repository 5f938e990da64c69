using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Ballots;
using MYK10.Participation.Participants;
using MYK10.Participation.Reference;
using MYK10.Participation.Time;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Abstimmungen;

public sealed class AbstimmenModel(
    VoteStore votes,
    BallotBox box,
    ParticipantStore participants,
    ReferenceStore reference,
    IAuthorizationService authorization,
    TimeProvider clock,
    RateLimits limits,
    IStringLocalizer<VotesResource> text) : PageModel
{
    public enum BallotState
    {
        SignIn,
        CompleteProfile,
        NotYetOpen,
        Closed,
        NotInAudience,
        CanVote,
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Vote Vote { get; private set; } = null!;

    public BallotState State { get; private set; }

    /// <summary>The options in this participant's order (published order when nobody is signed in).</summary>
    public IReadOnlyList<VoteOption> Options { get; private set; } = [];

    public string? ExistingReceipt { get; private set; }

    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    public string? Status { get; private set; }

    public ILookup<long, LinkedIdea> Ideas { get; private set; } = Array.Empty<LinkedIdea>().ToLookup(i => i.OptionId);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (State == BallotState.CanVote)
        {
            var mine = await box.FindAsync(id, User.ParticipantId()!.Value, cancellationToken);
            ExistingReceipt = mine?.ReceiptCode;
            Input = InputModel.From(Options, mine?.Choices ?? []);
            Status = VoteDisplay.Status(Vote, mine?.Choices ?? [], text);
        }

        return await PageWithIdeasAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (State is BallotState.SignIn or BallotState.CompleteProfile)
        {
            return Challenge(Policies.ParticipantScheme);
        }

        var participantId = User.ParticipantId()!.Value;
        var choices = Input.Choices(Vote.Method);
        var decision = await limits.TryAcquireAsync(RateLimitNames.Ballot, participantId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var result = decision.Allowed ? await box.CastAsync(Vote, participantId, choices, cancellationToken) : null;
        if (result is { Succeeded: true })
        {
            return RedirectToPage("/Abstimmungen/Beleg", new { id, geaendert = result.Replaced ? "1" : null });
        }

        if (!decision.Allowed)
        {
            ModelState.AddModelError(string.Empty, text["Ballot.TooMany", BerlinTime.Format(decision.RetryAt!.Value), decision.Limit]);
        }

        foreach (var problem in result?.Problems ?? [])
        {
            ModelState.AddModelError("Input.Items", VoteDisplay.Problem(problem, Vote, choices, Municipalities, text));
        }

        ExistingReceipt = (await box.FindAsync(id, participantId, cancellationToken))?.ReceiptCode;
        Input = InputModel.Align(Options, Input);
        Status = VoteDisplay.Status(Vote, choices.Where(c => Vote.Options.Any(o => o.Id == c.OptionId)).ToList(), text);
        return await PageWithIdeasAsync(id, cancellationToken);
    }

    /// <summary>The page, with the ideas each option grew from (read only when the page is shown, not for an accepted ballot).</summary>
    private async Task<PageResult> PageWithIdeasAsync(long id, CancellationToken cancellationToken)
    {
        Ideas = (await votes.LinkedIdeasAsync(id, cancellationToken)).ToLookup(i => i.OptionId);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var vote = await votes.FindAsync(id, cancellationToken);
        if (vote is null || !vote.Published)
        {
            return false;
        }

        Vote = vote;
        Municipalities = await reference.MunicipalitiesAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var participantId = User.ParticipantId();
        Options = participantId is { } p ? BallotBox.OrderFor(vote, p) : vote.Options;
        if (vote.IsClosed(now))
        {
            State = BallotState.Closed;
        }
        else if (vote.OpensAt > now)
        {
            State = BallotState.NotYetOpen;
        }
        else if (participantId is null)
        {
            State = BallotState.SignIn;
        }
        else if (!(await authorization.AuthorizeAsync(User, Policies.Participant)).Succeeded)
        {
            State = BallotState.CompleteProfile;
        }
        else if (vote.AudienceId != Municipality.CountyId
                 && (await participants.FindAsync(participantId.Value, cancellationToken))?.MunicipalityId != vote.AudienceId)
        {
            State = BallotState.NotInAudience;
        }
        else
        {
            State = BallotState.CanVote;
        }

        return true;
    }

    public sealed class InputModel
    {
        public List<Item> Items { get; set; } = [];

        /// <summary>The marks the form carries, read by the method's rules; empty fields mean "not chosen".</summary>
        public IReadOnlyList<BallotChoice> Choices(VoteMethod method) => method switch
        {
            VoteMethod.Approval or VoteMethod.Budget => Items.Where(i => i.Selected).Select(i => new BallotChoice(i.OptionId, 1)).ToList(),
            VoteMethod.Points => Items.Where(i => i.Value is not null and not 0).Select(i => new BallotChoice(i.OptionId, i.Value!.Value)).ToList(),
            _ => Items.Where(i => i.Value is not null).Select(i => new BallotChoice(i.OptionId, i.Value!.Value)).ToList(),
        };

        public static InputModel From(IReadOnlyList<VoteOption> options, IReadOnlyList<BallotChoice> choices) => new()
        {
            Items = options.Select(o =>
            {
                var choice = choices.FirstOrDefault(c => c.OptionId == o.Id);
                return new Item { OptionId = o.Id, Selected = choice is not null, Value = choice?.Value };
            }).ToList(),
        };

        /// <summary>The posted values in the order of <paramref name="options"/>; posted ids that are not options are dropped.</summary>
        public static InputModel Align(IReadOnlyList<VoteOption> options, InputModel posted) => new()
        {
            Items = options.Select(o => posted.Items.FirstOrDefault(i => i.OptionId == o.Id) ?? new Item { OptionId = o.Id }).ToList(),
        };
    }

    public sealed class Item
    {
        public long OptionId { get; set; }

        public bool Selected { get; set; }

        public int? Value { get; set; }
    }
}
