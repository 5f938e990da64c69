using System.Text;
using Dapper;
using MYK10.Participation.Comments;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;

namespace MYK10.Participation.Moderation;

/// <summary>Reads the queue, reports, review details and the audit log.</summary>
public sealed class ModerationStore(IDbConnectionFactory connections, SimilarIdeas similar)
{
    public async Task<IReadOnlyList<QueueItem>> QueueAsync(string? municipalityId, string? fieldId, CancellationToken cancellationToken = default)
    {
        var sql = new StringBuilder("""
            SELECT i.id AS Id, i.title AS Title, i.body AS Body, i.field_id AS FieldId, f.name AS FieldName, m.short_name AS MunicipalityName,
                   p.display_name AS AuthorDisplayName, i.created_at AS CreatedAt
            FROM ideas i
            JOIN fields_of_action f ON f.id = i.field_id
            JOIN municipalities m ON m.id = i.municipality_id
            JOIN participants p ON p.id = i.author_id
            WHERE i.state = 'pending'
            """);
        if (!string.IsNullOrEmpty(municipalityId))
        {
            sql.Append(" AND i.municipality_id = @Municipality");
        }

        if (!string.IsNullOrEmpty(fieldId))
        {
            sql.Append(" AND i.field_id = @Field");
        }

        sql.Append(" ORDER BY i.created_at, i.id LIMIT 500");
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<QueueItem>(new CommandDefinition(sql.ToString(),
            new { Municipality = municipalityId, Field = fieldId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<QueueSummary> SummaryAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT (SELECT count(*) FROM ideas WHERE state = 'pending') AS Pending,
                   (SELECT min(created_at) FROM ideas WHERE state = 'pending') AS OldestPendingAt,
                   (SELECT count(*) FROM (SELECT DISTINCT idea_id, comment_id, measure_comment_id FROM reports WHERE state = 'open')) AS OpenReports
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(long Pending, string? Oldest, long OpenReports)>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return new QueueSummary(row.Pending, row.Oldest is null ? null : DapperTypeHandlers.FromText(row.Oldest), row.OpenReports);
    }

    public async Task<ReviewIdea?> ReviewAsync(long id, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT i.id AS Id, i.author_id AS AuthorId, i.title AS Title, i.body AS Body, i.place AS Place,
                   i.field_id AS FieldId, f.name AS FieldName, i.municipality_id AS MunicipalityId, m.name AS MunicipalityName,
                   p.display_name AS AuthorDisplayName, i.state AS State, i.answer_status AS AnswerStatus,
                   i.official_answer AS OfficialAnswer, i.original_title AS OriginalTitle, i.original_body AS OriginalBody,
                   i.edited_by_moderation AS EditedByModeration, i.rejection_reason AS RejectionReason,
                   i.rejection_note AS RejectionNote, i.merged_into_id AS MergedIntoId, i.supporters AS Supporters,
                   i.version AS Version, s.email AS DecidedByEmail, i.decided_at AS DecidedAt, i.created_at AS CreatedAt,
                   i.published_at AS PublishedAt, i.author_edited_at AS AuthorEditedAt
            FROM ideas i
            JOIN fields_of_action f ON f.id = i.field_id
            JOIN municipalities m ON m.id = i.municipality_id
            JOIN participants p ON p.id = i.author_id
            LEFT JOIN staff s ON s.id = i.decided_by
            WHERE i.id = @Id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ReviewIdea>(new CommandDefinition(sql, new { Id = id }, cancellationToken: cancellationToken));
    }

    /// <summary>How many ideas the author has submitted in all (shown instead of any personal detail).</summary>
    public async Task<long> IdeasByAuthorAsync(long authorId)
    {
        await using var connection = await connections.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM ideas WHERE author_id = @AuthorId", new { AuthorId = authorId });
    }

    /// <summary>The five published or pending ideas most similar to this one by full-text rank over title and text.</summary>
    public Task<IReadOnlyList<IdeaSummary>> DuplicatesAsync(ReviewIdea idea, CancellationToken cancellationToken = default) =>
        similar.FindAsync(idea.Title, idea.Body, SimilarIdeaScope.PublishedAndPending, idea.Id, cancellationToken);

    /// <summary>Every idea or comment (on an idea or a measure) with open reports, the longest waiting first.</summary>
    public async Task<IReadOnlyList<ReportedItem>> OpenReportsAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT r.idea_id AS IdeaId, r.comment_id AS CommentId, mc.measure_id AS MeasureId, r.measure_comment_id AS MeasureCommentId,
                   coalesce(i.title, m.title) AS Title, coalesce(c.body, mc.body, i.body) AS Text,
                   coalesce(c.state, mc.state, i.state) AS ItemState,
                   count(*) AS OpenReports, group_concat(DISTINCT r.reason) AS Reasons,
                   group_concat(coalesce(p.display_name, 'anonym'), ', ') AS Reporters, min(r.created_at) AS FirstReportedAt,
                   group_concat(r.details, char(30)) AS Details
            FROM reports r
            LEFT JOIN ideas i ON i.id = r.idea_id
            LEFT JOIN idea_comments c ON c.id = r.comment_id
            LEFT JOIN measure_comments mc ON mc.id = r.measure_comment_id
            LEFT JOIN strategy_measures m ON m.id = mc.measure_id
            JOIN participants p ON p.id = r.reporter_id
            WHERE r.state = 'open'
            GROUP BY r.idea_id, r.comment_id, r.measure_comment_id
            ORDER BY min(r.created_at)
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long? IdeaId, long? CommentId, long? MeasureId, long? MeasureCommentId, string Title, string Text, string ItemState, long OpenReports, string Reasons, string Reporters, string FirstReportedAt, string? Details)>(
            new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.Select(r => new ReportedItem(
            ReportTarget.From(r.IdeaId, r.CommentId, r.MeasureCommentId)!, r.MeasureId, r.Title, r.Text, r.ItemState, r.OpenReports, r.Reasons, r.Reporters,
            DapperTypeHandlers.FromText(r.FirstReportedAt),
            // The reporters' explanations, where they gave one; separated by a character no form can send.
            r.Details?.Split('\u001e') ?? [])).ToList();
    }

    // Both statements find the hidden comments through the partial indexes of sql/0079_hidden_comment_indexes.sql.
    internal const string HiddenCommentsList = """
        SELECT 'idea' AS Thread, c.id AS Id, c.idea_id AS ParentId, i.title AS Title, c.body AS Body, c.hidden_by AS HiddenBy,
               p.display_name AS AuthorDisplayName, p.deleted_at AS AuthorDeletedAt, c.created_at AS CreatedAt
        FROM idea_comments c JOIN ideas i ON i.id = c.idea_id JOIN participants p ON p.id = c.author_id
        WHERE c.state = 'hidden'
        UNION ALL
        SELECT 'measure', c.id, c.measure_id, m.title, c.body, c.hidden_by, p.display_name, p.deleted_at, c.created_at
        FROM measure_comments c JOIN strategy_measures m ON m.id = c.measure_id JOIN participants p ON p.id = c.author_id
        WHERE c.state = 'hidden'
        ORDER BY CreatedAt DESC, Id DESC, Thread
        LIMIT @Limit OFFSET @Offset
        """;

    internal const string HiddenCommentsCount = """
        SELECT (SELECT count(*) FROM idea_comments WHERE state = 'hidden') + (SELECT count(*) FROM measure_comments WHERE state = 'hidden')
        """;

    /// <summary>The hidden comments on ideas and measures, whoever hid them, the most recently written first; one page of them and how many there are.</summary>
    public async Task<(IReadOnlyList<HiddenComment> Comments, long Total)> HiddenCommentsAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var parameters = new { Limit = pageSize, Offset = (long)(Math.Max(1, page) - 1) * pageSize };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Thread, long Id, long ParentId, string Title, string Body, string HiddenBy, string? AuthorDisplayName, string? AuthorDeletedAt, string CreatedAt)>(
            new CommandDefinition(HiddenCommentsList, parameters, cancellationToken: cancellationToken));
        var comments = rows.Select(r => new HiddenComment(
            r.Thread == "idea" ? ReportTarget.IdeaComment(r.ParentId, r.Id) : ReportTarget.MeasureComment(r.Id),
            r.Thread == "idea" ? null : r.ParentId, r.Title, r.Body, r.HiddenBy, r.AuthorDisplayName,
            DapperTypeHandlers.FromNullableText(r.AuthorDeletedAt), DapperTypeHandlers.FromText(r.CreatedAt))).ToList();
        return (comments, await connection.ExecuteScalarAsync<long>(new CommandDefinition(HiddenCommentsCount, cancellationToken: cancellationToken)));
    }

