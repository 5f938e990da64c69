using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace MYK10.Participation.Moderation;

/// <summary>Writes audit entries inside the transaction of the action they record; each belongs to an idea or (a comment on) a measure.</summary>
internal static class AuditLog
{
    public static Task WriteAsync(SqliteConnection connection, SqliteTransaction transaction, StaffActor actor, DateTimeOffset at,
        string action, string targetType, long targetId, long? ideaId, object? before, object? after, string? note = null, long? measureId = null)
    {
        const string sql = """
            INSERT INTO audit_log (at, staff_id, staff_email, action, target_type, target_id, idea_id, measure_id, before_json, after_json, note)
            VALUES (@At, @StaffId, @StaffEmail, @Action, @TargetType, @TargetId, @IdeaId, @MeasureId, @Before, @After, @Note)
            """;
        return connection.ExecuteAsync(sql, new
        {
            At = at,
            StaffId = actor.Id,
            StaffEmail = actor.Email,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            IdeaId = ideaId,
            MeasureId = measureId,
            Before = before is null ? null : JsonSerializer.Serialize(before),
            After = after is null ? null : JsonSerializer.Serialize(after),
            Note = note,
        }, transaction);
    }
}
