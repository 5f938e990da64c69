using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Data;

namespace MYK10.Participation.Ideas;

/// <summary>Reads ideas, supports and comments.</summary>
public sealed class IdeaStore(IDbConnectionFactory connections, TimeProvider clock)
{
    // The start page's figures scan whole tables; half a minute of delay is fine for them.
    private static readonly TimeSpan FiguresLifetime = TimeSpan.FromSeconds(30);
    private (IdeaFigures Figures, DateTimeOffset At)? _figures;

    // Only plain columns here: for an empty result SQLite reports the type of an expression column as BLOB,
    // which breaks Dapper's constructor matching.
    internal const string SummaryColumns = """
        i.id AS Id, i.title AS Title, i.body AS Body, i.field_id AS FieldId, f.name AS FieldName,
        i.municipality_id AS MunicipalityId, m.short_name AS MunicipalityName, p.display_name AS AuthorDisplayName,
        p.deleted_at AS AuthorDeletedAt, i.state AS State, i.answer_status AS AnswerStatus,
        i.supporters AS Supporters, i.comments AS Comments, i.created_at AS CreatedAt, i.published_at AS PublishedAt
        """;

    internal const string Joins = """
        FROM ideas i
        JOIN fields_of_action f ON f.id = i.field_id
        JOIN municipalities m ON m.id = i.municipality_id
        JOIN participants p ON p.id = i.author_id
        """;

    public async Task<IdeaPage> ListPublishedAsync(IdeaQuery query, CancellationToken cancellationToken = default)
    {
        var where = new StringBuilder("WHERE i.state = 'published'");
        var parameters = new DynamicParameters();
        if (!string.IsNullOrEmpty(query.MunicipalityId))
        {
            where.Append(" AND i.municipality_id = @Municipality");
            parameters.Add("Municipality", query.MunicipalityId);
        }

        if (!string.IsNullOrEmpty(query.FieldId))
        {
            where.Append(" AND i.field_id = @Field");
            parameters.Add("Field", query.FieldId);
        }

        if (query.Status is not null && PublicStatus.ByUrlValue.TryGetValue(query.Status, out var answerStatus))
        {
            where.Append(answerStatus is null ? " AND i.answer_status IS NULL" : " AND i.answer_status = @AnswerStatus");
            parameters.Add("AnswerStatus", answerStatus);
        }

        var searchOnly = parameters.ParameterNames.Any() is false; // no filter besides the search
        var fts = IdeaSearch.ToFtsQuery(query.Search);
        if (fts is not null)
        {
            where.Append(" AND i.id IN (SELECT rowid FROM ideas_public_fts WHERE ideas_public_fts MATCH @Fts)");
            parameters.Add("Fts", fts);
        }

        var order = query.Sort == IdeaSort.MostSupported
            ? "ORDER BY i.supporters DESC, i.published_at DESC, i.id DESC"
            : "ORDER BY i.published_at DESC, i.id DESC";
        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var page = Math.Max(1, query.Page);
        parameters.Add("Limit", pageSize);
        parameters.Add("Offset", (long)(page - 1) * pageSize);

        await using var connection = await connections.OpenAsync(cancellationToken);
        var (ideas, total) = await SourceAndCountAsync(connection, query, fts is not null, searchOnly, where.ToString(), parameters, (long)page * pageSize, cancellationToken);
        if (total == 0)
        {
            return new IdeaPage([], 0, page, pageSize);
        }

        // The page's ids first, from the index alone; the joins then run for those rows only, not for every skipped one.
        var list = $"SELECT {SummaryColumns} {Joins} WHERE i.id IN (SELECT i.id FROM {ideas} {where} {order} LIMIT @Limit OFFSET @Offset) {order}";
        var items = (await connection.QueryAsync<IdeaSummary>(new CommandDefinition(list, parameters, cancellationToken: cancellationToken))).AsList();
        return new IdeaPage(items, total, page, pageSize);
    }

