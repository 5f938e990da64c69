using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using MYK10.Participation.Strategy;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Strategie;

[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class FeldModel(StrategyStore strategy) : PageModel
{
    public StrategyField Field { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string feld)
    {
        var fields = await strategy.StructureAsync(includeDiscarded: true, fieldId: feld);
        if (fields.Count == 0)
        {
            return NotFound();
        }

        Field = fields[0];
        return Page();
    }
}