    public async Task<(IReadOnlyList<AuditEntry> Entries, long Total)> AuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var where = new StringBuilder("WHERE 1 = 1");
        if (!string.IsNullOrEmpty(query.Action))
        {
            where.Append(" AND action = @Action");
        }

        if (!string.IsNullOrEmpty(query.StaffEmail))
        {
            where.Append(" AND staff_email = @StaffEmail");
        }

        if (query.IdeaId is not null)
        {
            where.Append(" AND idea_id = @IdeaId");
        }

        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var parameters = new { query.Action, query.StaffEmail, query.IdeaId, Limit = pageSize, Offset = (long)(Math.Max(1, query.Page) - 1) * pageSize };
        var list = $"""
            SELECT id AS Id, at AS At, staff_email AS StaffEmail, action AS Action, target_type AS TargetType, target_id AS TargetId,
                   idea_id AS IdeaId, measure_id AS MeasureId, before_json AS BeforeJson, after_json AS AfterJson, note AS Note
            FROM audit_log {where} ORDER BY at DESC, id DESC LIMIT @Limit OFFSET @Offset
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var entries = (await connection.QueryAsync<AuditEntry>(new CommandDefinition(list, parameters, cancellationToken: cancellationToken))).AsList();
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM audit_log {where}", parameters, cancellationToken: cancellationToken));
        return (entries, total);
    }

    public async Task<IReadOnlyList<string>> AuditStaffAsync()
    {
        await using var connection = await connections.OpenAsync();
        return (await connection.QueryAsync<string>("SELECT DISTINCT staff_email FROM audit_log ORDER BY staff_email")).AsList();
    }
}
