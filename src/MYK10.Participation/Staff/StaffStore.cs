using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Administration;
using MYK10.Participation.Data;

namespace MYK10.Participation.Staff;

public sealed class StaffStore(IDbConnectionFactory connections)
{
    private const string SqliteConstraintUnique = "UNIQUE";

    /// <summary>Returns the new id, or null when the email is taken (the UNIQUE constraint decides). Staff are added on the
    /// command line, so the admin log entry has no acting staff member.</summary>
    public async Task<long?> InsertAsync(string email, StaffRole role, string passwordHash, DateTimeOffset now)
    {
        const string sql = """
            INSERT INTO staff (email, role, password_hash, created_at)
            VALUES (@Email, @Role, @PasswordHash, @Now)
            RETURNING id
            """;
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        try
        {
            var id = await connection.ExecuteScalarAsync<long>(sql, new { Email = email, Role = role.ToText(), PasswordHash = passwordHash, Now = now }, transaction);
            await AdminLog.WriteAsync(connection, transaction, actor: null, now, AdminActions.Create, AdminTarget.Staff(id), $"{email} ({role.ToText()})");
            transaction.Commit();
            return id;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19 && ex.Message.Contains(SqliteConstraintUnique, StringComparison.Ordinal))
        {
            return null;
        }
    }

    internal Task<StaffRecord?> FindByEmailAsync(string email) => FindRecordAsync("email = @Key", email);

    internal Task<StaffRecord?> FindRecordByIdAsync(long id) => FindRecordAsync("id = @Key", id);

    private async Task<StaffRecord?> FindRecordAsync(string condition, object key)
    {
        const string select = """
            SELECT id AS Id, email AS Email, role AS Role, password_hash AS PasswordHash, failed_attempts AS FailedAttempts,
                   lockout_until AS LockoutUntil, active AS Active, session_stamp AS SessionStamp
            FROM staff
            """;
        await using var connection = await connections.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<StaffRecord>($"{select} WHERE {condition}", new { Key = key });
    }

    /// <summary>An active account with the stamp its sessions must carry: the one query of a staff request's session check.</summary>
    public async Task<StaffMember?> FindByIdAsync(long id)
    {
        const string sql = "SELECT id, email, role, session_stamp FROM staff WHERE id = @Id AND active = 1";
        await using var connection = await connections.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<(long Id, string Email, string Role, string Stamp)>(sql, new { Id = id });
        return row.Id == 0 || !StaffRoles.TryParse(row.Role, out var role) ? null : new StaffMember(row.Id, row.Email, role, row.Stamp);
    }

    /// <summary>Counts a failed try and, atomically, locks the account once the limit is reached.</summary>
    internal async Task RecordFailureAsync(long id, int maxFailedAttempts, DateTimeOffset lockoutUntil)
    {
        const string sql = """
            UPDATE staff
            SET failed_attempts = failed_attempts + 1,
                lockout_until = CASE WHEN failed_attempts + 1 >= @Max THEN @LockoutUntil ELSE lockout_until END
            WHERE id = @Id
            """;
        await using var connection = await connections.OpenAsync();
        await connection.ExecuteAsync(sql, new { Id = id, Max = maxFailedAttempts, LockoutUntil = lockoutUntil });
    }

    internal async Task RecordSuccessAsync(long id, DateTimeOffset now, string? rehashedPassword)
    {
        const string sql = """
            UPDATE staff
            SET failed_attempts = 0, lockout_until = NULL, last_sign_in_at = @Now,
                password_hash = coalesce(@Rehashed, password_hash)
            WHERE id = @Id
            """;
        await using var connection = await connections.OpenAsync();
        await connection.ExecuteAsync(sql, new { Id = id, Now = now, Rehashed = rehashedPassword });
    }

    /// <summary>After a lockout has run out, the count starts again.</summary>
    internal async Task ResetExpiredLockoutAsync(long id)
    {
        const string sql = "UPDATE staff SET failed_attempts = 0, lockout_until = NULL WHERE id = @Id";
        await using var connection = await connections.OpenAsync();
        await connection.ExecuteAsync(sql, new { Id = id });
    }

    public async Task<long> CountAsync()
    {
        await using var connection = await connections.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM staff");
    }

