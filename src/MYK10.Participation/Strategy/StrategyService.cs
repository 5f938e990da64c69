using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Administration;
using MYK10.Participation.Comments;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;
using MYK10.Participation.Moderation;
using MYK10.Participation.Reference;

namespace MYK10.Participation.Strategy;

/// <summary>Changes to the strategy by admins, and comments of participants on measures under discussion.</summary>
public sealed class StrategyService(IDbConnectionFactory connections, ReferenceStore reference, TimeProvider clock)
{
    public async Task<SaveResult> SaveGoalAsync(long? id, GoalInput input, StaffActor? actor = null)
    {
        var title = input.Title?.Trim() ?? string.Empty;
        var description = input.Description?.Trim() ?? string.Empty;
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!(await reference.FieldsOfActionAsync()).Any(f => f.Id == input.FieldId))
        {
            errors["FieldId"] = "Required";
        }

        if (TextLength.Of(title) is < 3 or > 200)
        {
            errors["Title"] = "Length";
        }

        if (description.Length > 5000)
        {
            errors["Description"] = "TooLong";
        }

        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var parameters = new { Id = id, input.FieldId, Title = title, Description = description, input.Position, Now = now };
        return await InsertOrUpdateAsync(id, now, parameters, new Logged(actor, AdminTarget.Goal, title), """
            INSERT INTO strategy_goals (field_id, title, description, position, created_at, updated_at)
            VALUES (@FieldId, @Title, @Description, @Position, @Now, @Now) RETURNING id
            """, """
            UPDATE strategy_goals SET field_id = @FieldId, title = @Title, description = @Description, position = @Position, updated_at = @Now
            WHERE id = @Id
            """);
    }

    /// <summary>Creates or updates a measure; a change of status is recorded in its dated history.</summary>
    /// <param name="actor">The acting staff member (null: the command line), recorded in the status history and the admin log.</param>
    public async Task<SaveResult> SaveMeasureAsync(long? id, MeasureInput input, StaffActor? actor)
    {
        var title = input.Title?.Trim() ?? string.Empty;
        var description = input.Description?.Trim() ?? string.Empty;
        var lead = string.IsNullOrWhiteSpace(input.LeadOrganisation) ? null : input.LeadOrganisation.Trim();
        var timeFrame = string.IsNullOrWhiteSpace(input.TimeFrame) ? null : input.TimeFrame.Trim();
        var note = string.IsNullOrWhiteSpace(input.StatusNote) ? null : input.StatusNote.Trim();
        var municipalities = (await reference.MunicipalitiesAsync()).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (TextLength.Of(title) is < 3 or > 200)
        {
            errors["Title"] = "Length";
        }

        if (description.Length > 10000)
        {
            errors["Description"] = "TooLong";
        }

        if (lead is { Length: > 200 })
        {
            errors["LeadOrganisation"] = "TooLong";
        }

        if (timeFrame is { Length: > 100 })
        {
            errors["TimeFrame"] = "TooLong";
        }

        if (input.CostEuros is < 0)
        {
            errors["CostEuros"] = "Negative";
        }

        if (input.Status is null || !MeasureStatuses.All.Contains(input.Status))
        {
            errors["Status"] = "Required";
        }

        if (input.MunicipalityIds.Any(m => !municipalities.Contains(m)))
        {
            errors["MunicipalityIds"] = "Unknown";
        }

        if (note is { Length: > 1000 })
        {
            errors["StatusNote"] = "TooLong";
        }

        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        if (input.GoalId is null || await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM strategy_goals WHERE id = @Id", new { Id = input.GoalId }, transaction) == 0)
        {
            errors["GoalId"] = "Required";
        }

        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        var previousStatus = id is null ? null : await connection.ExecuteScalarAsync<string?>("SELECT status FROM strategy_measures WHERE id = @Id", new { Id = id }, transaction);
        if (id is not null && previousStatus is null)
        {
            return new SaveResult(null, new Dictionary<string, string> { [""] = "NotFound" });
        }

        var parameters = new { Id = id, input.GoalId, Title = title, Description = description, Lead = lead, input.CostEuros, TimeFrame = timeFrame, input.Status, input.Position, Now = now };
        var savedId = id ?? await connection.ExecuteScalarAsync<long>("""
            INSERT INTO strategy_measures (goal_id, title, description, lead_organisation, cost_euros, time_frame, status, position, created_at, updated_at)
            VALUES (@GoalId, @Title, @Description, @Lead, @CostEuros, @TimeFrame, @Status, @Position, @Now, @Now) RETURNING id
            """, parameters, transaction);
        if (id is not null)
        {
            await connection.ExecuteAsync("""
                UPDATE strategy_measures SET goal_id = @GoalId, title = @Title, description = @Description, lead_organisation = @Lead,
                    cost_euros = @CostEuros, time_frame = @TimeFrame, status = @Status, position = @Position, updated_at = @Now
                WHERE id = @Id
                """, parameters, transaction);
        }

        if (previousStatus != input.Status)
        {
            await connection.ExecuteAsync("""
                INSERT INTO measure_status_history (measure_id, status, changed_at, staff_id, note) VALUES (@Id, @Status, @Now, @StaffId, @Note)
                """, new { Id = savedId, input.Status, Now = now, StaffId = actor?.Id, Note = note }, transaction);
        }

        await connection.ExecuteAsync("DELETE FROM measure_municipalities WHERE measure_id = @Id", new { Id = savedId }, transaction);
        foreach (var municipality in input.MunicipalityIds.Distinct(StringComparer.Ordinal))
        {
            await connection.ExecuteAsync("INSERT INTO measure_municipalities (measure_id, municipality_id) VALUES (@Id, @Municipality)",
                new { Id = savedId, Municipality = municipality }, transaction);
        }

        await BumpRevisionAsync(connection, transaction, now);
        var statusChanged = id is not null && previousStatus != input.Status;
        await AdminLog.WriteAsync(connection, transaction, actor, now, id is null ? AdminActions.Create : AdminActions.Update, AdminTarget.Measure(savedId), title,
            statusChanged ? new { status = previousStatus } : null, statusChanged ? new { status = input.Status } : null);
        await transaction.CommitAsync();
        return new SaveResult(savedId, new Dictionary<string, string>());
    }

    /// <summary>Phase days the form accepts: the programme's years, not any date a date field can hold.</summary>
    public static readonly DateOnly EarliestPhaseDay = new(2000, 1, 1);

    public static readonly DateOnly LatestPhaseDay = new(2099, 12, 31);

    public async Task<SaveResult> SavePhaseAsync(long? id, PhaseInput input, StaffActor? actor = null)
    {
        var name = input.Name?.Trim() ?? string.Empty;
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (TextLength.Of(name) is < 3 or > 120)
        {
            errors["Name"] = "Length";
        }

        if ((input.Description?.Length ?? 0) > 2000)
        {
            errors["Description"] = "TooLong";
        }

        if ((input.CitizensCan?.Length ?? 0) > 1000)
        {
            errors["CitizensCan"] = "TooLong";
        }

        if (input.StartsOn is null)
        {
            errors["StartsOn"] = "Required";
        }
        else if (input.StartsOn < EarliestPhaseDay || input.StartsOn > LatestPhaseDay)
        {
            errors["StartsOn"] = "OutOfRange";
        }

        if (input.EndsOn is null)
        {
            errors["EndsOn"] = "Required";
        }
        else if (input.EndsOn < EarliestPhaseDay || input.EndsOn > LatestPhaseDay)
        {
            errors["EndsOn"] = "OutOfRange";
        }
        else if (input.StartsOn is { } start && input.EndsOn < start)
        {
            errors["EndsOn"] = "BeforeStart";
        }

        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var parameters = new
        {
            Id = id,
            Name = name,
            Description = input.Description?.Trim() ?? string.Empty,
            CitizensCan = input.CitizensCan?.Trim() ?? string.Empty,
            StartsOn = Day(input.StartsOn!.Value),
            EndsOn = Day(input.EndsOn!.Value),
        };

        // The phases are one sequence on the timeline: a day belongs to at most one of them. Checked in the write's
        // transaction, so two saves at once cannot both pass; a phase saved with its dates unchanged is not refused for
        // an overlap that was there before the rule.
        const string overlapping = """
            SELECT count(*) FROM process_phases
            WHERE starts_on <= @EndsOn AND ends_on >= @StartsOn AND (@Id IS NULL OR id <> @Id)
              AND NOT EXISTS (SELECT 1 FROM process_phases WHERE id = @Id AND starts_on = @StartsOn AND ends_on = @EndsOn)
            """;
        return await InsertOrUpdateAsync(id, now, parameters, new Logged(actor, AdminTarget.StrategyPhase, name), """
            INSERT INTO process_phases (name, description, citizens_can, starts_on, ends_on) VALUES (@Name, @Description, @CitizensCan, @StartsOn, @EndsOn)
            RETURNING id
            """, """
            UPDATE process_phases SET name = @Name, description = @Description, citizens_can = @CitizensCan, starts_on = @StartsOn, ends_on = @EndsOn
            WHERE id = @Id
            """,
            async (connection, transaction) => await connection.ExecuteScalarAsync<long>(overlapping, parameters, transaction) > 0
                ? new Dictionary<string, string>(StringComparer.Ordinal) { ["StartsOn"] = "Overlaps" }
                : null);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Inserts (no <paramref name="id"/>) or updates one row and bumps the strategy's revision, in one transaction;
    /// <paramref name="refuse"/>, when given, runs first in it and may refuse the save with its errors.
    /// </summary>
    private async Task<SaveResult> InsertOrUpdateAsync(long? id, DateTimeOffset now, object parameters, Logged logged, string insertReturningId, string update,
        Func<SqliteConnection, SqliteTransaction, Task<Dictionary<string, string>?>>? refuse = null)
    {
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        if (refuse is not null && await refuse(connection, transaction) is { } errors)
        {
            return SaveResult.Invalid(errors);
        }

        var savedId = id is null
            ? await connection.ExecuteScalarAsync<long>(insertReturningId, parameters, transaction)
            : await connection.ExecuteAsync(update, parameters, transaction) == 1 ? id.Value : 0;
        if (savedId == 0)
        {
            return new SaveResult(null, new Dictionary<string, string> { [""] = "NotFound" });
        }

        await BumpRevisionAsync(connection, transaction, now);
        await AdminLog.WriteAsync(connection, transaction, logged.Actor, now, id is null ? AdminActions.Create : AdminActions.Update, logged.Target(savedId), logged.Details);
        await transaction.CommitAsync();
        return new SaveResult(savedId, new Dictionary<string, string>());
    }

    /// <summary>Who saves, what (by its new id when created) and the name the log entry gives it.</summary>
    private sealed record Logged(StaffActor? Actor, Func<long, AdminTarget> Target, string Details);

    public async Task<bool> DeletePhaseAsync(long id, StaffActor? actor = null)
    {
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        if (await connection.QuerySingleOrDefaultAsync<string?>("DELETE FROM process_phases WHERE id = @Id RETURNING name AS Name", new { Id = id }, transaction) is not { } name)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await BumpRevisionAsync(connection, transaction, now);
        await AdminLog.WriteAsync(connection, transaction, actor, now, AdminActions.Delete, AdminTarget.StrategyPhase(id), name);
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>Participants comment on a measure only while it is under discussion (otherwise: not available).</summary>
    /// <param name="formKey">The comment form's one-time key: the same form sent twice stores one comment (<c>sql/0080</c>).</param>
    public async Task<(ContributionOutcome Outcome, long? CommentId)> CommentAsync(long participantId, long measureId, string? text, string? formKey = null)
    {
        if (CommentText.Body(text) is not { } body)
        {
            return (ContributionOutcome.Invalid, null);
        }

        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var status = await connection.ExecuteScalarAsync<string?>("SELECT status FROM strategy_measures WHERE id = @Id", new { Id = measureId }, transaction);
        if (status != MeasureStatuses.Discussion)
        {
            return (ContributionOutcome.NotAvailable, null);
        }

        var (id, _) = await CommentRows.InsertAsync(connection, transaction, CommentThread.Measure, measureId, participantId, body, clock.GetUtcNow(), formKey);
        await transaction.CommitAsync();
        return (ContributionOutcome.Done, id);
    }

    /// <summary>
    /// Sets the measures an idea went into, inside the caller's transaction (the moderation answer): exactly the ticked
    /// ones, so a later answer can take a link back; an answer other than "aufgenommen" passes none and removes them all.
    /// A link to a discarded measure stays while the idea is adopted: the answer form does not offer such measures.
    /// </summary>
    internal static async Task<IReadOnlyList<string>> SetIdeaMeasuresAsync(SqliteConnection connection, SqliteTransaction transaction, long ideaId, IReadOnlyCollection<long> measureIds, bool adopted, DateTimeOffset now)
    {
        await connection.ExecuteAsync("""
            DELETE FROM idea_measures
            WHERE idea_id = @Idea AND measure_id NOT IN (SELECT value FROM json_each(@Ticked))
              AND NOT (@Adopted AND measure_id IN (SELECT id FROM strategy_measures WHERE status = 'discarded'))
            """, new { Idea = ideaId, Ticked = System.Text.Json.JsonSerializer.Serialize(measureIds), Adopted = adopted }, transaction);
        foreach (var measureId in measureIds.Distinct())
        {
            await connection.ExecuteAsync("""
                INSERT INTO idea_measures (idea_id, measure_id, linked_at)
                SELECT @Idea, id, @Now FROM strategy_measures WHERE id = @Measure
                ON CONFLICT (idea_id, measure_id) DO NOTHING
                """, new { Idea = ideaId, Measure = measureId, Now = now }, transaction);
        }

        return (await connection.QueryAsync<string>("""
            SELECT m.title FROM idea_measures im JOIN strategy_measures m ON m.id = im.measure_id WHERE im.idea_id = @Idea ORDER BY m.title
            """, new { Idea = ideaId }, transaction)).AsList();
    }

    private static Task BumpRevisionAsync(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now) =>
        connection.ExecuteAsync("UPDATE strategy_revision SET revision = revision + 1, changed_at = @Now WHERE id = 1", new { Now = now }, transaction);
}
