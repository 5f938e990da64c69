using Dapper;
using Microsoft.Extensions.Logging;
using MYK10.Participation.Data;

namespace MYK10.Participation.Privacy;

/// <summary>Export and deletion of one participant's data across every feature (through the contributors).</summary>
public sealed class PersonalDataService(
    IDbConnectionFactory connections,
    IEnumerable<IPersonalDataContributor> contributors,
    TimeProvider clock,
    ILogger<PersonalDataService> logger)
{
    public IReadOnlyList<IPersonalDataContributor> Contributors { get; } = contributors.ToList();

    /// <summary>Returns null when the participant does not exist or is deleted.</summary>
    public async Task<PersonalDataExport?> ExportAsync(long participantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // One read transaction: every section comes from the same snapshot.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var subject = await SubjectAsync(connection, transaction, participantId, cancellationToken);
        if (subject is null)
        {
            return null;
        }

        var sections = new List<PersonalDataSection>();
        foreach (var contributor in Contributors)
        {
            sections.AddRange(await contributor.ExportAsync(connection, transaction, subject, cancellationToken));
        }

        return new PersonalDataExport(participantId, clock.GetUtcNow(), sections);
    }

    /// <summary>
    /// Deletes the account now and for good: every contributor erases in one transaction, then the WAL is checkpointed
    /// and truncated so the old pages (zeroed by <c>secure_delete</c>) leave no copy of the address in any file.
    /// Returns false when there was no active account.
    /// </summary>
    public async Task<bool> DeleteAccountAsync(long participantId, CancellationToken cancellationToken = default)
    {
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            await using var transaction = connection.BeginTransaction();
            var subject = await SubjectAsync(connection, transaction, participantId, cancellationToken);
            if (subject is null)
            {
                return false;
            }

            foreach (var contributor in Contributors)
            {
                await contributor.EraseAsync(connection, transaction, subject, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await CheckpointAsync(cancellationToken);
        logger.LogInformation("Participant {ParticipantId} deleted their account", participantId);
        return true;
    }

    /// <summary>Copies the WAL into the database and truncates it; readers in progress can delay this, so it retries briefly.</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var (busy, _, _) = await connection.QuerySingleAsync<(long Busy, long Log, long Checkpointed)>(
                new CommandDefinition("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken: cancellationToken));
            if (busy == 0)
            {
                return;
            }

            await Task.Delay(50, cancellationToken);
        }

        logger.LogWarning("The WAL could not be truncated after an erasure; the next checkpoint will do it");
    }

    private static async Task<PersonalDataSubject?> SubjectAsync(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, long participantId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT id AS ParticipantId, email AS Email FROM participants WHERE id = @Id AND deleted_at IS NULL";
        return await connection.QuerySingleOrDefaultAsync<PersonalDataSubject>(
            new CommandDefinition(sql, new { Id = participantId }, transaction, cancellationToken: cancellationToken));
    }
}
