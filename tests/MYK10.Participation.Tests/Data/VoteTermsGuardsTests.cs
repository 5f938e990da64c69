using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Ballots;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Data;

/// <summary>
/// The rules of <c>sql/0092_vote_terms_fixed_by_ballots.sql</c>: a vote with ballots keeps its options and budget, even
/// against a statement run by hand, while its end still moves (as the services move it).
/// </summary>
public sealed class VoteTermsGuardsTests
{
    private static async Task RefusedAsync(Func<Task> write)
    {
        var refused = await Assert.ThrowsAsync<SqliteException>(write);
        Assert.Contains("a vote with ballots keeps its", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VoteWithBallots_KeepsItsOptionsAndBudget_ButItsEndMoves_AndAVoteWithoutBallotsChangesFreely()
    {
        await using var app = await TestApp.StartAsync();
        var service = app.Get<VoteService>();
        var now = app.Clock.GetUtcNow();
        var draft = new VoteDraft("Bürgerbudget", "Bitte wählen.", "kreis", now.AddHours(-1), now.AddDays(7), VoteMethod.Budget,
            [new OptionDraft("Radweg", "", 60_000), new OptionDraft("Bänke", "", 20_000)], Budget: 80_000, Rule: AllocationRule.Greedy);
        var voted = (await service.CreateAsync(draft)).Id!.Value;
        var unvoted = (await service.CreateAsync(draft)).Id!.Value;
        await service.PublishAsync(voted);
        await service.PublishAsync(unvoted);
        var option = (await app.Get<VoteStore>().FindAsync(voted))!.Options[1].Id;
        Assert.True((await app.Get<BallotBox>().CastAsync(voted, await app.Connections.ParticipantAsync(), [new BallotChoice(option, 1)])).Succeeded);

        await using var connection = await app.Connections.OpenAsync();
        await RefusedAsync(() => connection.ExecuteAsync("UPDATE votes SET budget = 100000 WHERE id = @Id", new { Id = voted }));
        await RefusedAsync(() => connection.ExecuteAsync("UPDATE votes SET allocation_rule = 'equal_shares' WHERE id = @Id", new { Id = voted }));
        await RefusedAsync(() => connection.ExecuteAsync("UPDATE votes SET opens_at = closes_at WHERE id = @Id", new { Id = voted }));
        await RefusedAsync(() => connection.ExecuteAsync("UPDATE vote_options SET cost = 1 WHERE id = @Id", new { Id = option }));
        await RefusedAsync(() => connection.ExecuteAsync("UPDATE vote_options SET title = 'Parkbänke' WHERE id = @Id", new { Id = option }));
        await RefusedAsync(() => connection.ExecuteAsync("INSERT INTO vote_options (vote_id, title, cost, position) VALUES (@Id, 'Neu', 1, 3)", new { Id = voted }));
        Assert.False((await service.UpdateAsync(voted, draft with { Budget = 100_000 })).Succeeded);
        var kept = (await app.Get<VoteStore>().FindAsync(voted))!;
        Assert.Equal((80_000L, AllocationRule.Greedy), (kept.Budget!.Value, kept.Rule!.Value));
        Assert.Equal([("Radweg", 60_000L), ("Bänke", 20_000L)], kept.Options.Select(o => (o.Title, o.Cost!.Value)));

        // The end moves, later and earlier, through the service and by hand; so does a vote without ballots as a whole.
        Assert.Null(await service.ChangeEndAsync(voted, now.AddDays(14)));
        Assert.Equal(1, await connection.ExecuteAsync("UPDATE votes SET closes_at = @At, updated_at = @At WHERE id = @Id", new { Id = voted, At = now.AddDays(3) }));
        Assert.True(await service.EndNowAsync(voted, "Früher fertig"));
        Assert.Equal(now, (await app.Get<VoteStore>().FindAsync(voted))!.ClosesAt);
        Assert.Equal(1, await connection.ExecuteAsync("UPDATE votes SET budget = 100000, opens_at = closes_at WHERE id = @Id", new { Id = unvoted }));
        Assert.Equal(1, await connection.ExecuteAsync("UPDATE vote_options SET cost = 1 WHERE vote_id = @Id AND position = 1", new { Id = unvoted }));
    }
}
