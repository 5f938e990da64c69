using Dapper;
using MYK10.Participation.Data;

namespace MYK10.Participation.Digests;

/// <summary>Whose link a token is, for the public unsubscribe page.</summary>
public sealed class UnsubscribeTarget
{
    public long RecipientId { get; set; }

    public string RecipientName { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string CouncilName { get; set; } = string.Empty;

    public DateTimeOffset? UnsubscribedAt { get; set; }
}

/// <summary>One-click unsubscription of council recipients by the token in their mail (only its hash is stored).</summary>
public sealed class DigestUnsubscribe(IDbConnectionFactory connections, TimeProvider clock)
{
    public async Task<UnsubscribeTarget?> FindAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        const string sql = """
            SELECT r.id AS RecipientId, r.name AS RecipientName, r.email AS Email, c.name AS CouncilName, r.unsubscribed_at AS UnsubscribedAt
            FROM digest_unsubscribe_tokens t
            JOIN council_recipients r ON r.id = t.recipient_id
            JOIN councils c ON c.id = r.council_id
            WHERE t.token_hash = @Hash
            """;
        await using var connection = await connections.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<UnsubscribeTarget>(sql, new { Hash = DigestRound.HashToken(token) });
    }

    /// <summary>Unsubscribes the token's recipient; idempotent (the first time is kept). Null for an unknown token.</summary>
    public async Task<UnsubscribeTarget?> UnsubscribeAsync(string? token)
    {
        var target = await FindAsync(token);
        if (target is null)
        {
            return null;
        }

        const string sql = """
            UPDATE council_recipients SET unsubscribed_at = @Now WHERE id = @Id AND unsubscribed_at IS NULL
            """;
        await using (var connection = await connections.OpenAsync())
        {
            await connection.ExecuteAsync(sql, new { Id = target.RecipientId, Now = clock.GetUtcNow() });
        }

        return await FindAsync(token);
    }
}
