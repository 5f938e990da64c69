using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using MYK10.Participation.Surveys;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Umfragen;

/// <summary>Published results: charts and tables per question, filtered by the respondents' municipality.</summary>
[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class ErgebnisseModel(SurveyStore surveys, SurveyResultsStore results) : PageModel
{
    [FromQuery(Name = "kommune")]
    public string? Segment { get; set; }

    public Survey Survey { get; private set; } = null!;

    public SurveyResults? Results { get; private set; }

    public IReadOnlyList<(string Id, string Name, long Responses)> Segments { get; private set; } = [];

    /// <summary>The municipality the results are filtered to, or null for all respondents.</summary>
    public string? SegmentName => Segments.FirstOrDefault(s => s.Id == Segment).Name;

    /// <summary>Admins see unpublished results too (with a notice); everybody else only published ones.</summary>
    public bool Published => Survey.ResultsPublished;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var survey = await surveys.FindAsync(id, HttpContext.RequestAborted);
        var isAdmin = User.IsStaff() && User.IsInRole(MYK10.Participation.Staff.StaffRoles.Admin);
        if (survey is null || survey.Status == SurveyStatus.Draft)
        {
            return NotFound();
        }

        Survey = survey;
        if (!survey.ResultsPublished && !isAdmin)
        {
            return Page();
        }

        Segments = await results.SegmentsAsync(id, HttpContext.RequestAborted);
        var segment = Segments.Any(s => s.Id == Segment) ? Segment! : SurveyResultsJob.AllSegment;
        Segment = segment.Length == 0 ? null : segment;
        Results = await results.ReadAsync(id, segment, HttpContext.RequestAborted);
        return Page();
    }
}
