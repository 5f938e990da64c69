using Dapper;
using MYK10.Participation.Ballots;
using MYK10.Participation.Strategy;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Strategy;

public sealed class MeasureVoteTests
{
    [Fact]
    public async Task VoteFromMeasures_KeepsTheLinks_AndEachMeasureShowsItsResultOnceClosed()
    {
        await using var app = await TestApp.StartAsync();
        var strategy = app.Get<StrategyService>();
        var goal = (await strategy.SaveGoalAsync(null, new GoalInput("energie", "Energie", "", 0))).Id!.Value;
        var solar = (await strategy.SaveMeasureAsync(null, new MeasureInput(goal, "Solarkataster", "Alle Dächer", null, 30000, null, "discussion", [], 0, null), null)).Id!.Value;
        var light = (await strategy.SaveMeasureAsync(null, new MeasureInput(goal, "Smarte Straßenbeleuchtung", "LED", null, 80000, null, "discussion", [], 0, null), null)).Id!.Value;
        var now = app.Clock.GetUtcNow();

        var created = await app.Get<VoteService>().CreateAsync(new VoteDraft("Welche Energie-Maßnahme zuerst?", "Bitte wählen.", "kreis", now.AddMinutes(-1), now.AddDays(7), VoteMethod.Approval,
            [new OptionDraft("Solarkataster", "Alle Dächer", 30000, null, solar), new OptionDraft("Smarte Straßenbeleuchtung", "LED", 80000, null, light)],
            MaxChoices: 1, Budget: 50000, Rule: AllocationRule.Greedy));
        Assert.True(created.Succeeded, string.Join(", ", created.Problems));
        var voteId = created.Id!.Value;
        await app.Get<VoteService>().PublishAsync(voteId);
        var vote = await app.Get<VoteStore>().FindAsync(voteId);
        Assert.Equal([solar, light], vote!.Options.Select(o => o.MeasureId!.Value));

        var solarOption = vote.Options.Single(o => o.MeasureId == solar).Id;
        for (var i = 0; i < 3; i++)
        {
            var result = await app.Get<BallotBox>().CastAsync(voteId, await app.Connections.ParticipantAsync(), [new BallotChoice(solarOption, 1)]);
            Assert.True(result.Succeeded, string.Join(", ", result.Problems));
        }

        await app.Get<VoteTallyJob>().RunAsync(voteId, CancellationToken.None);
        var whileOpen = (await app.Get<StrategyStore>().DetailAsync(solar))!.Votes.Single();
        Assert.False(whileOpen.ResultVisible);
        Assert.Null(whileOpen.Votes);

        app.Clock.Advance(TimeSpan.FromDays(8));
        await app.Get<VoteTallyJob>().RunAsync(voteId, CancellationToken.None);
        var solarResult = (await app.Get<StrategyStore>().DetailAsync(solar))!.Votes.Single();
        var lightResult = (await app.Get<StrategyStore>().DetailAsync(light))!.Votes.Single();

        Assert.True(solarResult.ResultVisible);
        Assert.Equal((1L, true, 3L, 3L), (solarResult.Rank!.Value, solarResult.Selected, solarResult.Votes!.Value, solarResult.Ballots!.Value));
        Assert.False(lightResult.Selected);
        await using var connection = await app.Connections.OpenAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM vote_option_measures"));
    }
}
