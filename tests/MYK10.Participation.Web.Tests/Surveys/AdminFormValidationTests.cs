using System.Net;
using MYK10.Participation.Staff;
using MYK10.Participation.Surveys;
using MYK10.Participation.Tests.Surveys;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Surveys;

/// <summary>Input the survey builder's forms must refuse with a German message instead of failing or guessing.</summary>
public sealed class AdminFormValidationTests(AdminFormValidationTests.Site site) : IClassFixture<AdminFormValidationTests.Site>
{
    public sealed class Site : SiteFactory;

    private static string FieldError(AngleSharp.Html.Dom.IHtmlDocument document, string field) =>
        document.QuerySelector($"#{field}-error")?.TextContent.Trim() ?? string.Empty;

    private async Task<int> SurveyCountAsync() =>
        (await site.Get<SurveyStore>().ListAsync(Enum.GetValues<SurveyStatus>(), countResponses: false)).Count;

    [Fact]
    public async Task NewSurvey_StartingInTheHourSkippedBySummerTime_GetsAGermanMessageAtTheField_NotAnError()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var before = await SurveyCountAsync();

        using var response = await admin.PostFormAsync("/admin/umfragen/neu", new()
        {
            ["Input.Title"] = "Zeitumstellung",
            ["Input.OpensAt"] = "2027-03-28T02:30",
            ["Input.ClosesAt"] = "2027-04-28T02:30",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.Contains("Diese Uhrzeit gibt es am 28.03.2027 wegen der Umstellung auf Sommerzeit nicht", FieldError(document, "Input_OpensAt"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, FieldError(document, "Input_ClosesAt"));
        Assert.Equal(before, await SurveyCountAsync());
    }
}
