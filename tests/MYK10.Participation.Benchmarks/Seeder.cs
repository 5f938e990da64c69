using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Data;

namespace MYK10.Participation.Benchmarks;

/// <summary>
/// Fills a fresh, migrated database with a county-sized data set by bulk inserts: prepared statements inside
/// one transaction per table, not through HTTP.
/// </summary>
internal sealed class Seeder(IDbConnectionFactory connections, BenchmarkOptions options)
{
    internal static readonly string[] Municipalities = ["andernach", "bendorf", "mayen", "maifeld", "mendig", "pellenz", "rhein-mosel", "vallendar", "vordereifel", "weissenthurm", "kreis"];
    internal static readonly string[] Fields = ["wirtschaft", "tourismus", "gesundheit", "bildung", "kommunikationsinfrastruktur", "verkehr-und-mobilitaet", "energie", "umwelt-und-klima", "digitale-souveraenitaet", "stadt-und-kreisentwicklung"];
    private static readonly string[] Words = ["Glasfaser", "Mobilität", "Rufbus", "Bürgerbüro", "Schule", "Telemedizin", "Solar", "Radweg", "WLAN", "Hochwasser", "Dorfladen", "Bibliothek", "Parkplatz", "Ladesäule", "Sensor", "Wanderweg", "Vereine", "Senioren", "Jugend", "Handwerk"];

    public int Participants { get; private set; }

    public int Ideas { get; private set; }

    public long Supports { get; private set; }

    public int Comments { get; private set; }

    /// <summary>Participants kept free of seeded supports, for the write load.</summary>
    public int FirstFreshParticipant { get; private set; }

    public async Task<TimeSpan> SeedAsync()
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(42);
        var now = DateTimeOffset.UtcNow;
        Participants = options.Count(200_000);
        Ideas = options.Count(50_000);
        var supportsTarget = options.Count(500_000);
        Comments = options.Count(20_000);
        FirstFreshParticipant = Participants - Math.Min(Participants / 2, 2_000) + 1;

        await using var connection = await connections.OpenAsync();
        await BulkAsync(connection, "INSERT INTO participants (email, display_name, municipality_id, email_confirmed_at, privacy_version, privacy_accepted_at, created_at) VALUES ($e, $n, $m, $t, '2026-11', $t, $t)",
            Participants, (command, i) =>
            {
                command.Parameters["$e"].Value = $"bench-{i + 1}@example.org";
                command.Parameters["$n"].Value = i % 4 == 0 ? DBNull.Value : $"Person {i + 1}";
                command.Parameters["$m"].Value = Municipalities[i % 10];
                command.Parameters["$t"].Value = DapperTypeHandlers.ToText(now.AddDays(-200));
            }, "$e", "$n", "$m", "$t");

        await BulkAsync(connection, """
            INSERT INTO ideas (author_id, title, body, field_id, municipality_id, state, created_at, published_at)
            VALUES ($a, $title, $body, $f, $m, $s, $c, $p)
            """, Ideas, (command, i) =>
            {
                var created = now.AddMinutes(-(Ideas - i) * 5);
                var published = i % 10 != 0;
                command.Parameters["$a"].Value = 1 + (i * 7919 % (FirstFreshParticipant - 1));
                command.Parameters["$title"].Value = $"{Words[i % Words.Length]} für {Municipalities[i % 11]} – Vorschlag {i + 1}";
                command.Parameters["$body"].Value = $"Ein Vorschlag zu {Words[(i * 3) % Words.Length]} und {Words[(i * 7) % Words.Length]} im Landkreis Mayen-Koblenz. Die Umsetzung wäre für viele Menschen in der Region hilfreich.";
                command.Parameters["$f"].Value = Fields[i % Fields.Length];
                command.Parameters["$m"].Value = Municipalities[(i / 3) % 11];
                command.Parameters["$s"].Value = published ? "published" : "pending";
                command.Parameters["$c"].Value = DapperTypeHandlers.ToText(created);
                command.Parameters["$p"].Value = published ? DapperTypeHandlers.ToText(created.AddHours(1)) : DBNull.Value;
            }, "$a", "$title", "$body", "$f", "$m", "$s", "$c", "$p");

        // Supports: a few ideas are very popular, most have some; pairs are distinct by construction.
        var published = Enumerable.Range(1, Ideas).Where(i => (i - 1) % 10 != 0).ToArray();
        var pairs = new List<(int Idea, int Participant)>(supportsTarget);
        var supporters = FirstFreshParticipant - 1;
        for (var n = 0; pairs.Count < supportsTarget && n < published.Length * 4; n++)
        {
            var idea = published[n % published.Length];
            var round = n / published.Length;
            var count = Math.Min(supporters, (int)(supportsTarget / (double)published.Length * (round == 0 ? 1.6 : 0.2) * (1 + random.NextDouble())));
            var start = random.Next(supporters);
            for (var j = 0; j < count && pairs.Count < supportsTarget; j++)
            {
                pairs.Add((idea, 1 + ((start + j * 31 + round * 7) % supporters)));
            }
        }

        await BulkAsync(connection, "INSERT OR IGNORE INTO idea_supports (idea_id, participant_id, created_at) VALUES ($i, $p, $t)",
            pairs.Count, (command, i) =>
            {
                command.Parameters["$i"].Value = pairs[i].Idea;
                command.Parameters["$p"].Value = pairs[i].Participant;
                command.Parameters["$t"].Value = DapperTypeHandlers.ToText(now.AddDays(-1));
            }, "$i", "$p", "$t");
        await BulkAsync(connection, "INSERT INTO idea_comments (idea_id, author_id, body, created_at) VALUES ($i, $a, $b, $t)",
            Comments, (command, i) =>
            {
                command.Parameters["$i"].Value = published[i * 13 % published.Length];
                command.Parameters["$a"].Value = 1 + (i * 104729 % (FirstFreshParticipant - 1));
                command.Parameters["$b"].Value = $"Kommentar {i + 1}: gute Idee, aber bitte an alle Ortsteile denken.";
                command.Parameters["$t"].Value = DapperTypeHandlers.ToText(now.AddHours(-2));
            }, "$i", "$a", "$b", "$t");

        await connection.ExecuteAsync("""
            UPDATE ideas SET supporters = (SELECT count(*) FROM idea_supports s WHERE s.idea_id = ideas.id),
                             comments = (SELECT count(*) FROM idea_comments c WHERE c.idea_id = ideas.id AND c.state = 'visible');
            ANALYZE;
            """, commandTimeout: 600);
        Supports = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM idea_supports");
        return watch.Elapsed;
    }

    internal static async Task BulkAsync(SqliteConnection connection, string sql, int count, Action<SqliteCommand, int> bind, params string[] parameters)
    {
        const int batch = 50_000;
        for (var offset = 0; offset < count; offset += batch)
        {
            await using var transaction = connection.BeginTransaction();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }

            command.Prepare();
            for (var i = offset; i < Math.Min(count, offset + batch); i++)
            {
                bind(command, i);
                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
    }
}
