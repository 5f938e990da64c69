using Dapper;
using MYK10.Participation.Demo;
using MYK10.Participation.Ideas;
using MYK10.Participation.Moderation;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Demo;

/// <summary>The demonstration data set holds only states the site itself can reach, so every staff action works on it.</summary>
public sealed class DemoDataTests
{
    [Fact]
    public async Task EveryHiddenDemoIdea_WasPublishedBefore_AndCanBePublishedAgain()
    {
        await using var app = await TestApp.StartAsync();
        Assert.True((await app.Get<DemoSeeder>().SeedAsync()).Seeded);
        var moderator = await app.ModeratorAsync();
        await using var connection = await app.Connections.OpenAsync();
        var hidden = (await connection.QueryAsync<long>("SELECT id FROM ideas WHERE state = 'hidden'")).ToList();
        Assert.NotEmpty(hidden);

        foreach (var id in hidden)
        {
            var review = (await app.Get<ModerationStore>().ReviewAsync(id))!;
            Assert.Equal(ModerationOutcome.Done, (await app.Get<ModerationService>().RestoreAsync(moderator, id, review.Version, "Versehentlich ausgeblendet.")).Outcome);
            Assert.Equal(IdeaStates.Published, (await app.Get<IdeaStore>().FindAsync(id))!.State);
        }
    }
}
