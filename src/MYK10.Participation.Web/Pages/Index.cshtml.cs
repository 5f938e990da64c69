using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using MYK10.Participation.Ideas;
using MYK10.Participation.Reference;
using MYK10.Participation.Strategy;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages;

[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class IndexModel(ReferenceStore reference, IdeaStore ideas, StrategyStore strategy) : PageModel
{
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
    }
}
