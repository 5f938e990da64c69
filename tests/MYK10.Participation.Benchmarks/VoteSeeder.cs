using Dapper;
using MYK10.Participation.Ballots;
using MYK10.Participation.Data;

namespace MYK10.Participation.Benchmarks;

/// <summary>
/// Budget votes defined through the real store (twenty measures each, greedy and Equal Shares alternating), their
/// ballots added by bulk inserts from seeded participants; the first half closed (tallies, result pages), the second
/// half open (ballots under load). Also the eleven councils with five recipients each.
/// </summary>
internal sealed class VoteSeeder(IDbConnectionFactory connections, VoteStore votes, BenchmarkOptions options)
{
    public const int VoteCount = 10;
    public const int OptionsPerVote = 20;
    public const long Budget = 1_000_000;

    private static readonly string[] Areas = ["andernach", "bendorf", "mayen", "maifeld", "mendig", "pellenz", "rhein-mosel", "vallendar", "vordereifel", "weissenthurm", "kreis"];

    public IReadOnlyList<long> Closed { get; private set; } = [];

    public IReadOnlyList<long> Open { get; private set; } = [];

    public long Ballots { get; private set; }

    public long Choices { get; private set; }

    /// <param name="voters">Seeded participants 1..voters cast the ballots (one per vote each).</param>
    public async Task SeedAsync(int voters)
    {
        var now = DateTimeOffset.UtcNow;
        var ids = new List<long>();
        for (var v = 0; v < VoteCount; v++)
        {
            var closed = v < VoteCount / 2;
            var options = Enumerable.Range(1, OptionsPerVote)
                .Select(o => new OptionDraft($"Maßnahme {o} der Abstimmung {v + 1}", "Beschreibung der Maßnahme.", 20_000 + (o * 37_000 % 180_000)))
                .ToList();
            var draft = new VoteDraft($"Bürgerbudget {v + 1}", "Welche Maßnahmen sollen zuerst umgesetzt werden?", "kreis",
                now.AddDays(-30), closed ? now.AddDays(-1) : now.AddDays(30), VoteMethod.Budget, options,
                Budget: Budget, Rule: v % 2 == 0 ? AllocationRule.Greedy : AllocationRule.EqualShares);
            ids.Add(await votes.InsertAsync(draft, published: true, imported: false, now.AddDays(-31)));
        }

        var optionIds = new Dictionary<long, long[]>();
        foreach (var id in ids)
        {
            optionIds[id] = (await votes.FindAsync(id))!.Options.Select(o => o.Id).ToArray();
        }

        var total = options.Count(100_000);
        var perVote = Math.Min(voters, (total + VoteCount - 1) / VoteCount);
        var random = new Random(11);
        var ballots = new List<(long Vote, long Participant, string Area)>(total);
        var choices = new List<(long Ballot, long Option)>(total * 3);
        foreach (var id in ids)
        {
            for (var i = 0; i < perVote && ballots.Count < total; i++)
            {
                ballots.Add((id, 1 + i, Areas[i % 10]));
                var ballot = ballots.Count;
                // Popular measures are approved more often: the tally has a clear order to find.
                foreach (var option in Enumerable.Range(0, OptionsPerVote).Where(o => random.NextDouble() < 0.45 / (1 + o * 0.15)).Take(5))
                {
                    choices.Add((ballot, optionIds[id][option]));
                }
            }
        }

        await using var connection = await connections.OpenAsync();
        var castAt = DapperTypeHandlers.ToText(now.AddDays(-2));
        await Seeder.BulkAsync(connection, """
            INSERT INTO ballots (id, vote_id, participant_id, receipt_code, municipality_id, cast_at) VALUES ($id, $v, $p, $c, $m, $t)
            """, ballots.Count, (command, i) =>
            {
                command.Parameters["$id"].Value = i + 1;
                command.Parameters["$v"].Value = ballots[i].Vote;
                command.Parameters["$p"].Value = ballots[i].Participant;
                command.Parameters["$c"].Value = $"B{i + 1:D9}";
                command.Parameters["$m"].Value = ballots[i].Area;
                command.Parameters["$t"].Value = castAt;
            }, "$id", "$v", "$p", "$c", "$m", "$t");
        await Seeder.BulkAsync(connection, "INSERT INTO ballot_choices (ballot_id, option_id, value) VALUES ($b, $o, 1)",
            choices.Count, (command, i) =>
            {
                command.Parameters["$b"].Value = choices[i].Ballot;
                command.Parameters["$o"].Value = choices[i].Option;
            }, "$b", "$o");

        await SeedCouncilsAsync(connection, now);
        Ballots = ballots.Count;
        Choices = choices.Count;
        Closed = ids.Take(VoteCount / 2).ToList();
        Open = ids.Skip(VoteCount / 2).ToList();
    }

    private static async Task SeedCouncilsAsync(Microsoft.Data.Sqlite.SqliteConnection connection, DateTimeOffset now)
    {
        await using var transaction = connection.BeginTransaction();
        foreach (var area in Areas)
        {
            var id = await connection.ExecuteScalarAsync<long>("""
                INSERT INTO councils (name, municipality_id, cron, created_at, updated_at) VALUES (@Name, @Area, '0 7 * * 1', @At, @At) RETURNING id
                """, new { Name = area == "kreis" ? "Kreistag" : $"Rat {area}", Area = area, At = now.AddDays(-7) }, transaction);
            for (var r = 1; r <= 5; r++)
            {
                await connection.ExecuteAsync("INSERT INTO council_recipients (council_id, name, email, created_at) VALUES (@Id, @Name, @Email, @At)",
                    new { Id = id, Name = $"Mitglied {r}", Email = $"mitglied{r}@{area}.example.org", At = now.AddDays(-7) }, transaction);
            }
        }

        await transaction.CommitAsync();
    }
}
