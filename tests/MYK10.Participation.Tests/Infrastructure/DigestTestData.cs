using Dapper;
using MYK10.Participation.Digests;

namespace MYK10.Participation.Tests.Infrastructure;

/// <summary>Councils and recipients for digest tests, created at a fixed time.</summary>
public static class DigestTestData
{
    /// <summary>Monday 16 November 2026, 07:00 in Berlin.</summary>
    public static readonly DateTimeOffset Monday0700 = new(2026, 11, 16, 6, 0, 0, TimeSpan.Zero);

    public static async Task<long> CouncilAsync(this TestApp app, string name = "Stadtrat Andernach", string area = "andernach",
        DateTimeOffset? createdAt = null, bool skipEmpty = false, string cron = Council.DefaultCron, params string[] recipients)
    {
        await using var connection = await app.Connections.OpenAsync();
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO councils (name, municipality_id, cron, active, skip_empty, created_at, updated_at)
            VALUES (@Name, @Area, @Cron, 1, @SkipEmpty, @At, @At) RETURNING id
            """, new { Name = name, Area = area, Cron = cron, SkipEmpty = skipEmpty ? 1 : 0, At = createdAt ?? Monday0700 });
        foreach (var email in recipients)
        {
            await connection.ExecuteAsync(
                "INSERT INTO council_recipients (council_id, name, email, created_at) VALUES (@Id, @Name, @Email, @At)",
                new { Id = id, Name = email[..email.IndexOf('@', StringComparison.Ordinal)], Email = email, At = createdAt ?? Monday0700 });
        }

        return id;
    }

    public static async Task<long> RecipientIdAsync(this TestApp app, string email)
    {
        await using var connection = await app.Connections.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT id FROM council_recipients WHERE email = @Email", new { Email = email });
    }

    public static async Task<T> ScalarAsync<T>(this TestApp app, string sql, object? parameters = null)
    {
        await using var connection = await app.Connections.OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public static async Task ExecuteAsync(this TestApp app, string sql, object? parameters = null)
    {
        await using var connection = await app.Connections.OpenAsync();
        await connection.ExecuteAsync(sql, parameters);
    }

    public static Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["Site:BaseUrl"] = "https://beteiligung.example" };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }
}
