using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Moderation;
using MYK10.Participation.Reference;

namespace MYK10.Participation.Web.Pages.Moderation;

public sealed class IndexModel(ModerationStore moderation, ReferenceStore reference, TimeProvider clock, IStringLocalizer<ModerationResource> text) : PageModel
{
    [FromQuery(Name = "gemeinde")]
    public string? Municipality { get; set; }

    [FromQuery(Name = "feld")]
    public string? Field { get; set; }

    /// <summary>The number of an idea to open, as citizens quote it ("Idee Nr. 58"): also published ones, which the queue does not list.</summary>
    [FromQuery(Name = "nr")]
    public string? Number { get; set; }

    [FromQuery(Name = "hinweis")]
    public string? Notice { get; set; }

    public IReadOnlyList<QueueItem> Queue { get; private set; } = [];

    public QueueSummary Summary { get; private set; } = new(0, null, 0);

    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    public IReadOnlyList<FieldOfAction> Fields { get; private set; } = [];

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Number is not null)
        {
            if (long.TryParse(Number.Trim().TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                && await moderation.ReviewAsync(id, cancellationToken) is not null)
            {
                return RedirectToPage("/Moderation/Idee", new { id, gemeinde = Municipality, feld = Field });
            }

            ModelState.AddModelError("nr", text["Queue.NumberUnknown", Number]);
        }

        Summary = await moderation.SummaryAsync(cancellationToken);
        Queue = await moderation.QueueAsync(Municipality, Field, cancellationToken);
        Municipalities = await reference.MunicipalitiesAsync(cancellationToken);
        Fields = await reference.FieldsOfActionAsync(cancellationToken);
        return Page();
    }
}
