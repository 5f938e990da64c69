using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Strategy;

namespace MYK10.Participation.Web.Pages.Strategie;

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