    /// <summary>Where the list reads its ideas from (the table, or the table by a chosen index), and how many match.</summary>
    private async Task<(string Ideas, long Total)> SourceAndCountAsync(SqliteConnection connection, IdeaQuery query, bool search, bool searchOnly,
        string where, DynamicParameters parameters, long needed, CancellationToken cancellationToken)
    {
        if (search && searchOnly)
        {
            // A search alone is counted in the full-text index of published ideas, without reading them.
            var hits = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM ideas_public_fts WHERE ideas_public_fts MATCH @Fts", parameters, cancellationToken: cancellationToken));
            var walk = hits > 0 && query.Sort == IdeaSort.Newest && WalkingPays(hits, needed, (await FiguresAsync(cancellationToken)).PublishedIdeas);
            return (walk ? "ideas i INDEXED BY ideas_public_newest" : "ideas i", hits);
        }

        // A search within one municipality or field walks that one's few thousand ideas and looks each up among the
        // hits, instead of reading every hit of the whole county to test its place.
        var ideas = !search ? "ideas i"
            : !string.IsNullOrEmpty(query.MunicipalityId) ? "ideas i INDEXED BY ideas_municipality"
            : !string.IsNullOrEmpty(query.FieldId) ? "ideas i INDEXED BY ideas_field"
            : "ideas i";
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM {ideas} {where}", parameters, cancellationToken: cancellationToken));
        return (ideas, total);
    }

    /// <summary>
    /// Whether a search's page is found sooner by walking the published ideas newest first until it is full (about
    /// <paramref name="needed"/> × published ÷ hits index entries) than by reading every hit and sorting them (a table
    /// lookup each, some five times the cost of an index entry). Many hits: walk; few hits or a deep page: read them.
    /// </summary>
    internal static bool WalkingPays(long hits, long needed, long published) => needed * published < 5 * hits * hits;

