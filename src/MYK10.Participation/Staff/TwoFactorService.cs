using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Administration;
using MYK10.Participation.Data;
using MYK10.Participation.Moderation;
using OtpNet;

namespace MYK10.Participation.Staff;

/// <summary>
/// Optional second factor for staff: time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 seconds), which every
/// authenticator app understands. A code is accepted one step early or late (clock drift) and only once.
/// </summary>
public sealed class TwoFactorService(IDbConnectionFactory connections, TimeProvider clock)
{
    public const string Issuer = "MYK10 Beteiligung";

    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    public async Task<bool> IsEnabledAsync(long staffId)
    {
        var row = await GetAsync(staffId);
        return row?.EnabledAt is not null;
    }

    /// <summary>The secret to show while enrolling; the same one on every visit until enrolment is confirmed.</summary>
    public async Task<string?> BeginEnrolmentAsync(long staffId)
    {
        const string sql = """
            UPDATE staff SET totp_secret = coalesce(totp_secret, @Secret)
            WHERE id = @Id AND totp_enabled_at IS NULL
            RETURNING totp_secret
            """;
        await using var connection = await connections.OpenAsync();
        return await connection.ExecuteScalarAsync<string?>(sql, new { Id = staffId, Secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20)) });
    }

    /// <summary>
    /// Turns the second factor on once the first code from the app matches the pending secret. Sessions opened with the
    /// password alone end (the page renews the member's own).
    /// </summary>
    public async Task<bool> ConfirmEnrolmentAsync(long staffId, string code)
    {
        const string enable = """
            UPDATE staff SET totp_enabled_at = @Now, totp_last_step = @Step
            WHERE id = @Id AND totp_enabled_at IS NULL AND totp_secret = @Secret
            """;
        var row = await GetAsync(staffId);
        if (row is not { Secret: { } secret, EnabledAt: null } || Match(secret, code) is not { } step)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        if (await connection.ExecuteAsync(enable, new { Id = staffId, Now = now, Step = step, Secret = secret }, transaction) != 1)
        {
            return false;
        }

        await StaffStore.EndSessionsAsync(connection, transaction, staffId);
        await LogOwnChangeAsync(connection, transaction, staffId, now, AdminActions.EnableTwoFactor);
        transaction.Commit();
        return true;
    }

    /// <summary>Checks a code at sign-in; a code already used (same time step or an earlier one) is refused.</summary>
    public async Task<bool> VerifyAsync(long staffId, string code)
    {
        // The conditional UPDATE makes two simultaneous uses of one code end in one success.
        const string use = """
            UPDATE staff SET totp_last_step = @Step
            WHERE id = @Id AND totp_enabled_at IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < @Step)
            """;
        var row = await GetAsync(staffId);
        if (row is not { Secret: { } secret, EnabledAt: not null } || Match(secret, code) is not { } step)
        {
            return false;
        }

        await using var connection = await connections.OpenAsync();
        return await connection.ExecuteAsync(use, new { Id = staffId, Step = step }) == 1;
    }

    /// <summary>Turns the second factor off (with a valid current code) and forgets the secret; the account's other sessions end.</summary>
    public async Task<bool> DisableAsync(long staffId, string code)
    {
        if (!await VerifyAsync(staffId, code))
        {
            return false;
        }

        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await connection.ExecuteAsync("UPDATE staff SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = @Id", new { Id = staffId }, transaction);
        await StaffStore.EndSessionsAsync(connection, transaction, staffId);
        await LogOwnChangeAsync(connection, transaction, staffId, clock.GetUtcNow(), AdminActions.DisableTwoFactor);
        transaction.Commit();
        return true;
    }

    /// <summary>A staff member changes their own second factor: they are the actor and the target.</summary>
    private static async Task LogOwnChangeAsync(SqliteConnection connection, SqliteTransaction transaction, long staffId, DateTimeOffset now, string action)
    {
        var email = await connection.ExecuteScalarAsync<string>("SELECT email AS Email FROM staff WHERE id = @Id", new { Id = staffId }, transaction);
        await AdminLog.WriteAsync(connection, transaction, new StaffActor(staffId, email!), now, action, AdminTarget.Staff(staffId), email);
    }

    /// <summary>The URI authenticator apps read (also typed in by hand from the secret), see the Key Uri Format.</summary>
    public static string OtpAuthUri(string email, string secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={secret}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";

    /// <summary>The code an app would show now (tests and nothing else need this).</summary>
    public string CurrentCode(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(clock.GetUtcNow().UtcDateTime);

    private long? Match(string secret, string code)
    {
        code = new string(code.Where(char.IsDigit).ToArray());
        if (code.Length != 6)
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(secret));
        return totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, Window) ? step : null;
    }

    private async Task<TotpRow?> GetAsync(long staffId)
    {
        const string sql = "SELECT totp_secret AS Secret, totp_enabled_at AS EnabledAt FROM staff WHERE id = @Id AND active = 1";
        await using var connection = await connections.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<TotpRow>(sql, new { Id = staffId });
    }

    private sealed record TotpRow(string? Secret, DateTimeOffset? EnabledAt);
}
