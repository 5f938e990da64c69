using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Strategy;

namespace MYK10.Participation.Web.Pages.Strategie;

/// <summary>The whole current strategy as one printable document.</summary>
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