    public async Task<IdeaDetail?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT i.id AS Id, i.author_id AS AuthorId, i.title AS Title, i.body AS Body, i.place AS Place,
                   i.field_id AS FieldId, f.name AS FieldName, i.municipality_id AS MunicipalityId,
                   m.short_name AS MunicipalityName, p.display_name AS AuthorDisplayName,
                   p.deleted_at AS AuthorDeletedAt, i.state AS State, i.answer_status AS AnswerStatus,
                   i.official_answer AS OfficialAnswer, i.answered_at AS AnsweredAt, i.merged_into_id AS MergedIntoId,
                   i.supporters AS Supporters, i.comments AS Comments, i.created_at AS CreatedAt, i.published_at AS PublishedAt,
                   i.edited_by_moderation AS EditedByModeration, i.rejection_reason AS RejectionReason, i.rejection_note AS RejectionNote
            FROM ideas i
            JOIN fields_of_action f ON f.id = i.field_id
            JOIN municipalities m ON m.id = i.municipality_id
            JOIN participants p ON p.id = i.author_id
            WHERE i.id = @Id
            """;
        return await connections.ReadAsync(sql, [("@Id", id)], ReadDetail, cancellationToken);
    }

    // By hand, in the order of the columns above: the page every visitor opens reads it, and Dapper's mapping looked
    // up its column names and types again on every call.
    private static IdeaDetail? ReadDetail(SqliteDataReader row) => row.Read()
        ? new IdeaDetail(
            row.GetInt64(0), row.GetInt64(1), row.GetString(2), row.GetString(3), Text(row, 4),
            row.GetString(5), row.GetString(6), row.GetString(7), row.GetString(8), Text(row, 9),
            Time(row, 10), row.GetString(11), Text(row, 12), Text(row, 13), Time(row, 14),
            row.IsDBNull(15) ? null : row.GetInt64(15), row.GetInt64(16), row.GetInt64(17),
            DapperTypeHandlers.FromText(row.GetString(18)), Time(row, 19), row.GetInt64(20), Text(row, 21), Text(row, 22))
        : null;

    private static string? Text(SqliteDataReader row, int column) => row.IsDBNull(column) ? null : row.GetString(column);

    private static DateTimeOffset? Time(SqliteDataReader row, int column) => DapperTypeHandlers.FromNullableText(row.GetValue(column));

    public async Task<IReadOnlyList<IdeaComment>> CommentsAsync(long ideaId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT c.id AS Id, c.idea_id AS IdeaId, c.author_id AS AuthorId, p.display_name AS AuthorDisplayName,
                   p.deleted_at AS AuthorDeletedAt, c.body AS Body, c.state AS State, c.hidden_by AS HiddenBy,
                   c.created_at AS CreatedAt
            FROM idea_comments c
            JOIN participants p ON p.id = c.author_id
            WHERE c.idea_id = @IdeaId
            ORDER BY c.id
            """;
        return await connections.ReadAsync(sql, [("@IdeaId", ideaId)], rows => rows.Parse<IdeaComment>().ToList(), cancellationToken);
    }

    public async Task<bool> HasSupportedAsync(long ideaId, long participantId)
    {
        const string sql = "SELECT EXISTS (SELECT 1 FROM idea_supports WHERE idea_id = @IdeaId AND participant_id = @ParticipantId)";
        return await connections.ReadAsync(sql, [("@IdeaId", ideaId), ("@ParticipantId", participantId)], rows => rows.Read() && rows.GetBoolean(0));
    }

    /// <summary>All ideas of one author, whatever their state, newest first.</summary>
    public async Task<IReadOnlyList<IdeaSummary>> ByAuthorAsync(long authorId, CancellationToken cancellationToken = default)
    {
        var sql = $"SELECT {SummaryColumns} {Joins} WHERE i.author_id = @AuthorId ORDER BY i.created_at DESC, i.id DESC";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<IdeaSummary>(new CommandDefinition(sql, new { AuthorId = authorId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Published ideas a participant supports, most recent support first.</summary>
    public async Task<IReadOnlyList<IdeaSummary>> SupportedByAsync(long participantId, CancellationToken cancellationToken = default)
    {
        var sql = $"""
            SELECT {SummaryColumns} {Joins}
            JOIN idea_supports s ON s.idea_id = i.id AND s.participant_id = @ParticipantId
            WHERE i.state = 'published'
            ORDER BY s.created_at DESC
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<IdeaSummary>(new CommandDefinition(sql, new { ParticipantId = participantId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<OwnComment>> CommentsByAuthorAsync(long authorId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT c.id AS Id, c.idea_id AS IdeaId, i.title AS IdeaTitle, c.body AS Body, c.state AS State, c.created_at AS CreatedAt
            FROM idea_comments c
            JOIN ideas i ON i.id = c.idea_id
            WHERE c.author_id = @AuthorId AND c.state <> 'deleted'
            ORDER BY c.id DESC
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<OwnComment>(new CommandDefinition(sql, new { AuthorId = authorId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<IdeaSummary>> LatestAsync(int count, CancellationToken cancellationToken = default)
    {
        var sql = $"SELECT {SummaryColumns} {Joins} WHERE i.state = 'published' ORDER BY i.published_at DESC, i.id DESC LIMIT @Count";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<IdeaSummary>(new CommandDefinition(sql, new { Count = count }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IdeaFigures> FiguresAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_figures is { } cached && now - cached.At < FiguresLifetime)
        {
            return cached.Figures;
        }

        var figures = await ReadFiguresAsync(cancellationToken);
        _figures = (figures, now);
        return figures;
    }

    private async Task<IdeaFigures> ReadFiguresAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT
                (SELECT count(*) FROM ideas WHERE state = 'published') AS PublishedIdeas,
                (SELECT coalesce(sum(supporters), 0) FROM ideas WHERE state = 'published') AS Supports,
                (SELECT coalesce(sum(comments), 0) FROM ideas WHERE state = 'published') AS Comments,
                (SELECT count(*) FROM participants WHERE email_confirmed_at IS NOT NULL AND deleted_at IS NULL) AS Participants
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<IdeaFigures>(new CommandDefinition(sql, cancellationToken: cancellationToken));
    }
}
