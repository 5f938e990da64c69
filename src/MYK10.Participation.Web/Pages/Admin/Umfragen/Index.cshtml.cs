using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Surveys;

namespace MYK10.Participation.Web.Pages.Admin.Umfragen;

public sealed class IndexModel(SurveyStore surveys) : PageModel
{
    public IReadOnlyList<SurveySummary> Surveys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Surveys = await surveys.ListAsync([SurveyStatus.Draft, SurveyStatus.Open, SurveyStatus.Closed, SurveyStatus.Archived], cancellationToken: cancellationToken);
}
