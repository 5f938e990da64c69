using System.Text.Encodings.Web;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Moderation;

namespace MYK10.Participation.Administration;

/// <summary>What an admin action was done to: a kind and an id, plus the survey or council it belongs to (for the link).</summary>
public sealed record AdminTarget(string Type, long Id, long? ParentId = null)
{
    public static AdminTarget Survey(long id) => new(AdminTargets.Survey, id);

    public static AdminTarget SurveyPage(long surveyId, long pageId) => new(AdminTargets.SurveyPage, pageId, surveyId);

    public static AdminTarget SurveyQuestion(long surveyId, long questionId) => new(AdminTargets.SurveyQuestion, questionId, surveyId);

    public static AdminTarget SurveyCondition(long surveyId, long conditionId) => new(AdminTargets.SurveyCondition, conditionId, surveyId);

    public static AdminTarget Vote(long id) => new(AdminTargets.Vote, id);

    public static AdminTarget Council(long id) => new(AdminTargets.Council, id);

    public static AdminTarget Recipient(long councilId, long recipientId) => new(AdminTargets.CouncilRecipient, recipientId, councilId);

    public static AdminTarget Digest(long councilId, long digestId) => new(AdminTargets.Digest, digestId, councilId);

    public static AdminTarget Goal(long id) => new(AdminTargets.StrategyGoal, id);

    public static AdminTarget Measure(long id) => new(AdminTargets.StrategyMeasure, id);

    public static AdminTarget StrategyPhase(long id) => new(AdminTargets.StrategyPhase, id);

    /// <summary>The end of the participation phase: a single row, always id 1.</summary>
    public static AdminTarget ParticipationPhase { get; } = new(AdminTargets.ParticipationPhase, 1);

    public static AdminTarget Staff(long id) => new(AdminTargets.Staff, id);
}

/// <summary>The kinds of target the admin log knows (the CHECK of admin_log.target_type).</summary>
public static class AdminTargets
{
    public const string Survey = "survey";
    public const string SurveyPage = "survey_page";
    public const string SurveyQuestion = "survey_question";
    public const string SurveyCondition = "survey_condition";
    public const string Vote = "vote";
    public const string Council = "council";
    public const string CouncilRecipient = "council_recipient";
    public const string Digest = "digest";
    public const string StrategyGoal = "strategy_goal";
    public const string StrategyMeasure = "strategy_measure";
    public const string StrategyPhase = "strategy_phase";
    public const string ParticipationPhase = "participation_phase";
    public const string Staff = "staff";

    public static IReadOnlyList<string> All { get; } =
    [
        Survey, SurveyPage, SurveyQuestion, SurveyCondition, Vote, Council, CouncilRecipient, Digest,
        StrategyGoal, StrategyMeasure, StrategyPhase, ParticipationPhase, Staff,
    ];
}

/// <summary>The actions the admin log knows (the CHECK of admin_log.action).</summary>
public static class AdminActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Move = "move";
    public const string Duplicate = "duplicate";
    public const string Open = "open";
    public const string Close = "close";
    public const string Archive = "archive";
    public const string Publish = "publish";
    public const string PublishResults = "publish_results";
    public const string UnpublishResults = "unpublish_results";
    public const string PublishText = "publish_text";
    public const string UnpublishText = "unpublish_text";
    public const string GenerateCodes = "generate_codes";
    public const string Import = "import";
    public const string Activate = "activate";
    public const string Deactivate = "deactivate";
    public const string Resend = "resend";
    public const string Set = "set";
    public const string Clear = "clear";
    public const string EnableTwoFactor = "enable_two_factor";
    public const string DisableTwoFactor = "disable_two_factor";
}

/// <summary>
/// Writes admin log entries inside the transaction of the action they record, so that an action and its entry commit
/// together or not at all. A null actor is the staff member of the request (<see cref="ActingStaff"/>), and outside a
/// staff request the command line (no one is signed in there).
/// </summary>
internal static class AdminLog
{
    private const int DetailsMax = 1000;

    // As in the moderation log: umlauts stay readable in the stored JSON; every page HTML-encodes what it shows.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task WriteAsync(SqliteConnection connection, SqliteTransaction transaction, StaffActor? actor, DateTimeOffset at,
        string action, AdminTarget target, string? details = null, object? before = null, object? after = null)
    {
        const string sql = """
            INSERT INTO admin_log (at, staff_id, staff_email, action, target_type, target_id, parent_id, details, before_json, after_json)
            VALUES (@At, @StaffId, @StaffEmail, @Action, @TargetType, @TargetId, @ParentId, @Details, @Before, @After)
            """;
        var trimmed = details?.Trim();
        actor ??= ActingStaff.Member;
        return connection.ExecuteAsync(sql, new
        {
            At = at,
            StaffId = actor?.Id,
            StaffEmail = actor?.Email,
            Action = action,
            TargetType = target.Type,
            TargetId = target.Id,
            target.ParentId,
            Details = string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > DetailsMax ? trimmed[..DetailsMax] : trimmed,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        }, transaction);
    }
}
