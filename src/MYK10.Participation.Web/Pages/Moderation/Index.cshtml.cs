using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Moderation;
using MYK10.Participation.Reference;

namespace MYK10.Participation.Web.Pages.Moderation;

public sealed class IndexModel(ModerationStore moderation, ReferenceStore reference, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "gemeinde")]
    public string? Municipality { get; set; }

    [FromQuery(Name = "feld")]
    public string? Field { get; set; }

    [FromQuery(Name = "hinweis")]
    public string? Notice { get; set; }

    public IReadOnlyList<QueueItem> Queue { get; private set; } = [];

    public QueueSummary Summary { get; private set; } = new(0, null, 0);

    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    public IReadOnlyList<FieldOfAction> Fields { get; private set; } = [];

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Summary = await moderation.SummaryAsync(cancellationToken);
        Queue = await moderation.QueueAsync(Municipality, Field, cancellationToken);
        Municipalities = await reference.MunicipalitiesAsync(cancellationToken);
        Fields = await reference.FieldsOfActionAsync(cancellationToken);
    }
}