    /// <summary>Every staff account, the active ones first, by address.</summary>
    public Task<IReadOnlyList<StaffOverview>> ListAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT id, email, role, active, totp_enabled_at IS NOT NULL, created_at, last_sign_in_at
            FROM staff ORDER BY active DESC, email
            """;
        // Read by hand: with no rows SQLite types the expression column as BLOB, which Dapper's constructor matching refuses.
        return connections.ReadAsync<IReadOnlyList<StaffOverview>>(sql, [], rows =>
        {
            var accounts = new List<StaffOverview>();
            while (rows.Read())
            {
                accounts.Add(new StaffOverview(rows.GetInt64(0), rows.GetString(1), StaffRoles.TryParse(rows.GetString(2), out var role) ? role : StaffRole.Moderator,
                    rows.GetInt64(3) == 1, rows.GetInt64(4) == 1, DapperTypeHandlers.FromText(rows.GetString(5)), DapperTypeHandlers.FromNullableText(rows.GetValue(6))));
            }

            return accounts;
        }, cancellationToken);
    }

    /// <summary>The active accounts with this role, by id.</summary>
    public async Task<IReadOnlyList<StaffMember>> ActiveAsync(StaffRole role, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ActiveAsync(connection, null, role, cancellationToken);
    }

    /// <summary>The active accounts with this role, by id, read inside a caller's transaction (mail queued with it).</summary>
    public static async Task<IReadOnlyList<StaffMember>> ActiveAsync(SqliteConnection connection, SqliteTransaction? transaction, StaffRole role, CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT id AS Id, email AS Email FROM staff WHERE role = @Role AND active = 1 ORDER BY id";
        var rows = await connection.QueryAsync<(long Id, string Email)>(new CommandDefinition(sql, new { Role = role.ToText() }, transaction, cancellationToken: cancellationToken));
        return rows.Select(row => new StaffMember(row.Id, row.Email, role)).ToList();
    }

    /// <summary>The id of the account with this address (any case), active or not.</summary>
    public async Task<long?> FindIdAsync(string email) => (await FindByEmailAsync(email.Trim()))?.Id;

    /// <summary>
    /// Activates or deactivates an account, with its admin log entry. A deactivated account cannot sign in, and its
    /// open sessions end at their next request. The database refuses to deactivate the last active admin.
    /// </summary>
    internal Task<StaffChange> SetActiveAsync(long id, bool active, DateTimeOffset now) =>
        ChangeAsync(id, now, active ? AdminActions.Activate : AdminActions.Deactivate,
            "UPDATE staff SET active = @Active, failed_attempts = 0, lockout_until = NULL WHERE id = @Id AND active <> @Active", new { Id = id, Active = active ? 1 : 0 });

    /// <summary>Sets a new password (an admin's reset on the command line, or the member's own change) and lifts a lockout.</summary>
    internal Task<StaffChange> SetPasswordAsync(long id, string passwordHash, DateTimeOffset now) =>
        ChangeAsync(id, now, AdminActions.Update,
            "UPDATE staff SET password_hash = @Hash, failed_attempts = 0, lockout_until = NULL WHERE id = @Id", new { Id = id, Hash = passwordHash },
            "Passwort neu gesetzt");

    /// <summary>Turns off someone's second factor (a lost phone): they sign in with the password alone and may set up a new one.</summary>
    internal Task<StaffChange> ResetTwoFactorAsync(long id, DateTimeOffset now) =>
        ChangeAsync(id, now, AdminActions.DisableTwoFactor,
            "UPDATE staff SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = @Id AND (totp_secret IS NOT NULL OR totp_enabled_at IS NOT NULL)",
            new { Id = id });

    /// <summary>Makes someone a moderator or an admin. The database refuses to make the last active admin a moderator.</summary>
    internal Task<StaffChange> SetRoleAsync(long id, StaffRole role, DateTimeOffset now) =>
        ChangeAsync(id, now, AdminActions.Update, "UPDATE staff SET role = @Role WHERE id = @Id AND role <> @Role", new { Id = id, Role = role.ToText() },
            before: new { role = (role == StaffRole.Admin ? StaffRole.Moderator : StaffRole.Admin).ToText() }, after: new { role = role.ToText() });

    /// <summary>
    /// Ends every session of the account at its next request (<c>sql/0088_staff_session_stamp.sql</c>): part of each change
    /// to what a session stands for, in that change's transaction.
    /// </summary>
    internal static Task EndSessionsAsync(SqliteConnection connection, SqliteTransaction transaction, long id) =>
        connection.ExecuteAsync("UPDATE staff SET session_stamp = lower(hex(randomblob(16))) WHERE id = @Id", new { Id = id }, transaction);

    /// <summary>Every change here alters what the account's sessions stand for, so each one ends them.</summary>
    private async Task<StaffChange> ChangeAsync(long id, DateTimeOffset now, string action, string update, object parameters, string? note = null,
        object? before = null, object? after = null)
    {
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var email = await connection.ExecuteScalarAsync<string?>("SELECT email FROM staff WHERE id = @Id", new { Id = id }, transaction);
        if (email is null)
        {
            return StaffChange.NotFound;
        }

        try
        {
            if (await connection.ExecuteAsync(update, parameters, transaction) == 0)
            {
                return StaffChange.Unchanged;
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19 && ex.Message.Contains("the last active admin stays", StringComparison.Ordinal))
        {
            return StaffChange.LastAdmin;
        }

        await EndSessionsAsync(connection, transaction, id);
        await AdminLog.WriteAsync(connection, transaction, actor: null, now, action, AdminTarget.Staff(id), note is null ? email : $"{email}: {note}", before, after);
        transaction.Commit();
        return StaffChange.Done;
    }
}
