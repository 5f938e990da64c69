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

    internal async Task<StaffRecord?> FindByEmailAsync(string email)
    {
        const string sql = """
            SELECT id AS Id, email AS Email, role AS Role, password_hash AS PasswordHash, failed_attempts AS FailedAttempts,
                   lockout_until AS LockoutUntil, active AS Active
            FROM staff
            WHERE email = @Email
            """;
        await using var connection = await connections.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<StaffRecord>(sql, new { Email = email });
    }

    public async Task<StaffMember?> FindByIdAsync(long id)
    {
        const string sql = "SELECT id, email, role FROM staff WHERE id = @Id AND active = 1";
        await using var connection = await connections.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<(long Id, string Email, string Role)>(sql, new { Id = id });
        return row.Id == 0 || !StaffRoles.TryParse(row.Role, out var role) ? null : new StaffMember(row.Id, row.Email, role);
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
}
