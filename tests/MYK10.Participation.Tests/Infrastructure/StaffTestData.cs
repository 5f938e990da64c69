using Dapper;
using MYK10.Participation.Moderation;
using MYK10.Participation.Staff;

namespace MYK10.Participation.Tests.Infrastructure;

public static class StaffTestData
{
    public static async Task<StaffActor> ModeratorAsync(this TestApp app, string? email = null)
    {
        email ??= $"moderation-{Guid.NewGuid():N}@kvmyk.de";
        var result = await app.Get<StaffService>().AddAsync(email, StaffRole.Moderator, "Moderation-Passwort-2026");
        return new StaffActor(result.Id!.Value, email);
    }

    /// <summary>
    /// A moderator row written directly, for a database migrated only part of the way: adding staff through the service
    /// also writes the admin log, whose table a migration test's older schema does not have yet.
    /// </summary>
    public static async Task<StaffActor> ModeratorRowAsync(this TestApp app, string? email = null)
    {
        email ??= $"moderation-{Guid.NewGuid():N}@kvmyk.de";
        await using var connection = await app.Connections.OpenAsync();
        var id = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO staff (email, role, password_hash, created_at) VALUES (@Email, 'moderator', 'not-a-hash', @Now) RETURNING id",
            new { Email = email, Now = app.Clock.GetUtcNow() });
        return new StaffActor(id, email);
    }
}
