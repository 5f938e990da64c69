using MYK10.Participation.Ballots;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Ballots;

public sealed class VoteDemoDataTests
{
    [Fact]
    public async Task Seed_CreatesAnOpenBudgetVote_AndClosedVotesWithValidBallotsAndPublishedResults()
    {
        await using var app = await TestApp.StartAsync();
        var now = app.Clock.GetUtcNow();

        var ids = await VoteDemoData.SeedAsync(app.Services);

        var store = app.Get<VoteStore>();
        var votes = (await store.ListAsync(publishedOnly: true)).ToDictionary(v => v.Id);
        Assert.Equal(4, ids.Count);
        var open = votes[ids[0]];
        Assert.True(open.IsOpen(now));
        Assert.Equal(VoteMethod.Budget, open.Method);
        Assert.All(open.Options, o => Assert.True(o.Cost > 0));
        Assert.True(open.Options.Sum(o => o.Cost) > open.Budget, "the budget forces a choice");
        Assert.Empty(await store.BallotsAsync(open.Id));

        var closed = ids.Skip(1).Select(id => votes[id]).ToList();
        Assert.Equal([VoteMethod.Approval, VoteMethod.Ranking, VoteMethod.Points], closed.Select(v => v.Method));
        foreach (var vote in closed)
        {
            Assert.True(vote.IsClosed(now));
            Assert.True(vote.ResultsVisible(now));
            var ballots = await store.BallotsAsync(vote.Id);
            Assert.True(ballots.Count >= 90);
            Assert.All(ballots, b => Assert.Empty(BallotRules.Check(vote.Rules, vote.Costs, b.Choices)));
            Assert.All(ballots, b => Assert.NotNull(b.MunicipalityId));
            var tally = await store.TallyAsync(vote.Id);
            Assert.NotNull(tally);
            Assert.Equal(ballots.Count, tally.Result.BallotCount);
            Assert.NotEmpty(tally.Result.Selected);
            Assert.True(tally.ParticipationByMunicipality.Count > 5);
        }
    }

    [Fact]
    public async Task Seed_IsDeterministic_AndSkipsADatabaseWithVotes()
    {
        await using var first = await TestApp.StartAsync();
        await using var second = await TestApp.StartAsync();

        var ids = await VoteDemoData.SeedAsync(first.Services);
        await VoteDemoData.SeedAsync(second.Services);

        foreach (var id in ids.Skip(1))
        {
            var a = (await first.Get<VoteStore>().TallyAsync(id))!.Result;
            var b = (await second.Get<VoteStore>().TallyAsync(id))!.Result;
            Assert.Equal(a.Options.Select(o => (o.OptionId, o.Score)), b.Options.Select(o => (o.OptionId, o.Score)));
        }

        Assert.Empty(await VoteDemoData.SeedAsync(first.Services));
        Assert.Equal(4, (await first.Get<VoteStore>().ListAsync(publishedOnly: false)).Count);
    }
}
