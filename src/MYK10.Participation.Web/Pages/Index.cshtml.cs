using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using MYK10.Participation.Ballots;
using MYK10.Participation.Ideas;
using MYK10.Participation.Reference;
using MYK10.Participation.Strategy;
using MYK10.Participation.Surveys;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages;

[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class IndexModel(ReferenceStore reference, IdeaStore ideas, StrategyStore strategy, SurveyStore surveys, VoteStore votes, TimeProvider clock) : PageModel
{
    /// <summary>How many open surveys and votes the start page names at most; the lists link to the rest.</summary>
    public const int CurrentCount = 3;

    public IReadOnlyList<SurveySummary> OpenSurveys { get; private set; } = [];

    public IReadOnlyList<Vote> OpenVotes { get; private set; } = [];

    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    public IReadOnlyList<FieldOfAction> Fields { get; private set; } = [];

    public IReadOnlyList<IdeaSummary> LatestIdeas { get; private set; } = [];

    public IdeaFigures Figures { get; private set; } = new(0, 0, 0, 0);

    public IReadOnlyList<Phase> Phases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Municipalities = await reference.MunicipalitiesAsync(cancellationToken);
        Fields = await reference.FieldsOfActionAsync(cancellationToken);
        LatestIdeas = await ideas.LatestAsync(4, cancellationToken);
        Figures = await ideas.FiguresAsync(cancellationToken);
        Phases = await strategy.PhasesAsync(cancellationToken);
        var now = clock.GetUtcNow();
        OpenSurveys = (await surveys.ListAsync([SurveyStatus.Open], cancellationToken: cancellationToken, countResponses: false))
            .Where(s => s.AcceptsAnswers(now))
            .OrderBy(s => s.ClosesAt ?? DateTimeOffset.MaxValue).Take(CurrentCount).ToList();
        OpenVotes = (await votes.ListAsync(publishedOnly: true, cancellationToken)).Where(v => v.IsOpen(now))
            .OrderBy(v => v.ClosesAt).Take(CurrentCount).ToList();
    }
}
