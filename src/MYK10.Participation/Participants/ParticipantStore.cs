using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Data;

namespace MYK10.Participation.Participants;

public sealed class ParticipantStore(IDbConnectionFactory connections)
{
    internal const string SelectColumns = """
        id AS Id, email AS Email, display_name AS DisplayName, municipality_id AS MunicipalityId,
        email_confirmed_at AS EmailConfirmedAt, privacy_version AS PrivacyVersion, created_at AS CreatedAt,
        supported_answer_mails AS SupportedAnswerMails
        """;

    public async Task<Participant?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        const string sql = $"SELECT {SelectColumns} FROM participants WHERE id = @Id AND deleted_at IS NULL";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Participant>(new CommandDefinition(sql, new { Id = id }, cancellationToken: cancellationToken));
    }

    /// <summary>Finds the account for an address or creates an unconfirmed one, inside the caller's transaction.</summary>
    internal static async Task<long> FindOrCreateAsync(SqliteConnection connection, SqliteTransaction transaction, string email, DateTimeOffset now)
    {
        // The UNIQUE email column makes two simultaneous first requests for one address end in one account.
        const string sql = """
            INSERT INTO participants (email, created_at) VALUES (@Email, @Now)
            ON CONFLICT (email) DO UPDATE SET email = participants.email
            RETURNING id
            """;
        return await connection.ExecuteScalarAsync<long>(sql, new { Email = email, Now = now }, transaction);
    }

    public async Task<bool> UpdateProfileAsync(long id, string? displayName, string? municipalityId, bool acceptPrivacy, DateTimeOffset now)
    {
        const string sql = """
            UPDATE participants
            SET display_name = @DisplayName,
                municipality_id = @MunicipalityId,
                privacy_version = CASE WHEN @AcceptPrivacy THEN @Version ELSE privacy_version END,
                privacy_accepted_at = CASE WHEN @AcceptPrivacy THEN @Now ELSE privacy_accepted_at END
            WHERE id = @Id AND deleted_at IS NULL
            """;
        await using var connection = await connections.OpenAsync();
        return await connection.ExecuteAsync(sql, new
        {
            Id = id,
            DisplayName = displayName,
            MunicipalityId = municipalityId,
            AcceptPrivacy = acceptPrivacy,
            Version = PrivacyNotice.CurrentVersion,
            Now = now,
        }) == 1;
    }

    /// <summary>Switches the mails about answers to supported ideas on or off; false when the account is gone.</summary>
    public async Task<bool> SetSupportedAnswerMailsAsync(long id, bool on)
    {
        const string sql = "UPDATE participants SET supported_answer_mails = @On WHERE id = @Id AND deleted_at IS NULL";
        await using var connection = await connections.OpenAsync();
        return await connection.ExecuteAsync(sql, new { Id = id, On = on ? 1 : 0 }) == 1;
    }
}
