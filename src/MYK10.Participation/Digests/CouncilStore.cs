using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Administration;
using MYK10.Participation.Data;
using MYK10.Participation.Moderation;

namespace MYK10.Participation.Digests;

public enum CouncilSaveResult
{
    Saved,
    DuplicateName,
    NotFound,
}

public enum RecipientAddResult
{
    Added,
    Duplicate,
}

/// <summary>Councils, their recipients and their stored digests.</summary>
public sealed class CouncilStore(IDbConnectionFactory connections, TimeProvider clock)
{
    private const string CouncilColumns = """
        c.id AS Id, c.name AS Name, c.municipality_id AS MunicipalityId, m.short_name AS AreaName, c.cron AS Cron,
        c.active AS Active, c.skip_empty AS SkipEmpty, c.created_at AS CreatedAt
        """;

    private const string RecipientColumns = """
        id AS Id, council_id AS CouncilId, name AS Name, email AS Email, active AS Active, unsubscribed_at AS UnsubscribedAt,
        permanent_failures AS PermanentFailures, paused_at AS PausedAt
        """;

    public async Task<IReadOnlyList<CouncilListItem>> ListAsync()
    {
        const string sql = """
            SELECT c.id AS Id, c.name AS Name, m.short_name AS AreaName, c.cron AS Cron, c.active AS Active,
                   (SELECT count(*) FROM council_recipients r WHERE r.council_id = c.id) AS Recipients,
                   (SELECT count(*) FROM council_recipients r WHERE r.council_id = c.id AND r.active = 1
                        AND r.unsubscribed_at IS NULL AND r.paused_at IS NULL) AS Receiving,
                   (SELECT max(d.period_end) FROM digests d WHERE d.council_id = c.id) AS LastPeriodEnd
            FROM councils c JOIN municipalities m ON m.id = c.municipality_id
            ORDER BY m.position, c.name
            """;
        await using var connection = await connections.OpenAsync();
        return (await connection.QueryAsync<CouncilListItem>(sql)).AsList();
    }

    public async Task<IReadOnlyList<Council>> ActiveAsync()
    {
        const string sql = $"""
            SELECT {CouncilColumns}
            FROM councils c JOIN municipalities m ON m.id = c.municipality_id
            WHERE c.active = 1
            ORDER BY c.id
            """;
        await using var connection = await connections.OpenAsync();
        return (await connection.QueryAsync<Council>(sql)).AsList();
    }

    public async Task<Council?> FindAsync(long id)
    {
        await using var connection = await connections.OpenAsync();
        return await FindAsync(connection, null, id);
    }

    internal static async Task<Council?> FindAsync(SqliteConnection connection, SqliteTransaction? transaction, long id)
    {
        const string sql = $"""
            SELECT {CouncilColumns}
            FROM councils c JOIN municipalities m ON m.id = c.municipality_id
            WHERE c.id = @Id
            """;
        return await connection.QuerySingleOrDefaultAsync<Council>(sql, new { Id = id }, transaction);
    }

    public async Task<(CouncilSaveResult Result, long Id)> CreateAsync(CouncilInput input, StaffActor? actor = null)
    {
        const string sql = """
            INSERT INTO councils (name, municipality_id, cron, active, skip_empty, created_at, updated_at)
            VALUES (@Name, @MunicipalityId, @Cron, @Active, @SkipEmpty, @Now, @Now)
            ON CONFLICT (name) DO NOTHING
            RETURNING id
            """;
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        if (await connection.ExecuteScalarAsync<long?>(sql, Parameters(input), transaction) is not { } id)
        {
            return (CouncilSaveResult.DuplicateName, 0);
        }

        await AdminLog.WriteAsync(connection, transaction, actor, clock.GetUtcNow(), AdminActions.Create, AdminTarget.Council(id), input.Name);
        await transaction.CommitAsync();
        return (CouncilSaveResult.Saved, id);
    }

    public async Task<CouncilSaveResult> UpdateAsync(long id, CouncilInput input, StaffActor? actor = null)
    {
        const string duplicate = "SELECT count(*) FROM councils WHERE name = @Name AND id <> @Id";
        const string sql = """
            UPDATE councils
            SET name = @Name, municipality_id = @MunicipalityId, cron = @Cron, active = @Active, skip_empty = @SkipEmpty, updated_at = @Now
            WHERE id = @Id
            """;
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var parameters = new DynamicParameters(Parameters(input));
        parameters.Add("Id", id);
        if (await connection.ExecuteScalarAsync<long>(duplicate, parameters, transaction) > 0)
        {
            return CouncilSaveResult.DuplicateName;
        }

        if (await connection.ExecuteAsync(sql, parameters, transaction) != 1)
        {
            return CouncilSaveResult.NotFound;
        }

        await AdminLog.WriteAsync(connection, transaction, actor, clock.GetUtcNow(), AdminActions.Update, AdminTarget.Council(id), input.Name);
        await transaction.CommitAsync();
        return CouncilSaveResult.Saved;
    }

