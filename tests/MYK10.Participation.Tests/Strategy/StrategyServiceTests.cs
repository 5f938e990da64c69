using Dapper;
using MYK10.Participation.Ideas;
using MYK10.Participation.Moderation;
using MYK10.Participation.Strategy;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Strategy;

public sealed class StrategyServiceTests
{
    [Fact]
    public async Task Goal_And_Measure_AreValidated_Saved_AndStatusChangesKeptAsHistory()
    {
        await using var app = await TestApp.StartAsync();
        var service = app.Get<StrategyService>();

        var invalidGoal = await service.SaveGoalAsync(null, new GoalInput("raumfahrt", "🎯🎯", new string('x', 5001), 0));
        Assert.Equal(new Dictionary<string, string> { ["FieldId"] = "Required", ["Title"] = "Length", ["Description"] = "TooLong" }, invalidGoal.Errors);

        var goal = (await service.SaveGoalAsync(null, new GoalInput("energie", "Energie sparen", "Beschreibung", 1))).Id!.Value;
        var invalidMeasure = await service.SaveMeasureAsync(null, new MeasureInput(999, "M", null, null, -5, null, "erfunden", ["atlantis"], 0, null), null);
        Assert.Equal(["CostEuros", "GoalId", "MunicipalityIds", "Status", "Title"], invalidMeasure.Errors.Keys.Order());

        var measure = (await service.SaveMeasureAsync(null, new MeasureInput(goal, "Solarkataster", "Alle Dächer", "Stabsstelle Smart City", 40000, "2027", "draft", ["mayen", "mendig"], 0, null), null)).Id!.Value;
        app.Clock.Advance(TimeSpan.FromDays(3));
        await service.SaveMeasureAsync(measure, new MeasureInput(goal, "Solarkataster", "Alle Dächer", "Stabsstelle Smart City", 40000, "2027", "discussion", ["mayen"], 0, "Zur Diskussion gestellt"), null);
        app.Clock.Advance(TimeSpan.FromDays(3));
        await service.SaveMeasureAsync(measure, new MeasureInput(goal, "Solarkataster für alle", "Alle Dächer", null, null, null, "discussion", [], 0, null), null);

        var detail = await app.Get<StrategyStore>().DetailAsync(measure);
        Assert.Equal("Solarkataster für alle", detail!.Measure.Title);
        Assert.Null(detail.Measure.CostEuros);
        Assert.Empty(detail.MunicipalityNames);
        Assert.Equal(["draft", "discussion"], detail.History.Select(h => h.Status));
        Assert.Equal("Zur Diskussion gestellt", detail.History[1].Note);
        Assert.True(detail.History[1].ChangedAt > detail.History[0].ChangedAt);
        Assert.Equal(4, (await app.Get<StrategyStore>().RevisionAsync()).Revision);
    }

    [Fact]
    public async Task AnswerAdopted_LinksIdeasToMeasures_AndCountsEachSupporterOnce()
    {
        await using var app = await TestApp.StartAsync();
        var moderator = await app.ModeratorAsync();
        var service = app.Get<StrategyService>();
        var goal = (await service.SaveGoalAsync(null, new GoalInput("verkehr-und-mobilitaet", "Mobil ohne Auto", "", 0))).Id!.Value;
        var measure = (await service.SaveMeasureAsync(null, new MeasureInput(goal, "Rufbus", "", null, null, null, "discussion", [], 0, null), null)).Id!.Value;
        var first = await app.PublishedIdeaAsync("Rufbus per App");
        var second = await app.PublishedIdeaAsync("Rufbus für Dörfer");
        var ideas = app.Get<IdeaService>();
        var both = await app.Connections.ParticipantAsync();
        await ideas.SetSupportAsync(both, first, true);
        await ideas.SetSupportAsync(both, second, true);
        await ideas.SetSupportAsync(await app.Connections.ParticipantAsync(), first, true);
        await ideas.SetSupportAsync(await app.Connections.ParticipantAsync(), second, true);

        var moderation = app.Get<ModerationService>();
        Assert.Equal(ModerationOutcome.Done, (await moderation.AnswerAsync(moderator, first, 1, "adopted", "Aufgenommen.", [measure])).Outcome);
        Assert.Equal(ModerationOutcome.Done, (await moderation.AnswerAsync(moderator, second, 1, "adopted", "Aufgenommen.", [measure, measure])).Outcome);
        var notLinked = await app.PublishedIdeaAsync("Nicht aufgenommen");
        await moderation.AnswerAsync(moderator, notLinked, 1, "in_review", "Wird geprüft.", [measure]);

        var detail = await app.Get<StrategyStore>().DetailAsync(measure);
        Assert.Equal([first, second], detail!.Ideas.Select(i => i.Id).Order());
        Assert.Equal(3, detail.DistinctSupporters);
        Assert.Equal([(measure, "Rufbus")], await app.Get<StrategyStore>().MeasuresOfIdeaAsync(first));

        // A later answer sets the links anew: another status takes them back, an unticked measure loses its link.
        var other = (await service.SaveMeasureAsync(null, new MeasureInput(goal, "Mitfahrbänke", "", null, null, null, "discussion", [], 0, null), null)).Id!.Value;
        Assert.Equal(ModerationOutcome.Done, (await moderation.AnswerAsync(moderator, first, 2, "not_feasible", "Doch nicht umsetzbar.", [measure])).Outcome);
        Assert.Equal(ModerationOutcome.Done, (await moderation.AnswerAsync(moderator, second, 2, "adopted", "In eine andere Maßnahme.", [other])).Outcome);
        Assert.Empty(await app.Get<StrategyStore>().MeasuresOfIdeaAsync(first));
        Assert.Equal([(other, "Mitfahrbänke")], await app.Get<StrategyStore>().MeasuresOfIdeaAsync(second));
        Assert.Empty((await app.Get<StrategyStore>().DetailAsync(measure))!.Ideas);
    }

