using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Data;

namespace MYK10.Participation.Operations;

public enum RestoreStatus
{
    Restored,
    FileMissing,
    NotADatabase,
    NotParticipationDatabase,
    Damaged,
    SiteRunning,
}

public sealed record RestoreResult(RestoreStatus Status, string? Detail = null);

/// <summary>Puts a backup back in place of the application database, but never under a running site.</summary>
public sealed class RestoreService(IDbConnectionFactory connections, Migrator migrator)
{
    public async Task<RestoreResult> RestoreAsync(string backupPath, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(backupPath))
        {
            return new RestoreResult(RestoreStatus.FileMissing);
        }

        var check = await ValidateAsync(backupPath, cancellationToken);
        if (check is not null)
        {
            return check;
        }

        string target;
        await using (var probe = await connections.OpenAsync(cancellationToken))
        {
            target = probe.DataSource;
        }

        // Held for the whole restore, so the site cannot start on a half-restored file either.
        using var siteLock = SiteLock.TryAcquire(target);
        if (siteLock is null)
        {
            return new RestoreResult(RestoreStatus.SiteRunning, target);
        }

        // SQLite's online backup API writes the pages through the target's own connection, so its WAL and
        // any pooled connections stay consistent (a plain file copy beside a -wal file would not).
        await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backupPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        await using (var destination = await connections.OpenAsync(cancellationToken))
        {
            await source.OpenAsync(cancellationToken);
            source.BackupDatabase(destination);
            await destination.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        }

        SqliteConnection.ClearAllPools();
        await migrator.MigrateAsync();
        return new RestoreResult(RestoreStatus.Restored, target);
    }

    private static async Task<RestoreResult?> ValidateAsync(string backupPath, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backupPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken);
            var integrity = await connection.ExecuteScalarAsync<string>(new CommandDefinition("PRAGMA integrity_check", cancellationToken: cancellationToken));
            if (integrity != "ok")
            {
                return new RestoreResult(RestoreStatus.Damaged, integrity);
            }

            var migrations = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'", cancellationToken: cancellationToken));
            return migrations == 1 ? null : new RestoreResult(RestoreStatus.NotParticipationDatabase);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 26 or 11)
        {
            // SQLITE_NOTADB, SQLITE_CORRUPT
            return new RestoreResult(RestoreStatus.NotADatabase, ex.Message);
        }
    }
}
