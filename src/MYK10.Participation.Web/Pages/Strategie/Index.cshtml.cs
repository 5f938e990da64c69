using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using MYK10.Participation.Strategy;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Strategie;

[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class IndexModel(StrategyStore strategy) : PageModel
{
    public IReadOnlyList<StrategyField> Fields { get; private set; } = [];

    public IReadOnlyList<Phase> Phases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Fields = await strategy.StructureAsync(includeDiscarded: false, cancellationToken: cancellationToken);
        Phases = await strategy.PhasesAsync(cancellationToken);
    }
}