    /// <summary>Deletes the council with its recipients, digests and delivery records (the sent mail stays in the outbox).</summary>
    public async Task<bool> DeleteAsync(long id, StaffActor? actor = null)
    {
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        if (await connection.QuerySingleOrDefaultAsync<string?>("DELETE FROM councils WHERE id = @Id RETURNING name AS Name", new { Id = id }, transaction) is not { } name)
        {
            return false;
        }

        await AdminLog.WriteAsync(connection, transaction, actor, clock.GetUtcNow(), AdminActions.Delete, AdminTarget.Council(id), name);
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>What deleting the council would remove with it: its recipients and its stored digests.</summary>
    public async Task<(long Recipients, long Digests)> DeletionScopeAsync(long id)
    {
        await using var connection = await connections.OpenAsync();
        var recipients = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM council_recipients WHERE council_id = @Id", new { Id = id });
        var digests = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM digests WHERE council_id = @Id", new { Id = id });
        return (recipients, digests);
    }

    public async Task<IReadOnlyList<CouncilRecipient>> RecipientsAsync(long councilId)
    {
        const string sql = $"SELECT {RecipientColumns} FROM council_recipients WHERE council_id = @CouncilId ORDER BY name, id";
        await using var connection = await connections.OpenAsync();
        return (await connection.QueryAsync<CouncilRecipient>(sql, new { CouncilId = councilId })).AsList();
    }

    public async Task<CouncilRecipient?> FindRecipientAsync(long councilId, long recipientId)
    {
        const string sql = $"SELECT {RecipientColumns} FROM council_recipients WHERE council_id = @CouncilId AND id = @Id";
        await using var connection = await connections.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<CouncilRecipient>(sql, new { CouncilId = councilId, Id = recipientId });
    }

    public async Task<RecipientAddResult> AddRecipientAsync(long councilId, string name, string email, StaffActor? actor = null)
    {
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        if (await InsertRecipientAsync(connection, transaction, councilId, name, email, clock.GetUtcNow()) is not { } id)
        {
            return RecipientAddResult.Duplicate;
        }

        await AdminLog.WriteAsync(connection, transaction, actor, clock.GetUtcNow(), AdminActions.Create, AdminTarget.Recipient(councilId, id), Named(name, email));
        await transaction.CommitAsync();
        return RecipientAddResult.Added;
    }

    /// <summary>Adds every row in one transaction; addresses already on the list are skipped. Returns (added, skipped).</summary>
    /// <remarks>One log entry for the whole import, on the council, naming the addresses added.</remarks>
    public async Task<(int Added, int Skipped)> ImportRecipientsAsync(long councilId, IReadOnlyList<RecipientRow> rows, StaffActor? actor = null)
    {
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var now = clock.GetUtcNow();
        var added = new List<string>();
        foreach (var row in rows)
        {
            if (await InsertRecipientAsync(connection, transaction, councilId, row.Name, row.Email, now) is not null)
            {
                added.Add(row.Email.Trim());
            }
        }

        if (added.Count > 0)
        {
            await AdminLog.WriteAsync(connection, transaction, actor, now, AdminActions.Import, AdminTarget.Council(councilId), string.Join(", ", added));
        }

        await transaction.CommitAsync();
        return (added.Count, rows.Count - added.Count);
    }

    /// <summary>The new recipient's id, or null when the address is on the list already.</summary>
    private static async Task<long?> InsertRecipientAsync(SqliteConnection connection, SqliteTransaction transaction, long councilId, string name, string email, DateTimeOffset now)
    {
        const string sql = """
            INSERT INTO council_recipients (council_id, name, email, created_at)
            VALUES (@CouncilId, @Name, @Email, @Now)
            ON CONFLICT (council_id, email COLLATE NOCASE) DO NOTHING
            RETURNING id
            """;
        return await connection.ExecuteScalarAsync<long?>(sql, new { CouncilId = councilId, Name = name.Trim(), Email = email.Trim(), Now = now }, transaction);
    }

    private static string Named(string name, string email) => $"{name.Trim()} <{email.Trim()}>";

    private sealed record NameAndEmail(string Name, string Email);

    /// <summary>Switches a recipient on or off; switching on also lifts a pause after failures (not an unsubscription).</summary>
    public async Task<bool> SetRecipientActiveAsync(long councilId, long recipientId, bool active, StaffActor? actor = null)
    {
        const string sql = """
            UPDATE council_recipients
            SET active = @Active,
                paused_at = CASE WHEN @Active = 1 THEN NULL ELSE paused_at END,
                permanent_failures = CASE WHEN @Active = 1 THEN 0 ELSE permanent_failures END
            WHERE council_id = @CouncilId AND id = @Id
            RETURNING name AS Name, email AS Email
            """;
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var recipient = await connection.QuerySingleOrDefaultAsync<NameAndEmail>(sql,
            new { CouncilId = councilId, Id = recipientId, Active = active ? 1 : 0 }, transaction);
        if (recipient is not { } r)
        {
            return false;
        }

        await AdminLog.WriteAsync(connection, transaction, actor, clock.GetUtcNow(), active ? AdminActions.Activate : AdminActions.Deactivate,
            AdminTarget.Recipient(councilId, recipientId), Named(r.Name, r.Email));
        await transaction.CommitAsync();
        return true;
    }

    /// <remarks>The log entry keeps the name and address, so that it still says who was removed.</remarks>
    public async Task<bool> RemoveRecipientAsync(long councilId, long recipientId, StaffActor? actor = null)
    {
        const string sql = "DELETE FROM council_recipients WHERE council_id = @CouncilId AND id = @Id RETURNING name AS Name, email AS Email";
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var recipient = await connection.QuerySingleOrDefaultAsync<NameAndEmail>(sql, new { CouncilId = councilId, Id = recipientId }, transaction);
        if (recipient is not { } r)
        {
            return false;
        }

        await AdminLog.WriteAsync(connection, transaction, actor, clock.GetUtcNow(), AdminActions.Delete, AdminTarget.Recipient(councilId, recipientId), Named(r.Name, r.Email));
        await transaction.CommitAsync();
        return true;
    }

    public async Task<IReadOnlyList<StoredDigest>> DigestsAsync(long councilId)
    {
        const string sql = """
            SELECT id AS Id, council_id AS CouncilId, period_start AS PeriodStart, period_end AS PeriodEnd, subject AS Subject,
                   text_body AS TextBody, html_body AS HtmlBody, is_empty AS IsEmpty, created_at AS CreatedAt
            FROM digests WHERE council_id = @CouncilId
            ORDER BY period_end DESC
            """;
        await using var connection = await connections.OpenAsync();
        return (await connection.QueryAsync<StoredDigest>(sql, new { CouncilId = councilId })).AsList();
    }

    public async Task<StoredDigest?> FindDigestAsync(long councilId, long digestId)
    {
        const string sql = """
            SELECT id AS Id, council_id AS CouncilId, period_start AS PeriodStart, period_end AS PeriodEnd, subject AS Subject,
                   text_body AS TextBody, html_body AS HtmlBody, is_empty AS IsEmpty, created_at AS CreatedAt
            FROM digests WHERE council_id = @CouncilId AND id = @Id
            """;
        await using var connection = await connections.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<StoredDigest>(sql, new { CouncilId = councilId, Id = digestId });
    }

    /// <summary>The deliveries of a council's digests, with the outbox's status and last error of each.</summary>
    public async Task<IReadOnlyList<DigestDeliveryView>> DeliveriesAsync(long councilId, long? digestId = null)
    {
        const string sql = """
            SELECT dd.id AS Id, dd.digest_id AS DigestId, dd.recipient_id AS RecipientId, r.name AS RecipientName, r.email AS RecipientEmail,
                   dd.copy AS Copy, dd.status AS Status, dd.failure AS Failure, o.status AS OutboxStatus, o.last_error AS OutboxError,
                   o.attempts AS OutboxAttempts, o.sent_at AS SentAt, dd.requested_by AS RequestedBy, dd.created_at AS CreatedAt
            FROM digest_deliveries dd
            JOIN digests d ON d.id = dd.digest_id
            JOIN council_recipients r ON r.id = dd.recipient_id
            LEFT JOIN mail_outbox o ON o.id = dd.outbox_id
            WHERE d.council_id = @CouncilId AND (@DigestId IS NULL OR dd.digest_id = @DigestId)
            ORDER BY d.period_end DESC, r.name, dd.copy
            """;
        await using var connection = await connections.OpenAsync();
        return (await connection.QueryAsync<DigestDeliveryView>(sql, new { CouncilId = councilId, DigestId = digestId })).AsList();
    }

    private object Parameters(CouncilInput input) => new
    {
        Name = input.Name.Trim(),
        input.MunicipalityId,
        Cron = input.Cron.Trim(),
        Active = input.Active ? 1 : 0,
        SkipEmpty = input.SkipEmpty ? 1 : 0,
        Now = clock.GetUtcNow(),
    };
}
