using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Ideas;
using MYK10.Participation.Moderation;
using MYK10.Participation.Web.Hosting;
using MYK10.Participation.Reference;

namespace MYK10.Participation.Web.Pages.Moderation;

/// <summary>The review page of one idea: every decision posts its own handler with the version the moderator saw.</summary>
public sealed class IdeeModel(
    ModerationStore moderation,
    ModerationService service,
    ReferenceStore reference,
    MYK10.Participation.Strategy.StrategyStore strategy,
    IStringLocalizer<ModerationResource> text,
    IStringLocalizer<IdeasResource> ideaText) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FromQuery(Name = "hinweis")]
    public string? Notice { get; set; }

    /// <summary>The queue's place filter the moderator came from: kept through every decision, so the next idea is in the same list.</summary>
    [FromQuery(Name = "gemeinde")]
    public string? QueueMunicipality { get; set; }

    /// <summary>The queue's field filter the moderator came from, kept like <see cref="QueueMunicipality"/>.</summary>
    [FromQuery(Name = "feld")]
    public string? QueueField { get; set; }

    public ReviewIdea Idea { get; private set; } = null!;

    public long AuthorIdeaCount { get; private set; }

    public IReadOnlyList<IdeaSummary> Duplicates { get; private set; } = [];

    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    public IReadOnlyList<FieldOfAction> Fields { get; private set; } = [];

    public IReadOnlyList<MYK10.Participation.Strategy.StrategyField> Strategy { get; private set; } = [];

    /// <summary>A possible duplicate chosen in the list: the merge form is filled with it and names it, and the moderator confirms there.</summary>
    [FromQuery(Name = "ziel")]
    public long? ProposedTarget { get; set; }

    /// <summary>The duplicate <see cref="ProposedTarget"/> names, when it is one of the list.</summary>
    public IdeaSummary? Proposed => ProposedTarget is { } target ? Duplicates.FirstOrDefault(d => d.Id == target) : null;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = new InputModel
        {
            Version = Idea.Version,
            FieldId = Idea.FieldId,
            MunicipalityId = Idea.MunicipalityId,
            Title = Idea.Title,
            Body = Idea.Body,
            Status = Idea.AnswerStatus,
            Answer = Idea.OfficialAnswer,
            // A new answer starts from the measures the idea went into, so keeping them needs no ticking again.
            MeasureIds = (await strategy.MeasuresOfIdeaAsync(id)).Select(m => m.Id).ToList(),
            TargetId = Proposed?.Id,
        };
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(long id) =>
        HandleAsync(id, version => service.PublishAsync(User.Actor(), id, version, Input.FieldId, Input.MunicipalityId), "published", toQueue: true);

    public Task<IActionResult> OnPostEditAsync(long id) =>
        HandleAsync(id, version => service.EditAsync(User.Actor(), id, version, Input.Title, Input.Body), "edited", toQueue: false);

    public Task<IActionResult> OnPostRejectAsync(long id) =>
        HandleAsync(id, version => service.RejectAsync(User.Actor(), id, version, Input.Reason, Input.Note), "rejected", toQueue: true);

    public Task<IActionResult> OnPostMergeAsync(long id) =>
        HandleAsync(id, version => Input.TargetId is { } target
            ? service.MergeAsync(User.Actor(), id, version, target)
            : Task.FromResult(ModerationResult.Invalid("target")), "merged", toQueue: true);

    public Task<IActionResult> OnPostRestoreAsync(long id) =>
        HandleAsync(id, version => service.RestoreAsync(User.Actor(), id, version, Input.Note), "restored", toQueue: false);

    public Task<IActionResult> OnPostAnswerAsync(long id) =>
        HandleAsync(id, version => service.AnswerAsync(User.Actor(), id, version, Input.Status, Input.Answer, Input.MeasureIds), "answered", toQueue: false);

    /// <summary>To the queue or back to the idea, with its notice and the queue's filters the moderator came with.</summary>
    private RedirectToPageResult Back(bool toQueue, long id, string notice) => toQueue
        ? RedirectToPage("/Moderation/Index", new { hinweis = notice, gemeinde = QueueMunicipality, feld = QueueField })
        : RedirectToPage("/Moderation/Idee", new { id, hinweis = notice, gemeinde = QueueMunicipality, feld = QueueField });

    private async Task<IActionResult> HandleAsync(long id, Func<long, Task<ModerationResult>> decide, string notice, bool toQueue)
    {
        // Without the version the moderator saw, nothing can tell a conflict from a form that lost a field: do nothing.
        // (A version that is missing, empty or no number binds as null.)
        if (Input.Version is not { } version)
        {
            if (!await LoadAsync(id))
            {
                return NotFound();
            }

            ModelState.Clear();
            ModelState.AddModelError(string.Empty, text["Review.FormIncomplete"]);
            Input.Version = Idea.Version;
            return Page();
        }

        var result = await decide(version);
        switch (result.Outcome)
        {
            case ModerationOutcome.Done:
                return Back(toQueue, id, notice);
            case ModerationOutcome.AlreadyDone:
                // The same decision was made a moment ago (often this moderator's own first click): say so, not "conflict".
                return Back(toQueue, id, $"already-{notice}");
            case ModerationOutcome.NotFound:
                // The form was loaded, so the idea existed: its author withdrew it or deleted their account meanwhile.
                return Back(toQueue: true, id, "gone");
            case ModerationOutcome.Conflict:
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, text["Review.Conflict", result.HandledBy!]);
                ViewData["ErrorSummaryTitle"] = text["Review.ConflictTitle"].Value;
                await LoadAsync(id);
                Input.Version = Idea.Version;
                return Page();
            default:
                // A merge without a target is refused before the idea is looked up: it may not exist at all.
                if (!await LoadAsync(id))
                {
                    return NotFound();
                }

                var (field, message) = ErrorFor(result.Error!);
                ModelState.AddModelError(field, message);
                return Page();
        }
    }

    private (string Field, string Message) ErrorFor(string error) => error switch
    {
        "reason" => ($"{nameof(Input)}.{nameof(Input.Reason)}", text["Reject.ReasonRequired"]),
        "note" => ($"{nameof(Input)}.{nameof(Input.Note)}", text["Reject.NoteTooLong"]),
        "restore_note" => ($"{nameof(Input)}.{nameof(Input.Note)}", text["Restore.NoteRequired"]),
        "target" => ($"{nameof(Input)}.{nameof(Input.TargetId)}", text["Merge.TargetInvalid"]),
        "status" => ($"{nameof(Input)}.{nameof(Input.Status)}", text["Answer.StatusRequired"]),
        "answer" => ($"{nameof(Input)}.{nameof(Input.Answer)}", text["Answer.TextRequired"]),
        "Title.Required" or "Title.TooShort" or "Title.TooLong" => ($"{nameof(Input)}.{nameof(Input.Title)}", ideaText[$"Error.{error}"]),
        "Body.Required" or "Body.TooShort" or "Body.TooLong" => ($"{nameof(Input)}.{nameof(Input.Body)}", ideaText[$"Error.{error}"]),
        _ => (string.Empty, text[$"Invalid.{error}"]),
    };

    private async Task<bool> LoadAsync(long id)
    {
        var idea = await moderation.ReviewAsync(id);
        if (idea is null)
        {
            return false;
        }

        Idea = idea;
        AuthorIdeaCount = await moderation.IdeasByAuthorAsync(idea.AuthorId);
        Duplicates = await moderation.DuplicatesAsync(idea);
        Municipalities = await reference.MunicipalitiesAsync();
        Fields = await reference.FieldsOfActionAsync();
        Strategy = idea.State == MYK10.Participation.Ideas.IdeaStates.Published ? await strategy.StructureAsync(includeDiscarded: false) : [];
        return true;
    }

    public sealed class InputModel
    {
        public long? Version { get; set; }

        public string? FieldId { get; set; }

        public string? MunicipalityId { get; set; }

        public string? Title { get; set; }

        public string? Body { get; set; }

        public string? Reason { get; set; }

        public string? Note { get; set; }

        public long? TargetId { get; set; }

        public string? Status { get; set; }

        public string? Answer { get; set; }

        public List<long> MeasureIds { get; set; } = [];
    }
}
