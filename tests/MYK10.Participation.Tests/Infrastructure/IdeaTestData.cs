using Dapper;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;

namespace MYK10.Participation.Tests.Infrastructure;

/// <summary>Setup helpers for idea tests: confirmed participants, and publishing as a moderator would.</summary>
public static class IdeaTestData
{
    public static async Task<long> ParticipantAsync(this IDbConnectionFactory connections, string? name = null, string? email = null)
    {
        await using var connection = await connections.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO participants (email, display_name, email_confirmed_at, privacy_version, privacy_accepted_at, created_at)
            VALUES (@Email, @Name, '2026-11-01T00:00:00.0000000Z', '2026-11', '2026-11-01T00:00:00.0000000Z', '2026-11-01T00:00:00.0000000Z')
            RETURNING id
            """, new { Email = email ?? $"p-{Guid.NewGuid():N}@example.org", Name = name });
    }

    /// <summary>Publishes an idea directly in the database (the moderation feature does this through its review page).</summary>
    public static async Task PublishAsync(this IDbConnectionFactory connections, long ideaId, DateTimeOffset? at = null)
    {
        await using var connection = await connections.OpenAsync();
        await connection.ExecuteAsync(
            "UPDATE ideas SET state = 'published', published_at = @At WHERE id = @Id",
            new { Id = ideaId, At = at ?? DateTimeOffset.UtcNow });
    }

    public static async Task<long> PublishedIdeaAsync(this TestApp app, string title = "Glasfaser für alle Ortsteile", string body = "Bitte schnelles Internet auch in den kleinen Orten.", string field = "kommunikationsinfrastruktur", string municipality = "mendig", long? authorId = null, DateTimeOffset? publishedAt = null)
    {
        var author = authorId ?? await app.Connections.ParticipantAsync();
        var result = await app.Get<IdeaService>().SubmitAsync(author, new IdeaSubmission(title, body, field, municipality, null));
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        await app.Connections.PublishAsync(result.IdeaId!.Value, publishedAt ?? app.Clock.GetUtcNow());
        return result.IdeaId.Value;
    }
}
