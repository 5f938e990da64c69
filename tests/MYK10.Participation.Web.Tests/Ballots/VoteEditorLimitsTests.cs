using System.Globalization;
using System.Net;
using MYK10.Participation.Ballots;
using MYK10.Participation.Staff;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Ballots;

/// <summary>The vote editor with times around the clock change and with many options.</summary>
public sealed class VoteEditorLimitsTests(VoteEditorLimitsTests.Site site) : IClassFixture<VoteEditorLimitsTests.Site>
{
    public sealed class Site : SiteFactory;

    private static Dictionary<string, string> Form(string title, int options)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.AudienceId"] = "kreis",
            ["Input.OpensAt"] = "2030-03-01T08:00",
            ["Input.ClosesAt"] = "2030-04-05T18:00",
            ["Input.Method"] = "approval",
            ["Input.MaxChoices"] = "3",
            ["Input.Rule"] = "",
            ["Input.Visibility"] = "after_close",
        };
        for (var i = 0; i < options; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            form[$"Input.Options[{n}].Title"] = $"Maßnahme {n}";
            form[$"Input.Options[{n}].Description"] = $"Beschreibung {n}";
            form[$"Input.Options[{n}].Cost"] = "1000";
            form[$"Input.Options[{n}].Ideas"] = "";
            form[$"Input.Options[{n}].MeasureId"] = "";
        }

        return form;
    }

    private async Task<Vote?> FindAsync(string title) =>
        (await site.Get<VoteStore>().ListAsync(publishedOnly: false)).SingleOrDefault(v => v.Title == title);

    [Fact]
    public async Task AStartInTheHourSkippedBySummerTime_GetsAGermanMessageAtTheField_NotAnError()
    {
        var client = await site.StaffClientAsync(StaffRole.Admin);
        var form = Form("Zeitumstellung", 2);
        form["Input.OpensAt"] = "2027-03-28T02:30";
        form["Input.ClosesAt"] = "2027-04-28T02:30";

        using var response = await client.PostFormAsync("/admin/abstimmungen/bearbeiten", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.Contains("Diese Uhrzeit gibt es am 28.03.2027 wegen der Umstellung auf Sommerzeit nicht", document.QuerySelector("#Input_OpensAt-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", document.QuerySelector("#Input_OpensAt")!.GetAttribute("aria-invalid"));
        Assert.Null(await FindAsync("Zeitumstellung"));
    }

    [Fact]
    public async Task AVoteWithSixtyOptions_Saves()
    {
        var client = await site.StaffClientAsync(StaffRole.Admin);

        using var response = await client.PostFormAsync("/admin/abstimmungen/bearbeiten", Form("Sechzig Maßnahmen", 60));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(60, (await FindAsync("Sechzig Maßnahmen"))!.Options.Count);
    }

    [Fact]
    public async Task AVoteWithMoreThanTheMostOptions_GetsAGermanMessage_AndKeepsTheInput()
    {
        var client = await site.StaffClientAsync(StaffRole.Admin);

        using var response = await client.PostFormAsync("/admin/abstimmungen/bearbeiten", Form("Zu viele Maßnahmen", VoteDrafts.MaxOptions + 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.Contains("Eine Abstimmung kann höchstens 100 Maßnahmen haben.", document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Maßnahme 100", document.QuerySelector("#Input_Options_100__Title")!.GetAttribute("value"));
        Assert.Null(await FindAsync("Zu viele Maßnahmen"));
    }
}
