using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using MYK10.Participation.Reference;
using MYK10.Participation.Surveys;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Umfragen;

/// <summary>Open surveys (filtered by municipality: its own and the county's) and closed ones with their results.</summary>
[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class IndexModel(SurveyStore surveys, SurveyResponder responder, ReferenceStore reference, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "kommune")]
    public string? MunicipalityId { get; set; }

    public IReadOnlyList<SurveySummary> Open { get; private set; } = [];

    public IReadOnlyList<SurveySummary> Closed { get; private set; } = [];

    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    /// <summary>The open surveys the signed-in participant has answered (verified ones only; see <see cref="SurveyResponder.AnsweredByAsync"/>).</summary>
    public IReadOnlySet<long> Answered { get; private set; } = new HashSet<long>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Municipalities = await reference.MunicipalitiesAsync(cancellationToken);
        var filter = Municipalities.Any(m => m.Id == MunicipalityId && !m.IsCounty) ? MunicipalityId : null;
        MunicipalityId = filter;
        var now = clock.GetUtcNow();
        var open = await surveys.ListAsync([SurveyStatus.Open], filter, cancellationToken);
        Open = open.Where(s => s.ClosesAt is null || s.ClosesAt > now).ToList();
        Closed = (await surveys.ListAsync([SurveyStatus.Closed, SurveyStatus.Archived], filter, cancellationToken))
            .Concat(open.Except(Open))
            .ToList();
        // Signed-in pages are not stored in the page cache (PageCache), so the mark is never shown to anyone else.
        if (User.ParticipantId() is { } participantId)
        {
            Answered = await responder.AnsweredByAsync(participantId, Open.Select(s => s.Id).ToList(), cancellationToken);
        }
    }
}
