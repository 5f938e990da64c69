using System.Text;
using Dapper;
using MYK10.Participation.Data;

namespace MYK10.Participation.Administration;

/// <summary>One entry of the admin log as the log page shows it.</summary>
public sealed class AdminLogEntry
{
    public long Id { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>Null (as the address) for an entry made on the command line.</summary>
    public long? StaffId { get; init; }

    public string? StaffEmail { get; init; }

    public string Action { get; init; } = "";

    public string TargetType { get; init; } = "";

    public long TargetId { get; init; }

    public long? ParentId { get; init; }

    public string? Details { get; init; }

    public string? BeforeJson { get; init; }

    public string? AfterJson { get; init; }

    /// <summary>Whether the page the entry links to (the target, or the survey or council it belongs to) still exists.</summary>
    public bool LinkExists { get; init; }
}

/// <summary>Newest first, optionally one kind of target and one staff member (by the address recorded with the entry).</summary>
public sealed record AdminLogQuery(string? TargetType = null, string? StaffEmail = null, int Page = 1, int PageSize = 50);

/// <summary>Reads the admin log (entries are written by <see cref="AdminLog"/> in each action's transaction).</summary>
public sealed class AdminLogStore(IDbConnectionFactory connections)
{
    public async Task<(IReadOnlyList<AdminLogEntry> Entries, long Total)> PageAsync(AdminLogQuery query, CancellationToken cancellationToken = default)
    {
        var where = new StringBuilder("WHERE 1 = 1");
        if (!string.IsNullOrEmpty(query.TargetType))
        {
            where.Append(" AND l.target_type = @TargetType");
        }

        if (!string.IsNullOrEmpty(query.StaffEmail))
        {
            where.Append(" AND l.staff_email = @StaffEmail");
        }

        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var parameters = new { query.TargetType, query.StaffEmail, Limit = pageSize, Offset = (long)(Math.Max(1, query.Page) - 1) * pageSize };
        // The link of a part of a survey goes to its survey, of a recipient or digest to its council.
        var list = $"""
            SELECT l.id AS Id, l.at AS At, l.staff_id AS StaffId, l.staff_email AS StaffEmail, l.action AS Action, l.target_type AS TargetType,
                   l.target_id AS TargetId, l.parent_id AS ParentId, l.details AS Details, l.before_json AS BeforeJson, l.after_json AS AfterJson,
                   CASE l.target_type
                       WHEN 'survey' THEN EXISTS (SELECT 1 FROM surveys WHERE id = l.target_id)
                       WHEN 'survey_page' THEN EXISTS (SELECT 1 FROM surveys WHERE id = l.parent_id)
                       WHEN 'survey_question' THEN EXISTS (SELECT 1 FROM surveys WHERE id = l.parent_id)
                       WHEN 'survey_condition' THEN EXISTS (SELECT 1 FROM surveys WHERE id = l.parent_id)
                       WHEN 'vote' THEN EXISTS (SELECT 1 FROM votes WHERE id = l.target_id)
                       WHEN 'council' THEN EXISTS (SELECT 1 FROM councils WHERE id = l.target_id)
                       WHEN 'council_recipient' THEN EXISTS (SELECT 1 FROM councils WHERE id = l.parent_id)
                       WHEN 'digest' THEN EXISTS (SELECT 1 FROM digests WHERE id = l.target_id AND council_id = l.parent_id)
                       WHEN 'strategy_goal' THEN EXISTS (SELECT 1 FROM strategy_goals WHERE id = l.target_id)
                       WHEN 'strategy_measure' THEN EXISTS (SELECT 1 FROM strategy_measures WHERE id = l.target_id)
                       WHEN 'strategy_phase' THEN EXISTS (SELECT 1 FROM process_phases WHERE id = l.target_id)
                       WHEN 'participation_phase' THEN 1
                       WHEN 'staff' THEN 1
                       ELSE 0
                   END AS LinkExists
            FROM admin_log l {where} ORDER BY l.at DESC, l.id DESC LIMIT @Limit OFFSET @Offset
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var entries = (await connection.QueryAsync<AdminLogEntry>(new CommandDefinition(list, parameters, cancellationToken: cancellationToken))).AsList();
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM admin_log l {where}", parameters, cancellationToken: cancellationToken));
        return (entries, total);
    }

    /// <summary>Every address that has an entry, for the filter.</summary>
    public async Task<IReadOnlyList<string>> StaffAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT staff_email AS StaffEmail FROM admin_log WHERE staff_email IS NOT NULL ORDER BY staff_email", cancellationToken: cancellationToken))).AsList();
    }
}
