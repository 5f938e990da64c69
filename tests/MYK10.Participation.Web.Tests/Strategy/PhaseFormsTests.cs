using System.Net;
using MYK10.Participation.Privacy;
using MYK10.Participation.Staff;
using MYK10.Participation.Strategy;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Strategy;

/// <summary>The two phase forms: the end of the participation phase, and the phases of the process timeline.</summary>
public sealed class PhaseFormsTests(PhaseFormsTests.Site site) : IClassFixture<PhaseFormsTests.Site>
{
    public sealed class Site : SiteFactory;

    [Fact]
    public async Task EndOfParticipationPhase_FarInTheFuture_IsRefusedWithAGermanMessage_NotAnError()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);

        foreach (var day in new[] { "9999-12-31", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(11).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })
        {
            using var response = await admin.PostFormAsync("/admin/phase", new() { ["Input.EndDate"] = day });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("Dieser Tag liegt zu weit in der Zukunft. Wählen Sie spätestens den ", (await response.ReadDocumentAsync()).QuerySelector("#Input_EndDate-error")!.TextContent.Trim(), StringComparison.Ordinal);
        }

        Assert.Null(await site.Get<PhaseStore>().GetAsync());
    }

    [Fact]
    public async Task PhaseTable_TheColumnOfDeleteButtons_IsHeadedAsSuch()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var phase = (await site.Get<StrategyService>().SavePhaseAsync(null, new PhaseInput("Spalten prüfen", "", "", today.AddDays(1), today.AddDays(5)))).Id!.Value;

        var table = (await admin.GetDocumentAsync("/admin/strategie/phasen")).QuerySelector("main table")!;
        Assert.True(await site.Get<StrategyService>().DeletePhaseAsync(phase)); // the timeline test below counts the phases

        var column = table.QuerySelectorAll("thead th").Length - 1;
        Assert.NotNull(table.QuerySelector($"tbody tr td:nth-child({column + 1}) form[action*='handler=Delete'] button"));
        Assert.Equal("Phase löschen", table.QuerySelectorAll("thead th")[column].TextContent.Trim());
    }

    [Fact]
    public async Task TimelinePhases_OverlappingOrOutsideTheProgrammesYears_AreRefused_AndTouchingOnesSaved()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        Dictionary<string, string> Form(string name, string start, string end) => new() { ["Input.Name"] = name, ["Input.StartsOn"] = start, ["Input.EndsOn"] = end };

        using var first = await admin.PostFormAsync("/admin/strategie/phasen", Form("Ideen sammeln", "2031-01-01", "2031-03-31"));
        using var overlapping = await admin.PostFormAsync("/admin/strategie/phasen", Form("Entwurf", "2031-03-31", "2031-05-31"));
        using var absurd = await admin.PostFormAsync("/admin/strategie/phasen", Form("Immer", "0001-01-01", "9999-12-31"));
        using var next = await admin.PostFormAsync("/admin/strategie/phasen", Form("Entwurf", "2031-04-01", "2031-05-31"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("Dieser Zeitraum überschneidet sich mit einer anderen Phase.", (await overlapping.ReadDocumentAsync()).QuerySelector("#Input_StartsOn-error")!.TextContent.Trim(), StringComparison.Ordinal);
        var absurdPage = await absurd.ReadDocumentAsync();
        Assert.Equal("Bitte geben Sie ein Datum von 2000 bis 2099 an.", absurdPage.QuerySelector("#Input_StartsOn-error")!.TextContent.Trim());
        Assert.Equal("Bitte geben Sie ein Datum von 2000 bis 2099 an.", absurdPage.QuerySelector("#Input_EndsOn-error")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        var phases = await site.Get<StrategyStore>().PhasesAsync();
        Assert.Equal(["Ideen sammeln", "Entwurf"], phases.Select(p => p.Name));

        // Editing a phase does not count as overlapping itself.
        using var edited = await admin.PostFormAsync($"/admin/strategie/phasen/{phases[0].Id}", Form("Ideen sammeln", "2031-01-01", "2031-03-30"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
    }

    [Fact]
    public async Task DeletingAPhase_WithoutTickingTheConfirmation_KeepsIt_AndSaysWhy()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var phase = (await site.Get<StrategyService>().SavePhaseAsync(null, new PhaseInput("Nicht so schnell", "Was Bürger tun können.", "", today.AddDays(1), today.AddDays(5)))).Id!.Value;
        var form = $"form[action*='handler=Delete'][action*='phaseId={phase}']";

        using var refused = await admin.PostFormAsync("/admin/strategie/phasen", [], form);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadDocumentAsync();
        Assert.Equal("Bitte bestätigen Sie, dass die Phase gelöscht werden soll.", page.QuerySelector($".error-summary a[href='#delete-phase-{phase}']")!.TextContent);
        Assert.Equal("Ja, die Phase „Nicht so schnell“ mit ihren Texten aus dem Zeitplan löschen.", page.QuerySelector($"label[for=delete-phase-{phase}]")!.TextContent);
        Assert.Contains(await site.Get<StrategyStore>().PhasesAsync(), p => p.Id == phase);

        // From the refused page, whose address names the delete handler, the tick deletes, and the new-phase form still saves.
        using var confirmed = await admin.SubmitFormAsync(page, $"/admin/strategie/phasen?phaseId={phase}&handler=Delete", new() { ["Input.ConfirmDelete"] = "true" }, form);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.DoesNotContain(await site.Get<StrategyStore>().PhasesAsync(), p => p.Id == phase);
        Assert.Equal("/admin/strategie/phasen", FormPosting.Form(page, "/admin/strategie/phasen", "form.narrow-wide").GetAttribute("action"));
    }

    [Fact]
    public async Task DeletingAPhaseThatDoesNotExist_SaysSo_InsteadOfSaved()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);

        using var response = await admin.PostWithTokenAsync("/admin/strategie/phasen", "/admin/strategie/phasen?phaseId=99999&handler=Delete", new() { ["Input.ConfirmDelete"] = "true" });
        var page = await admin.GetDocumentAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Diese Phase gibt es nicht mehr; es wurde nichts gelöscht.", page.QuerySelector("main .notice")!.TextContent.Trim());
    }
}
