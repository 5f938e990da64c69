using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Comments;
using MYK10.Participation.Ideas;
using MYK10.Participation.Participants;
using MYK10.Participation.Time;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Ideen;

[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class DetailModel(IdeaStore ideas, IdeaService service, ParticipantStore participants, CommentService comments, MYK10.Participation.Strategy.StrategyStore strategy, RateLimits limits, IStringLocalizer<IdeasResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FromQuery(Name = "hinweis")]
    public string? Notice { get; set; }

    /// <summary>The comment a report notice is about (the report page's redirect names it), so the notice stands at it.</summary>
    [FromQuery(Name = "kommentar")]
    public long? NoticeCommentId { get; set; }

    public IdeaDetail Idea { get; private set; } = null!;

    public IReadOnlyList<IdeaComment> Comments { get; private set; } = [];

    public long? ParticipantId => User.ParticipantId();

    public bool Supports { get; private set; }

    public IReadOnlyList<(long Id, string Title)> Measures { get; private set; } = [];

    public bool IsAuthor => Idea.AuthorId == ParticipantId;

    /// <summary>Just supported, with mails about the answer on: the support notice says a mail will come, and where to change that.</summary>
    public bool AnnouncesAnswerMail { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostSupportAsync(long id) => await SupportAsync(id, support: true);

    public async Task<IActionResult> OnPostWithdrawAsync(long id) => await SupportAsync(id, support: false);

    public async Task<IActionResult> OnPostCommentAsync(long id)
    {
        var (participant, detour) = this.RequireParticipant(Url.Page("/Ideen/Detail", new { id })! + "#kommentieren");
        if (participant is null)
        {
            return detour!;
        }

        if (Honeypot.IsTripped(Request))
        {
            return RedirectToPage("/Ideen/Detail", new { id, hinweis = "kommentiert" });
        }

        if (await CommentGate.ProblemAsync(limits, text, participant.Value, Input.Comment) is { } problem)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Comment)}", problem);
            return await LoadAsync(id) ?? Page();
        }

        var (outcome, commentId) = await service.CommentAsync(participant.Value, id, Input.Comment, Input.FormKey);
        return outcome == ContributionOutcome.Done
            ? Redirect(Url.Page("/Ideen/Detail", new { id, hinweis = "kommentiert" }) + $"#kommentar-{commentId}")
            : NotFound();
    }

    public Task<IActionResult> OnPostDeleteCommentAsync(long id, long commentId) =>
        this.DeleteOwnCommentAsync(comments, CommentThread.Idea, "/Ideen/Detail", id, commentId);

    private async Task<IActionResult> SupportAsync(long id, bool support)
    {
        var (participant, detour) = this.RequireParticipant(Url.Page("/Ideen/Detail", new { id })!);
        if (participant is null)
        {
            return detour!;
        }

        var decision = await limits.TryAcquireAsync(RateLimitNames.Support, participant.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!decision.Allowed)
        {
            ModelState.AddModelError(string.Empty, text["Detail.TooManyWrites", BerlinTime.Format(decision.RetryAt!.Value)]);
            return await LoadAsync(id) ?? Page();
        }

        var result = await service.SetSupportAsync(participant.Value, id, support);
        return result.Outcome switch
        {
            SupportOutcome.NotAvailable => NotFound(),
            SupportOutcome.OwnIdea => RedirectToPage("/Ideen/Detail", new { id }),
            _ => Redirect(Url.Page("/Ideen/Detail", new { id, hinweis = support ? "unterstuetzt" : "zurueckgezogen" }) + "#unterstuetzen"),
        };
    }

    /// <summary>Null when the page can render; otherwise 404 (unknown, or not public and not the author's) or the redirect of a merged idea.</summary>
    private async Task<IActionResult?> LoadAsync(long id)
    {
        var idea = await ideas.FindAsync(id);
        if (idea?.MergedIntoId is { } target)
        {
            return RedirectToPagePermanent("/Ideen/Detail", new { id = target });
        }

        if (idea is { State: IdeaStates.Pending or IdeaStates.Rejected } && User.ParticipantId() is null)
        {
            // The link in the submission and rejection mails: only the author may read it, so sign in first and come back.
            return this.RequireParticipant(IdeaPaths.Detail(id)).Detour;
        }

        // A hidden idea stays readable for its author, whose account lists it; for everyone else it is gone.
        var ownUnpublished = idea is { State: IdeaStates.Pending or IdeaStates.Rejected or IdeaStates.Hidden } && idea.AuthorId == User.ParticipantId();
        if (idea is null || (!idea.IsPublished && !ownUnpublished))
        {
            return NotFound();
        }

        Idea = idea;
        Comments = idea.IsPublished ? await ideas.CommentsAsync(id) : [];
        Supports = ParticipantId is { } participant && await ideas.HasSupportedAsync(id, participant);
        AnnouncesAnswerMail = Supports && Notice == "unterstuetzt" && idea.IsPublished
            && await participants.FindAsync(ParticipantId!.Value) is { WantsSupportedAnswerMails: true };
        // The measures that took an idea up are shown with its official answer only.
        Measures = idea.IsPublished && idea.OfficialAnswer is not null ? await strategy.MeasuresOfIdeaAsync(id) : [];
        return null;
    }

    public sealed class InputModel
    {
        public string? Comment { get; set; }

        /// <summary>The comment form's one-time key, kept across a validation error; new for each rendered form.</summary>
        public string? FormKey { get; set; }
    }
}
