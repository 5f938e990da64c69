using System.Text.Encodings.Web;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace MYK10.Participation.Moderation;

/// <summary>Writes audit entries inside the transaction of the action they record; each belongs to an idea or (a comment on) a measure.</summary>
internal static class AuditLog
{
    // Umlauts and dashes stay readable in the stored JSON; the relaxed encoder is safe here because every page
    // HTML-encodes the values it shows (and the log page shows parsed values, not the raw JSON).
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
            Note = note,
        }, transaction);
    }
}

/// <summary>One recorded value of an audit entry's before or after state, as stored: the key and the plain value.</summary>
public sealed record AuditValue(string Key, string? Value);

/// <summary>Reads the before/after JSON of audit entries, old entries with \u escapes included.</summary>
public static class AuditValues
{
    /// <summary>The top-level properties in stored order; arrays become a comma-separated list, null stays null.</summary>
    public static IReadOnlyList<AuditValue> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().Select(p => new AuditValue(p.Name, Plain(p.Value))).ToList()
                : [new AuditValue(string.Empty, Plain(document.RootElement))];
        }
        catch (JsonException)
        {
            return [new AuditValue(string.Empty, json)];
        }
    }

    private static string? Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Plain)),
        _ => value.GetRawText(),
    };
}
