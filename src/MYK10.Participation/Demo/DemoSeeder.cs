using Dapper;
using Microsoft.Extensions.DependencyInjection;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;

namespace MYK10.Participation.Demo;

public sealed record DemoSeedResult(bool Seeded, string Summary);

/// <summary>Fills an empty database with a believable German demonstration data set.</summary>
public sealed class DemoSeeder(IDbConnectionFactory connections, TimeProvider clock, IServiceProvider services)
{
    public async Task<DemoSeedResult> SeedAsync()
    {
        await using var connection = await connections.OpenAsync();
        var existing = await connection.ExecuteScalarAsync<long>("SELECT (SELECT count(*) FROM participants) + (SELECT count(*) FROM ideas)");
        if (existing > 0)
        {
            return new DemoSeedResult(false, "The database is not empty: demo data is only added to a new database.");
        }

        await using var transaction = connection.BeginTransaction();
        var now = clock.GetUtcNow();
        var ideas = await IdeaDemoData.SeedAsync(connection, transaction, now);
        await Strategy.StrategyDemoData.SeedAsync(connection, transaction, now);
        var councils = await Digests.DigestDemoData.SeedAsync(connection, transaction, now);
        await transaction.CommitAsync();

        // Features with their own transactions add their part after the first commit.
        var votes = await Ballots.VoteDemoData.SeedAsync(services);
        var surveys = await services.GetRequiredService<Surveys.SurveyDemoData>().SeedAsync();
        return new DemoSeedResult(true, $"Demo data created: {ideas} ideas with participants, supports and comments; a draft strategy with a four-phase timeline; {councils} councils with recipients; {votes.Count} votes; {(surveys is null ? 0 : 3)} surveys.");
    }
}
