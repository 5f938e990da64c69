using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MYK10.Participation.Data;

namespace MYK10.Participation.Mail;

/// <summary>
/// Puts mail into the outbox inside the caller's transaction, so the change and its mail commit together.
/// After the commit, call <see cref="IOutboxSignal.MailQueued"/> to send without waiting for the next minute.
/// </summary>
public sealed class MailOutbox(IOptions<MailOptions> options, TimeProvider clock)
{
    /// <summary>Returns false when a message with the same dedupe key is already in the outbox.</summary>
    public async Task<bool> EnqueueAsync(SqliteConnection connection, SqliteTransaction transaction, OutgoingMail mail) =>
        await EnqueueAllAsync(connection, transaction, [mail]) == 1;

    /// <summary>
    /// Many messages with one statement prepared once (thousands of supporters of one idea); returns how many were new,
    /// leaving out those whose dedupe key is already in the outbox.
    /// </summary>
    public async Task<int> EnqueueAllAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<OutgoingMail> mails, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mails);
        const string sql = """
            INSERT INTO mail_outbox (message_id, dedupe_key, to_address, to_name, subject, text_body, html_body,
                                     headers_json, status, attempts, next_attempt_at, created_at)
            VALUES (@MessageId, @DedupeKey, @ToAddress, @ToName, @Subject, @TextBody, @HtmlBody,
                    @HeadersJson, 'pending', 0, @Now, @Now)
            ON CONFLICT (dedupe_key) DO NOTHING
            """;
        var now = DapperTypeHandlers.ToText(clock.GetUtcNow());
        await using var insert = PreparedCommand.Create(connection, transaction, sql,
            "@MessageId", "@DedupeKey", "@ToAddress", "@ToName", "@Subject", "@TextBody", "@HtmlBody", "@HeadersJson", "@Now");
        var inserted = 0;
        foreach (var mail in mails)
        {
            inserted += await insert.ExecuteAsync(cancellationToken,
                MessageIdFor(mail.DedupeKey), mail.DedupeKey, mail.ToAddress, mail.ToName, mail.Subject, mail.TextBody, mail.HtmlBody,
                mail.Headers is { Count: > 0 } headers ? JsonSerializer.Serialize(headers) : null, now);
        }

        return inserted;
    }

    /// <summary>Deterministic for a dedupe key, so every copy of one logical message carries the same Message-ID.</summary>
    public string MessageIdFor(string? dedupeKey)
    {
        var local = dedupeKey is null
            ? Guid.NewGuid().ToString("N")
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dedupeKey)))[..32];
        return $"{local}@{Domain}";
    }

    private string Domain
    {
        get
        {
            var from = options.Value.From;
            var at = from.LastIndexOf('@');
            return at >= 0 && at < from.Length - 1 ? from[(at + 1)..] : "myk10.invalid";
        }
    }
}
