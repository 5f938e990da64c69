using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using MYK10.Participation.Data;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Data;

public sealed class MigratorTests
{
    [Fact]
    public void EmbeddedScripts_EachHaveTheirOwnFourDigitNumber()
    {
        // Two branches adding the same next number would both apply, in an order that depends on their names.
        var numbers = MigrationScript.Embedded().Select(s => s.Name[..Math.Min(4, s.Name.Length)]).ToList();

        Assert.All(numbers, n => Assert.Matches("^[0-9]{4}$", n));
        Assert.Empty(numbers.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public async Task Migrate_FreshDatabase_CreatesTablesAndReferenceData()
    {
        await using var app = await TestApp.StartAsync();
        await using var connection = await app.Connections.OpenAsync();

        var tables = (await connection.QueryAsync<string>("SELECT name FROM sqlite_schema WHERE type = 'table'")).ToHashSet();
        Assert.Superset(new HashSet<string> { "schema_migrations", "municipalities", "fields_of_action", "mail_outbox", "staff" }, tables);

        var municipalities = (await connection.QueryAsync<string>("SELECT short_name FROM municipalities ORDER BY position")).ToList();
        Assert.Equal(
            ["Andernach", "Bendorf", "Mayen", "Maifeld", "Mendig", "Pellenz", "Rhein-Mosel", "Vallendar", "Vordereifel", "Weißenthurm", "Mayen-Koblenz"],
            municipalities);
        var fields = (await connection.QueryAsync<string>("SELECT name FROM fields_of_action ORDER BY position")).ToList();
        Assert.Equal(10, fields.Count);
        Assert.Contains("Verkehr und Mobilität", fields);
        Assert.Contains("Digitale Souveränität", fields);

        var applied = await connection.QueryAsync<string>("SELECT name FROM schema_migrations ORDER BY name");
        Assert.Equal(MigrationScript.Embedded().Select(s => s.Name), applied);
    }

    [Fact]
    public async Task Migrate_Twice_ChangesNothing()
    {
        await using var app = await TestApp.StartAsync();
        var schemaBefore = await SchemaAsync(app);

        var appliedAgain = await app.Get<Migrator>().MigrateAsync();

        Assert.Empty(appliedAgain);
        Assert.Equal(schemaBefore, await SchemaAsync(app));
        await using var connection = await app.Connections.OpenAsync();
        Assert.Equal(11, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM municipalities"));
    }

    [Fact]
    public async Task Migrate_AppliedFileChanged_StopsNamingTheFile()
    {
        await using var app = await TestApp.StartAsync();
        var scripts = MigrationScript.Embedded().ToList();
        scripts[1] = scripts[1] with { Sql = scripts[1].Sql + "\n-- edited after release\n" };
        var migrator = new Migrator(app.Connections, scripts, app.Clock, NullLogger<Migrator>.Instance);

        var error = await Assert.ThrowsAsync<MigrationException>(() => migrator.MigrateAsync());

        Assert.Contains(scripts[1].Name, error.Message, StringComparison.Ordinal);
        Assert.Contains("changed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_NewScript_IsAppliedOnceInOrder()
    {
        await using var app = await TestApp.StartAsync();
        var scripts = MigrationScript.Embedded().Append(new MigrationScript("9999_test.sql", "CREATE TABLE probe (id INTEGER PRIMARY KEY);")).ToList();
        var migrator = new Migrator(app.Connections, scripts, app.Clock, NullLogger<Migrator>.Instance);

        Assert.Equal(["9999_test.sql"], await migrator.MigrateAsync());
        Assert.Empty(await migrator.MigrateAsync());
    }

    [Fact]
    public async Task Migrate_FailingScript_RollsBackAndNamesTheFile()
    {
        await using var app = await TestApp.StartAsync();
        var broken = new MigrationScript("9998_broken.sql", "CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1);");
        var migrator = new Migrator(app.Connections, [.. MigrationScript.Embedded(), broken], app.Clock, NullLogger<Migrator>.Instance);

        var error = await Assert.ThrowsAsync<MigrationException>(() => migrator.MigrateAsync());

        Assert.Contains("9998_broken.sql", error.Message, StringComparison.Ordinal);
        await using var connection = await app.Connections.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'"));
    }

    [Fact]
    public async Task Connection_HasHousePragmas()
    {
        await using var app = await TestApp.StartAsync();
        await using var connection = await app.Connections.OpenAsync();

        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous"));
        Assert.Equal(5000, await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"));
    }

    [Fact]
    public async Task Fts5_IsAvailable()
    {
        await using var app = await TestApp.StartAsync();
        await using var connection = await app.Connections.OpenAsync();

        await connection.ExecuteAsync("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')");
        await connection.ExecuteAsync("INSERT INTO t (body) VALUES ('Mobilität im ländlichen Raum')");

        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM t WHERE t MATCH 'mobilitat'"));
    }

    private static async Task<List<string>> SchemaAsync(TestApp app)
    {
        await using var connection = await app.Connections.OpenAsync();
        return (await connection.QueryAsync<string>("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_schema ORDER BY name")).ToList();
    }
}
