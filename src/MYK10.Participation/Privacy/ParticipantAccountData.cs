using Dapper;
using Microsoft.Data.Sqlite;

namespace MYK10.Participation.Privacy;

/// <summary>The account itself and its consent record; on deletion the row stays as "gelöschte Person" without any detail.</summary>
internal sealed class ParticipantAccountData(TimeProvider clock) : IPersonalDataContributor
{
    public IReadOnlyCollection<string> Tables { get; } = ["participants"];

    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(SqliteConnection connection, SqliteTransaction transaction, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        const string account = """
            SELECT p.id AS id, p.email AS email, p.display_name AS display_name, m.name AS municipality,
                   p.email_confirmed_at AS email_confirmed_at, p.created_at AS created_at, p.last_sign_in_at AS last_sign_in_at,
                   p.supported_answer_mails AS supported_answer_mails
            FROM participants p LEFT JOIN municipalities m ON m.id = p.municipality_id
            WHERE p.id = @Id
            """;
        const string consent = """
            SELECT privacy_version AS privacy_notice_version, privacy_accepted_at AS accepted_at
            FROM participants
            WHERE id = @Id AND privacy_version IS NOT NULL
            """;
        var parameters = new { Id = subject.ParticipantId };
        return
        [
            await connection.SectionAsync(transaction, "account", account, parameters, cancellationToken),
            await connection.SectionAsync(transaction, "consents", consent, parameters, cancellationToken),
        ];
    }

    public async Task EraseAsync(SqliteConnection connection, SqliteTransaction transaction, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE participants
            SET email = NULL, display_name = NULL, municipality_id = NULL, email_confirmed_at = NULL,
                privacy_version = NULL, privacy_accepted_at = NULL, last_sign_in_at = NULL, supported_answer_mails = 0,
                deleted_at = coalesce(deleted_at, @Now)
            WHERE id = @Id
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, new { Id = subject.ParticipantId, Now = clock.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
    }
}

/// <summary>Sign-in links: only hashes are stored, but when and whether they were used is the participant's data.</summary>
internal sealed class LoginTokenData : IPersonalDataContributor
{
    public IReadOnlyCollection<string> Tables { get; } = ["login_tokens"];

    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(SqliteConnection connection, SqliteTransaction transaction, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT created_at AS created_at, expires_at AS expires_at, used_at AS used_at, stay_signed_in AS stay_signed_in
            FROM login_tokens
            WHERE participant_id = @Id
            ORDER BY id
            """;
        return [await connection.SectionAsync(transaction, "sign_in_links", sql, new { Id = subject.ParticipantId }, cancellationToken)];
    }

    public Task EraseAsync(SqliteConnection connection, SqliteTransaction transaction, PersonalDataSubject subject, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("DELETE FROM login_tokens WHERE participant_id = @Id", new { Id = subject.ParticipantId }, transaction, cancellationToken: cancellationToken));
}

/// <summary>Mail to the participant's address (sign-in links, notices) sits in the outbox until retention removes it.</summary>
internal sealed class MailOutboxData : IPersonalDataContributor
{
    public IReadOnlyCollection<string> Tables { get; } = ["mail_outbox"];

    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(SqliteConnection connection, SqliteTransaction transaction, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        // Bodies are left out: they may hold a sign-in link that must not end up in a downloaded file.
        const string sql = """
            SELECT to_address AS to_address, subject AS subject, status AS status, created_at AS created_at, sent_at AS sent_at
            FROM mail_outbox
            WHERE to_address = @Email COLLATE NOCASE
            ORDER BY id
            """;
        return [await connection.SectionAsync(transaction, "mail", sql, new { subject.Email }, cancellationToken)];
    }

    public Task EraseAsync(SqliteConnection connection, SqliteTransaction transaction, PersonalDataSubject subject, CancellationToken cancellationToken) =>
        subject.Email is null
            ? Task.CompletedTask
            : connection.ExecuteAsync(new CommandDefinition("DELETE FROM mail_outbox WHERE to_address = @Email COLLATE NOCASE", new { subject.Email }, transaction, cancellationToken: cancellationToken));
}