    [Fact]
    public async Task Comments_OnlyWhileUnderDiscussion()
    {
        await using var app = await TestApp.StartAsync();
        var service = app.Get<StrategyService>();
        var goal = (await service.SaveGoalAsync(null, new GoalInput("bildung", "Bildung", "", 0))).Id!.Value;
        var open = (await service.SaveMeasureAsync(null, new MeasureInput(goal, "Offen", "", null, null, null, "discussion", [], 0, null), null)).Id!.Value;
        var decided = (await service.SaveMeasureAsync(null, new MeasureInput(goal, "Beschlossen", "", null, null, null, "decided", [], 0, null), null)).Id!.Value;
        var participant = await app.Connections.ParticipantAsync("Leserin");

        Assert.Equal(ContributionOutcome.Done, (await service.CommentAsync(participant, open, "Gute Maßnahme.")).Outcome);
        Assert.Equal(ContributionOutcome.NotAvailable, (await service.CommentAsync(participant, decided, "Zu spät.")).Outcome);
        Assert.Equal(ContributionOutcome.Invalid, (await service.CommentAsync(participant, open, " ")).Outcome);
        Assert.Single((await app.Get<StrategyStore>().DetailAsync(open))!.Comments);
    }

    [Fact]
    public async Task Phases_AreValidated_Ordered_AndTheCurrentOneIsKnown()
    {
        await using var app = await TestApp.StartAsync();
        var service = app.Get<StrategyService>();

        var invalid = await service.SavePhaseAsync(null, new PhaseInput("Ab", null, null, new DateOnly(2027, 2, 1), new DateOnly(2027, 1, 1)));
        Assert.Equal(new Dictionary<string, string> { ["Name"] = "Length", ["EndsOn"] = "BeforeStart" }, invalid.Errors);
        await service.SavePhaseAsync(null, new PhaseInput("Maßnahmen priorisieren", "", "", new DateOnly(2027, 3, 1), new DateOnly(2027, 4, 30)));
        await service.SavePhaseAsync(null, new PhaseInput("Ideen sammeln", "", "Ideen einreichen", new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31)));

        var phases = await app.Get<StrategyStore>().PhasesAsync();

        Assert.Equal(["Ideen sammeln", "Maßnahmen priorisieren"], phases.Select(p => p.Name));
        Assert.True(phases[0].IsCurrent(new DateOnly(2026, 11, 26)));
        Assert.False(phases[1].IsCurrent(new DateOnly(2026, 11, 26)));
    }

    [Fact]
    public async Task EmptyStrategy_ReadsWithoutError()
    {
        await using var app = await TestApp.StartAsync();
        var store = app.Get<StrategyStore>();

        Assert.Equal(10, (await store.StructureAsync()).Count);
        Assert.Empty(await store.PhasesAsync());
        Assert.Null(await store.DetailAsync(1));
        await using var connection = await app.Connections.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM strategy_measures"));
    }

    [Fact]
    public async Task Phases_MayNotOverlap_ButOnesThatOverlappedBeforeTheRuleCanBeSavedWithTheirDatesUnchanged()
    {
        await using var app = await TestApp.StartAsync();
        var service = app.Get<StrategyService>();
        await using var connection = await app.Connections.OpenAsync();
        // Two phases stored before overlaps were refused.
        var first = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO process_phases (name, description, citizens_can, starts_on, ends_on) VALUES ('Ideen sammeln', '', '', '2027-01-01', '2027-03-31') RETURNING id");
        await connection.ExecuteAsync(
            "INSERT INTO process_phases (name, description, citizens_can, starts_on, ends_on) VALUES ('Entwurf', '', '', '2027-03-01', '2027-05-31')");

        var renamed = await service.SavePhaseAsync(first, new PhaseInput("Ideen einbringen", "", "", new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 31)));
        var moved = await service.SavePhaseAsync(first, new PhaseInput("Ideen einbringen", "", "", new DateOnly(2027, 1, 1), new DateOnly(2027, 4, 15)));
        var added = await service.SavePhaseAsync(null, new PhaseInput("Beschluss", "", "", new DateOnly(2027, 5, 31), new DateOnly(2027, 6, 30)));
        var next = await service.SavePhaseAsync(null, new PhaseInput("Beschluss", "", "", new DateOnly(2027, 6, 1), new DateOnly(2027, 6, 30)));

        Assert.True(renamed.Succeeded);
        Assert.Equal("Overlaps", moved.Errors["StartsOn"]);
        Assert.Equal("Overlaps", added.Errors["StartsOn"]);
        Assert.True(next.Succeeded);
        Assert.Equal(("Ideen einbringen", "2027-03-31"), await connection.QuerySingleAsync<(string, string)>("SELECT name, ends_on FROM process_phases WHERE id = @Id", new { Id = first }));
    }
}
