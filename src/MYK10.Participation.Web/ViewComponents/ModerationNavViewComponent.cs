using Microsoft.AspNetCore.Mvc;
using MYK10.Participation.Moderation;

namespace MYK10.Participation.Web.ViewComponents;

/// <summary>The "Moderation (n)" navigation entry: waiting ideas plus open reports.</summary>
public sealed class ModerationNavViewComponent(ModerationStore moderation) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(bool current)
    {
        var summary = await moderation.SummaryAsync();
        return View((summary.Pending + summary.OpenReports, current));
    }
}
