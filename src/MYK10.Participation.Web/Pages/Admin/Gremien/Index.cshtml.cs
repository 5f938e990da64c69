using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Digests;

namespace MYK10.Participation.Web.Pages.Admin.Gremien;

public sealed class IndexModel(CouncilStore councils) : PageModel
{
    [FromQuery(Name = "hinweis")]
    public string? Notice { get; set; }

    public IReadOnlyList<CouncilListItem> Councils { get; private set; } = [];

    public async Task OnGetAsync() => Councils = await councils.ListAsync();
}
