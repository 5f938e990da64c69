using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Ballots;
using MYK10.Participation.Reference;
using MYK10.Participation.Time;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Admin.Abstimmungen;

[EditorFormLimits]
public sealed class BearbeitenModel(VoteStore votes, VoteService service, ReferenceStore reference, MYK10.Participation.Strategy.StrategyStore strategy, TimeProvider clock, IStringLocalizer<VotesResource> text) : PageModel
{
    public const int OptionRows = 10;

    /// <summary>
    /// The values the form posts besides its options: the antiforgery token, thirteen settings (title to visibility), and
    /// the <c>__Invariant</c> marker the tag helpers add for each of the two times and five numbers.
    /// </summary>
    public const int FieldsBesideOptions = 21;

    /// <summary>Title, description, cost (with its <c>__Invariant</c> marker), ideas and the link to a measure.</summary>
    public const int FieldsPerOption = 6;

    /// <summary>The TempData key of a problem found before the page ran (see <see cref="EditorFormLimitsAttribute"/>).</summary>
    public const string ProblemKey = "VoteEditorProblem";

    private static readonly string[] NumberFields =
        [nameof(InputModel.MaxChoices), nameof(InputModel.TotalPoints), nameof(InputModel.MaxPointsPerOption), nameof(InputModel.Budget)];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    public long? Id { get; private set; }

    public bool Locked { get; private set; }

    /// <summary>Whether the end of the vote can still move on its own page (<see cref="LaufzeitModel"/>), where the editor is locked.</summary>
    public bool EndCanChange { get; private set; }

    /// <summary>Measures of the strategy that can become options (not discarded).</summary>
    public IReadOnlyList<MYK10.Participation.Strategy.StrategyField> Strategy { get; private set; } = [];

    /// <summary>The most values the largest form can post: every option filled and every one of <paramref name="measures"/> ticked.</summary>
    public static long MaxFormValues(long measures) => FieldsBesideOptions + (FieldsPerOption * (long)VoteDrafts.MaxOptions) + measures;

