using Dapper;
using Microsoft.Data.Sqlite;

namespace MYK10.Participation.Digests;

/// <summary>The eleven councils of MYK10 (ten member councils and the Kreistag) with example recipients.</summary>
public static class DigestDemoData
{
    private static readonly (string Name, string Area)[] Councils =
    [
        ("Stadtrat Andernach", "andernach"),
        ("Stadtrat Bendorf", "bendorf"),
        ("Stadtrat Mayen", "mayen"),
        ("Verbandsgemeinderat Maifeld", "maifeld"),
        ("Verbandsgemeinderat Mendig", "mendig"),
        ("Verbandsgemeinderat Pellenz", "pellenz"),
        ("Verbandsgemeinderat Rhein-Mosel", "rhein-mosel"),
        ("Verbandsgemeinderat Vallendar", "vallendar"),
        ("Verbandsgemeinderat Vordereifel", "vordereifel"),
        ("Verbandsgemeinderat Weißenthurm", "weissenthurm"),
        ("Kreistag Mayen-Koblenz", Council.CountyArea),
    ];

    private static readonly string[] People = ["Andrea Becker", "Thomas Schmitt", "Sabine Wagner"];

    /// <summary>Inserts the councils (weekly, Monday 07:00) and three example.org recipients each. Returns the number of councils.</summary>
    public static async Task<int> SeedAsync(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now)
    {
        const string council = """
            INSERT INTO councils (name, municipality_id, cron, active, skip_empty, created_at, updated_at)
            VALUES (@Name, @Area, @Cron, 1, 0, @Created, @Created)
            RETURNING id
            """;
        const string recipient = """
            INSERT INTO council_recipients (council_id, name, email, created_at) VALUES (@CouncilId, @Name, @Email, @Created)
            """;
        // Created a week ago, so the first scheduled digest has a full week to report on.
        var created = now.AddDays(-7);
        foreach (var (name, area) in Councils)
        {
            var id = await connection.ExecuteScalarAsync<long>(council, new { Name = name, Area = area, Cron = Council.DefaultCron, Created = created }, transaction);
            foreach (var person in People)
            {
                var local = person.ToLowerInvariant().Replace(' ', '.');
                await connection.ExecuteAsync(recipient, new { CouncilId = id, Name = person, Email = $"{local}@{area}.example.org", Created = created }, transaction);
            }
        }

        return Councils.Length;
    }
}
