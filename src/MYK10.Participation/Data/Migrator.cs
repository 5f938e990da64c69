using Dapper;
using Microsoft.Extensions.Logging;

namespace MYK10.Participation.Data;

/// <summary>Applies the migration scripts in name order, each once and in its own transaction.</summary>
public sealed class Migrator(IDbConnectionFactory connections, IReadOnlyList<MigrationScript> scripts, TimeProvider clock, ILogger<Migrator> logger)
{
    private const string CreateJournal = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            name       TEXT NOT NULL PRIMARY KEY,
            checksum   TEXT NOT NULL,
            applied_at TEXT NOT NULL
        );
        """;

    /// <summary>Returns the names of the scripts applied by this call.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(CreateJournal);

        var applied = (await connection.QueryAsync<(string Name, string Checksum)>(
                "SELECT name, checksum FROM schema_migrations"))
            .ToDictionary(r => r.Name, r => r.Checksum, StringComparer.Ordinal);

        foreach (var script in scripts)
        {
            if (applied.TryGetValue(script.Name, out var checksum) && checksum != script.Checksum)
            {
                throw new MigrationException(
                    $"Migration {script.Name} was changed after it was applied (checksum {checksum[..12]}… in the database, " +
                    $"{script.Checksum[..12]}… in the file). Never edit an applied migration: restore the file and add a new one.");
            }
        }

        var appliedNow = new List<string>();
        foreach (var script in scripts.Where(s => !applied.ContainsKey(s.Name)).OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                await connection.ExecuteAsync(script.Sql, transaction: transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_migrations (name, checksum, applied_at) VALUES (@Name, @Checksum, @AppliedAt)",
                    new { script.Name, script.Checksum, AppliedAt = clock.GetUtcNow() },
                    transaction);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new MigrationException($"Migration {script.Name} failed: {ex.Message}", ex);
            }

            logger.LogInformation("Applied migration {Migration}", script.Name);
            appliedNow.Add(script.Name);
        }

        return appliedNow;
    }
}
