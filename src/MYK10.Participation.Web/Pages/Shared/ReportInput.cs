using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Comments;
using MYK10.Participation.Ideas;
using MYK10.Participation.Time;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages;

/// <summary>
/// The report form of ideas and comments (<c>Pages/Ideen/Melden</c>, <c>Pages/Strategie/Melden</c>, fields in
/// <c>_ReportFields.cshtml</c>), bound as the page's <c>Input</c>.
/// </summary>
public sealed class ReportInput
{
    public string? Reason { get; set; }

    public string? Details { get; set; }

    /// <summary>
    /// Checks and sends the report posted on <paramref name="page"/>: back to the reported item (<paramref name="back"/>
    /// gives its URL with a notice: "gemeldet", "bereits-gemeldet"), the page again with its errors, or 404.
    /// </summary>
    public async Task<IActionResult> SubmitAsync(PageModel page, CommentService comments, RateLimits limits, IStringLocalizer<IdeasResource> text,
        ReportTarget target, Func<string, string> back)
    {
        if (Honeypot.IsTripped(page.Request))
        {
            return new RedirectResult(back("gemeldet"));
        }

        if (Reason is null || !ReportReasons.All.Contains(Reason))
        {
            page.ModelState.AddModelError($"Input.{nameof(Reason)}", text["Report.ReasonRequired"]);
        }

        if (Details is { Length: > 1000 })
        {
            page.ModelState.AddModelError($"Input.{nameof(Details)}", text["Report.DetailsTooLong"]);
        }

        var participantId = page.User.ParticipantId()!.Value;
        var decision = await limits.TryAcquireAsync(RateLimitNames.Report, participantId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!decision.Allowed)
        {
            page.ModelState.AddModelError(string.Empty, text["Detail.TooManyWrites", BerlinTime.Format(decision.RetryAt!.Value)]);
        }

        if (!page.ModelState.IsValid)
        {
            return page.Page();
        }

        return await comments.ReportAsync(participantId, target, Reason!, Details) switch
        {
            ContributionOutcome.Done => new RedirectResult(back("gemeldet")),
            ContributionOutcome.AlreadyDone => new RedirectResult(back("bereits-gemeldet")),
            _ => page.NotFound(),
        };
    }
}
