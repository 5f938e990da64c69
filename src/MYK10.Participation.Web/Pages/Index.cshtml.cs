using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Reference;

namespace MYK10.Participation.Web.Pages;

public sealed class IndexModel(ReferenceStore reference) : PageModel
{
    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    public IReadOnlyList<FieldOfAction> Fields { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Municipalities = await reference.MunicipalitiesAsync(cancellationToken);
        Fields = await reference.FieldsOfActionAsync(cancellationToken);
    }
}
