using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Strategy;

namespace MYK10.Participation.Web.Pages.Admin.Strategie;

public sealed class IndexModel(StrategyStore strategy) : PageModel
{
    [FromQuery(Name = "hinweis")]
    public string? Notice { get; set; }

    public IReadOnlyList<StrategyField> Fields { get; private set; } = [];

    public async Task OnGetAsync() => Fields = await strategy.StructureAsync();
}