    /// <summary>Adds the chosen measures as options (title, text and cost copied, link kept); nothing is saved yet.</summary>
    public async Task<IActionResult> OnPostFromMeasuresAsync(long? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken, keepInput: true))
        {
            return NotFound();
        }

        ModelState.Clear();
        var taken = Input.Options.Where(o => o.MeasureId is not null).Select(o => o.MeasureId!.Value).ToHashSet();
        var picked = Input.PickMeasures.Where(m => !taken.Contains(m)).Distinct().ToList();
        var free = VoteDrafts.MaxOptions - Input.Options.Count(o => !o.IsEmpty);
        if (picked.Count > free)
        {
            ModelState.AddModelError("Input.PickMeasures", text["Admin.Problem.TooManyPicks", picked.Count, Math.Max(0, free), VoteDrafts.MaxOptions]);
            Input.Options.AddRange(Enumerable.Range(0, Math.Max(0, OptionRows - Input.Options.Count)).Select(_ => new OptionInput()));
            return Page();
        }

        foreach (var measureId in picked)
        {
            if (await strategy.MeasureAsync(measureId) is not { } measure)
            {
                continue;
            }

            var title = OneLine(measure.Title);
            var description = OneLine(measure.Description);
            var option = new OptionInput
            {
                Title = title.Length > 200 ? title[..200] : title,
                Description = description.Length > 5000 ? description[..5000] : description,
                Cost = measure.CostEuros,
                MeasureId = measure.Id,
            };
            var empty = Input.Options.FindIndex(o => o.IsEmpty);
            if (empty >= 0)
            {
                Input.Options[empty] = option;
            }
            else
            {
                Input.Options.Add(option);
            }
        }

        Input.PickMeasures.Clear();
        Input.Options.AddRange(Enumerable.Range(0, Math.Max(0, OptionRows - Input.Options.Count)).Select(_ => new OptionInput()));
        return Page();
    }

    /// <summary>
    /// A measure's paragraphs as one line: an option's fields are one-line inputs, and a browser drops the line breaks of
    /// such a field's value without a space, gluing the last word of a paragraph to the first of the next.
    /// </summary>
    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (TempData[ProblemKey] is string problem)
        {
            ModelState.AddModelError(string.Empty, text[problem]);
        }

        if (id is null)
        {
            var start = BerlinTime.ToBerlin(clock.GetUtcNow()).Date.AddDays(7).AddHours(8);
            Input = new InputModel { OpensAt = start, ClosesAt = start.AddDays(28) };
        }

        Input.Options.AddRange(Enumerable.Range(0, Math.Max(0, OptionRows - Input.Options.Count)).Select(_ => new OptionInput()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken, keepInput: true))
        {
            return NotFound();
        }

        if (Locked)
        {
            return Page();
        }

        GermanBindingMessages();
        for (var i = 0; i < Input.Options.Count; i++)
        {
            if (OptionInput.ParseIdeas(Input.Options[i].Ideas) is null)
            {
                ModelState.AddModelError($"Input.Options[{i}].Ideas", text["Admin.Problem.IdeaIds"]);
            }
        }

        var opensAt = ModelState.BerlinToUtc("Input.OpensAt", Input.OpensAt, day => text["Admin.Problem.TimeSkipped", day]);
        var closesAt = ModelState.BerlinToUtc("Input.ClosesAt", Input.ClosesAt, day => text["Admin.Problem.TimeSkipped", day]);
        var draft = Input.ToDraft(opensAt, closesAt);
        if (Input.OpensAt is null)
        {
            ModelState.AddModelError("Input.OpensAt", text["Admin.Problem.Date"]);
        }

        if (Input.ClosesAt is null)
        {
            ModelState.AddModelError("Input.ClosesAt", text["Admin.Problem.Date"]);
        }

        if (Municipalities.All(m => m.Id != Input.AudienceId))
        {
            ModelState.AddModelError("Input.AudienceId", text["Admin.Problem.UnknownAudience"]);
        }

        if (Input.MinBudgetSharePercent is < 0 or > 100)
        {
            ModelState.AddModelError("Input.MinBudgetSharePercent", text["Admin.Problem.Percent"]);
        }

        if (!ModelState.IsValid || draft is null)
        {
            AddProblems(draft is null ? [] : VoteDrafts.Check(draft));
            return Page();
        }

        var saved = id is { } existing ? await service.UpdateAsync(existing, draft, User.Actor(), cancellationToken) : await service.CreateAsync(draft, User.Actor(), cancellationToken);
        if (!saved.Succeeded)
        {
            Locked = saved.Problems.Count == 0;
            AddProblems(saved.Problems);
            return Page();
        }

        TempData["Message"] = "Admin.SavedDone";
        return RedirectToPage("/Admin/Abstimmungen/Index");
    }

    private async Task<bool> LoadAsync(long? id, CancellationToken cancellationToken, bool keepInput = false)
    {
        Municipalities = await reference.MunicipalitiesAsync(cancellationToken);
        Strategy = await strategy.StructureAsync(includeDiscarded: false, cancellationToken: cancellationToken);
        Id = id;
        if (id is null)
        {
            return true;
        }

        var vote = await votes.FindAsync(id.Value, cancellationToken);
        if (vote is null)
        {
            return false;
        }

        Locked = vote.Imported || (await votes.BallotCountsAsync(cancellationToken)).ContainsKey(vote.Id);
        EndCanChange = vote.EndCanChange(clock.GetUtcNow());
        if (!keepInput)
        {
            Input = InputModel.From(vote);
        }

        return true;
    }

    /// <summary>Model binding reports unreadable numbers in English; the form speaks German.</summary>
    private void GermanBindingMessages()
    {
        foreach (var field in NumberFields.Append(nameof(InputModel.MinBudgetSharePercent)))
        {
            var key = $"Input.{field}";
            if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                entry.Errors.Clear();
                ModelState.AddModelError(key, text[field == nameof(InputModel.MinBudgetSharePercent) ? "Admin.Problem.Percent" : "Admin.Problem.Number"]);
            }
        }

        foreach (var (key, entry) in ModelState.Where(e => e.Key.StartsWith("Input.Options[", StringComparison.Ordinal) && e.Value is { Errors.Count: > 0 }).ToList())
        {
            entry!.Errors.Clear();
            ModelState.AddModelError(key, text["Admin.Problem.Number"]);
        }
    }

    private void AddProblems(IReadOnlyList<VoteDraftProblem> problems)
    {
        foreach (var problem in problems)
        {
            var field = problem switch
            {
                VoteDraftProblem.TitleMissing or VoteDraftProblem.TooLong => nameof(InputModel.Title),
                VoteDraftProblem.MinimumShareOutOfRange => nameof(InputModel.MinBudgetSharePercent),
                VoteDraftProblem.ClosesBeforeOpens => nameof(InputModel.ClosesAt),
                VoteDraftProblem.MaxChoicesMissing => nameof(InputModel.MaxChoices),
                VoteDraftProblem.PointsMissing => nameof(InputModel.TotalPoints),
                VoteDraftProblem.BudgetMissing => nameof(InputModel.Budget),
                VoteDraftProblem.RuleNotAllowed => nameof(InputModel.Rule),
                VoteDraftProblem.UnknownAudience => nameof(InputModel.AudienceId),
                _ => nameof(InputModel.Options),
            };
            if (!ModelState.TryGetValue($"Input.{field}", out var entry) || entry.Errors.Count == 0)
            {
                ModelState.AddModelError($"Input.{field}", text[$"Admin.Problem.{problem}"]);
            }
        }

        Input.Options.AddRange(Enumerable.Range(0, Math.Max(0, OptionRows - Input.Options.Count)).Select(_ => new OptionInput()));
    }

    public sealed class InputModel
    {
        public string? Title { get; set; }

        public string? Explanation { get; set; }

        public string AudienceId { get; set; } = Municipality.CountyId;

        public DateTime? OpensAt { get; set; }

        public DateTime? ClosesAt { get; set; }

        public string Method { get; set; } = "budget";

        public int? MaxChoices { get; set; }

        public int? TotalPoints { get; set; }

        public int? MaxPointsPerOption { get; set; }

        public long? Budget { get; set; }

        public int? MinBudgetSharePercent { get; set; }

        public string? Rule { get; set; } = "greedy";

        public string Visibility { get; set; } = "after_close";

        public List<OptionInput> Options { get; set; } = [];

        /// <summary>Measures ticked in "take options from the strategy".</summary>
        public List<long> PickMeasures { get; set; } = [];

        /// <summary>The draft to check and save; null when the method or rule is not one of ours (a forged form).</summary>
        public VoteDraft? ToDraft(DateTimeOffset? opensAt, DateTimeOffset? closesAt)
        {
            VoteMethod method;
            AllocationRule? rule;
            try
            {
                method = VoteTexts.ParseMethod(Method);
                rule = VoteTexts.ParseRule(string.IsNullOrEmpty(Rule) ? null : Rule);
            }
            catch (FormatException)
            {
                return null;
            }

            var usesBudget = method == VoteMethod.Budget || rule is not null;
            return new VoteDraft(
                Title?.Trim() ?? string.Empty,
                Explanation?.Trim() ?? string.Empty,
                AudienceId,
                opensAt ?? DateTimeOffset.MinValue,
                closesAt ?? DateTimeOffset.MinValue,
                method,
                Options.Where(o => !o.IsEmpty)
                    .Select(o => new OptionDraft(o.Title?.Trim() ?? string.Empty, o.Description?.Trim() ?? string.Empty, o.Cost, OptionInput.ParseIdeas(o.Ideas) ?? [], o.MeasureId)).ToList(),
                method is VoteMethod.Approval or VoteMethod.Ranking ? MaxChoices : null,
                method == VoteMethod.Points ? TotalPoints : null,
                method == VoteMethod.Points ? MaxPointsPerOption : null,
                usesBudget ? Budget : null,
                method == VoteMethod.Budget && MinBudgetSharePercent is > 0 ? MinBudgetSharePercent : null,
                method is VoteMethod.YesNoAbstain or VoteMethod.Ranking ? null : rule,
                VoteTexts.ParseVisibility(Visibility));
        }

        public static InputModel From(Vote vote) => new()
        {
            Title = vote.Title,
            Explanation = vote.Explanation,
            AudienceId = vote.AudienceId,
            OpensAt = BerlinTime.ToBerlin(vote.OpensAt).DateTime,
            ClosesAt = BerlinTime.ToBerlin(vote.ClosesAt).DateTime,
            Method = vote.Method.ToText(),
            MaxChoices = vote.MaxChoices,
            TotalPoints = vote.TotalPoints,
            MaxPointsPerOption = vote.MaxPointsPerOption,
            Budget = vote.Budget,
            MinBudgetSharePercent = vote.MinBudgetSharePercent,
            Rule = vote.Rule?.ToText() ?? string.Empty,
            Visibility = vote.Visibility.ToText(),
            Options = vote.Options.Select(o => new OptionInput
            {
                Title = o.Title,
                Description = o.Description,
                Cost = o.Cost,
                Ideas = string.Join(", ", o.Ideas.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                MeasureId = o.MeasureId,
            }).ToList(),
        };
    }

    public sealed class OptionInput
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        public long? Cost { get; set; }

        public string? Ideas { get; set; }

        /// <summary>Set when the option was taken from a measure of the strategy; the link is kept on saving.</summary>
        public long? MeasureId { get; set; }

        /// <summary>A row left blank: not an option, and free for a measure taken from the strategy.</summary>
        public bool IsEmpty => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Description) && Cost is null;

        /// <summary>"12, 15" or "#12 #15" as ids; null when the text holds anything else.</summary>
        public static IReadOnlyList<long>? ParseIdeas(string? text)
        {
            var ids = new List<long>();
            foreach (var part in (text ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!long.TryParse(part.TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || id < 1)
                {
                    return null;
                }

                ids.Add(id);
            }

            return ids;
        }
    }
}
