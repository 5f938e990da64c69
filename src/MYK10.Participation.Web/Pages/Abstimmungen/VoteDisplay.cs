using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Ballots;
using MYK10.Participation.Reference;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Abstimmungen;

/// <summary>How votes, ballots and problems read in German (or English) on the pages.</summary>
public static class VoteDisplay
{
    public static string Method(Vote vote, IStringLocalizer<VotesResource> s)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(s);
        return vote.Method switch
        {
            VoteMethod.Approval => s["Method.approval", vote.MaxChoices ?? vote.Options.Count],
            VoteMethod.Points => s["Method.points", vote.TotalPoints ?? 0, vote.MaxPointsPerOption ?? 0],
            VoteMethod.Ranking => s["Method.ranking", vote.MaxChoices ?? vote.Options.Count],
            VoteMethod.Budget => s["Method.budget", Money.Euro(vote.Budget ?? 0)],
            _ => s["Method.yes_no_abstain"],
        };
    }

    public static string Audience(Vote vote, IReadOnlyList<Municipality> municipalities, IStringLocalizer<VotesResource> s)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(s);
        return vote.AudienceId == Municipality.CountyId
            ? s["Audience.County"]
            : s["Audience.Only", AudienceName(vote, municipalities)];
    }

    /// <summary>A vote's state in the admins' list: a published one says whether it has not begun, runs or has ended.</summary>
    public static string AdminState(Vote vote, DateTimeOffset now, IStringLocalizer<VotesResource> s)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(s);
        return vote switch
        {
            { Imported: true } => s["Admin.Imported"],
            { Published: false } => s["Admin.Draft"],
            _ when vote.IsClosed(now) => s["Admin.Ended"],
            _ when vote.IsOpen(now) => s["Admin.Running"],
            _ => s["Admin.Upcoming"],
        };
    }

    public static string AudienceName(Vote vote, IReadOnlyList<Municipality> municipalities) =>
        municipalities.FirstOrDefault(m => m.Id == vote.AudienceId)?.Name ?? vote.AudienceId;

    /// <summary>A ballot's marks in one line, for example "1. Rufbus, 2. Radwege"; the measures' titles marked as German.</summary>
    public static IHtmlContent Choices(Vote vote, IReadOnlyList<BallotChoice> choices, IStringLocalizer<VotesResource> s)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(s);
        if (choices.Count == 0)
        {
            return TextFormatting.Finished(new HtmlContentBuilder().Append(s["Result.EmptyBallot"]));
        }

        var titles = vote.Options.ToDictionary(o => o.Id, o => o.Title);
        IHtmlContent Title(long id) => ContentLanguage.Part(titles.TryGetValue(id, out var t) ? t : id.ToString(CultureInfo.InvariantCulture));
        var parts = vote.Method switch
        {
            VoteMethod.Ranking => choices.OrderBy(c => c.Value).Select(c => ContentLanguage.Sentence(s["Choice.Rank"], c.Value, Title(c.OptionId))),
            VoteMethod.Points => choices.OrderByDescending(c => c.Value).Select(c => ContentLanguage.Sentence(s["Choice.Points"], c.Value, Title(c.OptionId))),
            VoteMethod.YesNoAbstain => choices.OrderBy(c => Position(vote, c.OptionId)).Select(c =>
                ContentLanguage.Sentence(s[c.Value > 0 ? "Choice.Yes" : c.Value < 0 ? "Choice.No" : "Choice.Abstain"], Title(c.OptionId))),
            _ => choices.OrderBy(c => Position(vote, c.OptionId)).Select(c => Title(c.OptionId)),
        };
        return TextFormatting.Join("; ", parts);
    }

    private static int Position(Vote vote, long optionId) => vote.Options.FirstOrDefault(o => o.Id == optionId)?.Position ?? int.MaxValue;

    /// <summary>The German message for a refused ballot, with the numbers that matter.</summary>
    public static string Problem(BallotProblem problem, Vote vote, IReadOnlyList<BallotChoice> choices, IReadOnlyList<Municipality> municipalities, IStringLocalizer<VotesResource> s)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(s);
        var spend = choices.Sum(c => vote.Options.FirstOrDefault(o => o.Id == c.OptionId)?.Cost ?? 0);
        return problem switch
        {
            BallotProblem.TooManyChoices => s["Problem.TooManyChoices", vote.MaxChoices ?? 0],
            BallotProblem.PointsOverTotal => s["Problem.PointsOverTotal", vote.TotalPoints ?? 0],
            BallotProblem.PointsOverMaximum => s["Problem.PointsOverMaximum", vote.MaxPointsPerOption ?? 0],
            BallotProblem.OverBudget => s["Problem.OverBudget", Money.Euro(spend), Money.Euro(vote.Budget ?? 0)],
            BallotProblem.BelowMinimumShare => s["Problem.BelowMinimumShare", Money.Euro(spend), Money.Euro(vote.Rules.MinimumSpend)],
            BallotProblem.NotInAudience => s["Problem.NotInAudience", AudienceName(vote, municipalities)],
            _ => s[$"Problem.{problem}"],
        };
    }

    /// <summary>The constraint status line ("points left", "budget left"), shown by the server and kept current by the script.</summary>
    public static string? Status(Vote vote, IReadOnlyList<BallotChoice> choices, IStringLocalizer<VotesResource> s)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(s);
        switch (vote.Method)
        {
            case VoteMethod.Points:
                var total = vote.TotalPoints ?? 0;
                // Over the total no point is left (the problem is said beside it), as with the budget.
                return s["Vote.PointsLeft", Math.Max(0, total - choices.Sum(c => c.Value)), total];
            case VoteMethod.Budget:
                var budget = vote.Budget ?? 0;
                var spend = choices.Sum(c => vote.Options.FirstOrDefault(o => o.Id == c.OptionId)?.Cost ?? 0);
                // Over the budget nothing is left (the problem is said beside it), as the script says it.
                return s["Vote.BudgetLeft", Money.Euro(spend), Money.Euro(budget), Money.Euro(Math.Max(0, budget - spend))];
            case VoteMethod.Approval:
                return s["Vote.ChoicesLeft", choices.Count, vote.MaxChoices ?? vote.Options.Count];
            default:
                return null;
        }
    }
}
