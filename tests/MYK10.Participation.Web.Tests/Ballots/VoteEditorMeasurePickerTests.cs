using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Dapper;
using MYK10.Participation.Ballots;
using MYK10.Participation.Data;
using MYK10.Participation.Staff;
using MYK10.Participation.Strategy;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Ballots;

/// <summary>The vote editor's measure picker with a strategy of many measures: more ticked boxes than ASP.NET Core's 1,024 form values.</summary>
public sealed class VoteEditorMeasurePickerTests(VoteEditorMeasurePickerTests.Site site) : IClassFixture<VoteEditorMeasurePickerTests.Site>
{
    private const int Measures = 1100;

    public sealed class Site : SiteFactory
    {
        private readonly SemaphoreSlim seeding = new(1, 1);
        private bool seeded;

        /// <summary>A strategy of <see cref="Measures"/> measures, made once for the class.</summary>
        public async Task LargeStrategyAsync()
        {
            await seeding.WaitAsync();
            try
            {
                if (seeded)
                {
                    return;
                }

                var goal = (await Get<StrategyService>().SaveGoalAsync(null, new GoalInput("wirtschaft", "Viele Vorhaben", "", 0))).Id!.Value;
                await using var connection = await Get<IDbConnectionFactory>().OpenAsync();
                await using var transaction = connection.BeginTransaction();
                for (var i = 1; i <= Measures; i++)
                {
                    await connection.ExecuteAsync(
                        """
                        INSERT INTO strategy_measures (goal_id, title, description, status, position, created_at, updated_at)
                        VALUES (@goal, @title, '', 'discussion', @i, '2026-11-01T00:00:00.0000000+00:00', '2026-11-01T00:00:00.0000000+00:00')
                        """,
                        new { goal, title = $"Vorhaben {i}", i }, transaction);
                }

                await transaction.CommitAsync();
                seeded = true;
            }
            finally
            {
                seeding.Release();
            }
        }
    }

    /// <summary>What a browser sends for the editor's form with every measure in the picker ticked, <paramref name="fields"/> typed over it.</summary>
    private static List<KeyValuePair<string, string>> EverythingTicked(IHtmlDocument document, Dictionary<string, string> fields) =>
        FormPosting.Values(FormPosting.Form(document, "/admin/abstimmungen/bearbeiten"), fields, everyCheckbox: true);

    private static Dictionary<string, string> Settings(string title) => new()
    {
        ["Input.Title"] = title,
        ["Input.OpensAt"] = "2030-03-01T08:00",
        ["Input.ClosesAt"] = "2030-04-05T18:00",
        ["Input.Method"] = "approval",
        ["Input.MaxChoices"] = "3",
        ["Input.Rule"] = "",
    };

    [Fact]
    public async Task TickingEveryMeasureOfALargeStrategy_GetsAGermanMessageAtThePicker_AndKeepsTheInput()
    {
        await site.LargeStrategyAsync();
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var editor = await admin.GetDocumentAsync("/admin/abstimmungen/bearbeiten");
        var fields = Settings("Alles angekreuzt");
        fields["Input.Options[0].Title"] = "Selbst geschrieben";
        var values = EverythingTicked(editor, fields);
        Assert.True(values.Count > 1024, $"{values.Count} form values");

        using var response = await admin.PostAsync("/admin/abstimmungen/bearbeiten?handler=FromMeasures", new FormUrlEncodedContent(values));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.Contains("Sie haben 1.100 Maßnahmen gewählt, es ist aber nur noch Platz für 99 weitere Optionen", document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Input_PickMeasures", document.QuerySelector(".error-summary a")!.GetAttribute("href")!.TrimStart('#'));
        Assert.NotNull(document.QuerySelector("fieldset#Input_PickMeasures[tabindex='-1']"));
        Assert.Equal("Alles angekreuzt", document.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal("Selbst geschrieben", document.QuerySelector("#Input_Options_0__Title")!.GetAttribute("value"));
        Assert.Null(document.QuerySelector("#Input_Options_1__MeasureId, input[name='Input.Options[1].MeasureId']"));
        Assert.Equal(Measures, document.QuerySelectorAll("input[name='Input.PickMeasures'][checked]").Length);
    }

    [Fact]
    public async Task TheLargestEditorForm_AHundredOptionsFromMeasures_WithEveryMeasureTicked_Saves()
    {
        await site.LargeStrategyAsync();
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var editor = await admin.GetDocumentAsync("/admin/abstimmungen/bearbeiten");
        var picks = editor.QuerySelectorAll("input[name='Input.PickMeasures']").Take(VoteDrafts.MaxOptions)
            .Select(i => new KeyValuePair<string, string>("Input.PickMeasures", i.GetAttribute("value")!));
        var first = EverythingTicked(editor, Settings("Hundert Vorhaben")).Where(v => v.Key != "Input.PickMeasures").Concat(picks);
        using var picked = await admin.PostAsync("/admin/abstimmungen/bearbeiten?handler=FromMeasures", new FormUrlEncodedContent(first));
        Assert.Equal(HttpStatusCode.OK, picked.StatusCode);
        var full = await picked.ReadDocumentAsync();
        Assert.Equal(VoteDrafts.MaxOptions, full.QuerySelectorAll("input[name$='.MeasureId']").Length);
        var values = EverythingTicked(full, []);
        Assert.True(values.Count > 1024 + 500, $"{values.Count} form values");
        Assert.Equal(Pages.Admin.Abstimmungen.BearbeitenModel.MaxFormValues(await site.Get<StrategyStore>().MeasureCountAsync()), values.Count);

        using var saved = await admin.PostAsync("/admin/abstimmungen/bearbeiten", new FormUrlEncodedContent(values));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var vote = (await site.Get<VoteStore>().ListAsync(publishedOnly: false)).Single(v => v.Title == "Hundert Vorhaben");
        Assert.Equal(VoteDrafts.MaxOptions, vote.Options.Count(o => o.MeasureId is not null));
    }

    [Fact]
    public async Task AFormBeyondTheEditorsLimit_GetsTheEditorWithAGermanMessage_NotAnErrorPage()
    {
        await site.LargeStrategyAsync();
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var editor = await admin.GetDocumentAsync("/admin/abstimmungen/bearbeiten");
        var values = EverythingTicked(editor, Settings("Zu viele Felder"));
        values.AddRange(Enumerable.Range(0, 3000).Select(i => new KeyValuePair<string, string>("Input.PickMeasures", i.ToString(CultureInfo.InvariantCulture))));

        using var response = await admin.PostAsync("/admin/abstimmungen/bearbeiten?handler=FromMeasures", new FormUrlEncodedContent(values));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/abstimmungen/bearbeiten", response.Headers.Location!.OriginalString);
        var page = await admin.GetDocumentAsync("/admin/abstimmungen/bearbeiten");
        Assert.Contains("Das Formular enthielt mehr Angaben, als die Seite annimmt", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("h1"));
    }
}
