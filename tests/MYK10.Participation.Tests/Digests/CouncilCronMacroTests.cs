using Dapper;
using MYK10.Participation.Data;
using MYK10.Participation.Digests;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Digests;

/// <summary>Councils stored with a cron macro before the form refused them get the macro written out in five fields.</summary>
public sealed class CouncilCronMacroTests
{
    [Fact]
    public async Task StoredMacros_AreWrittenOutInFiveFields_WhichTheFormTakes_OtherSchedulesStayAsTheyAre()
    {
        await using var app = await TestApp.StartAsync();
        await using var connection = await app.Connections.OpenAsync();
        string[] stored = ["@midnight", "@annually", "@every_minute", "0 7 * * 1"];
        foreach (var (cron, i) in stored.Select((c, i) => (c, i)))
        {
            await connection.ExecuteAsync(
                "INSERT INTO councils (name, municipality_id, cron, created_at, updated_at) VALUES (@Name, 'mayen', @Cron, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                new { Name = $"Rat {i}", Cron = cron });
        }

        Assert.DoesNotContain(stored.Take(3), DigestRound.IsValidCron);
        await connection.ExecuteAsync(MigrationScript.Embedded().Single(s => s.Name.StartsWith("0081_", StringComparison.Ordinal)).Sql);

        var crons = (await connection.QueryAsync<string>("SELECT cron FROM councils ORDER BY name")).ToList();
        Assert.Equal(["0 0 * * *", "0 0 1 1 *", "* * * * *", "0 7 * * 1"], crons);
        Assert.All(crons, cron => Assert.True(DigestRound.IsValidCron(cron), cron));
    }
}
