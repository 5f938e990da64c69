using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using MYK10.Participation.Strategy;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Strategie;

/// <summary>The whole current strategy as one printable document.</summary>
[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class DruckModel(StrategyStore strategy) : PageModel
{
    public IReadOnlyList<StrategyField> Fields { get; private set; } = [];

    public StrategyRevision Revision { get; private set; } = new(0, DateTimeOffset.MinValue);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Fields = await strategy.StructureAsync(includeDiscarded: false, cancellationToken: cancellationToken);
        Revision = await strategy.RevisionAsync();
    }
}
