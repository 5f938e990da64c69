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

    private const string SupportedOrder = "ORDER BY i.supporters DESC, i.published_at DESC, i.id DESC";

    public async Task<IdeaPage> ListPublishedAsync(IdeaQuery query, CancellationToken cancellationToken = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var page = Math.Max(1, query.Page);
        var offset = (long)(page - 1) * pageSize;
        var match = IdeaSearch.ToPublicMatch(query);
        await using var connection = await connections.OpenAsync(cancellationToken);
        if (match is not null && query.Sort == IdeaSort.Newest)
        {
            var (hits, ids) = await NewestHitsAsync(connection, match, offset, pageSize, cancellationToken);
            return new IdeaPage(ids.Count == 0 ? [] : await SummariesAsync(connection, "@Ids", NewestOrder, new { Ids = ids }, cancellationToken), hits, page, pageSize);
        }

        var parameters = new DynamicParameters();
        parameters.Add("Limit", pageSize);
        parameters.Add("Offset", offset);
        var (count, pageIds, order) = match is not null ? SupportedSearchSql(match, parameters) : ListSql(query, parameters);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(count, parameters, cancellationToken: cancellationToken));
        return new IdeaPage(total == 0 ? [] : await SummariesAsync(connection, $"({pageIds})", order, parameters, cancellationToken), total, page, pageSize);
    }

    // The page's ids first, from an index alone; the joins then run for those rows only, not for every skipped one.
    private static async Task<IReadOnlyList<IdeaSummary>> SummariesAsync(SqliteConnection connection, string ids, string order, object parameters, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<IdeaSummary>(new CommandDefinition($"SELECT {SummaryColumns} {Joins} WHERE i.id IN {ids} {order}", parameters, cancellationToken: cancellationToken))).AsList();

    /// <summary>The list without a search: the filters on the ideas' columns, sorted by their indexes.</summary>
    private static (string Count, string PageIds, string Order) ListSql(IdeaQuery query, DynamicParameters parameters)
    {
        var where = new StringBuilder("WHERE i.state = 'published'");
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

        if (query.FiltersByAnswer(out var answerStatus))
        {
            where.Append(answerStatus is null ? " AND i.answer_status IS NULL" : " AND i.answer_status = @AnswerStatus");
            parameters.Add("AnswerStatus", answerStatus);
        }

        var order = query.Sort == IdeaSort.MostSupported ? SupportedOrder : "ORDER BY i.published_at DESC, i.id DESC";
        return ($"SELECT count(*) FROM ideas i {where}", $"SELECT i.id FROM ideas i {where} {order} LIMIT @Limit OFFSET @Offset", order);
    }

    // Search results newest first: the public search index's order (sql/0072_public_search_by_place_and_date.sql, where
    // its rowid is the second of publication and the idea's id). Within one second of publication it orders by id.
    private const string NewestOrder = "ORDER BY unixepoch(i.published_at) DESC, i.id DESC";
    private const string IdOfKey = "rowid & 2147483647";
    private const string Hits = "FROM ideas_public_search WHERE ideas_public_search MATCH @Match";

    /// <summary>
    /// A search newest first, filters included, in one pass over the public search index: its hits are counted as they
    /// are read, and the page's ids kept. Counting and paging in two statements made the index merge the words' prefix
    /// matches twice, which was most of a search's time. The hits are read oldest first, the index's faster direction;
    /// the page counts from the newest, so only the last <c>offset + pageSize</c> ids are kept, in a ring.
    /// </summary>
    private static async Task<(long Hits, List<long> Ids)> NewestHitsAsync(SqliteConnection connection, string match, long offset, int pageSize, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {IdOfKey} {Hits} ORDER BY rowid";
        command.Parameters.AddWithValue("@Match", match);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keep = offset + pageSize;
        var ring = new List<long>();
        var hits = 0L;
        // Read synchronously: Microsoft.Data.Sqlite's ReadAsync only wraps Read, and a search may read every idea; so the
        // request's cancellation is checked every 1,024 hits.
        while (reader.Read())
        {
            if ((hits & 1023) == 1023)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var id = reader.GetInt64(0);
            if (ring.Count < keep)
            {
                ring.Add(id);
            }
            else
            {
                ring[(int)(hits % keep)] = id;
            }

            hits++;
        }

        // The n-th newest hit is the (hits - 1 - n)-th oldest, in the ring for every n below offset + pageSize.
        var ids = new List<long>(pageSize);
        for (var newest = offset; newest < Math.Min(keep, hits); newest++)
        {
            ids.Add(ring[(int)((hits - 1 - newest) % keep)]);
        }

        return (hits, ids);
    }

    /// <summary>
    /// A search sorted by support, filters included: counted in the public search index, and every hit's counter read
    /// for the order.
    /// </summary>
    private static (string Count, string PageIds, string Order) SupportedSearchSql(string match, DynamicParameters parameters)
    {
        parameters.Add("Match", match);
        return ($"SELECT count(*) {Hits}", $"SELECT i.id FROM ideas i WHERE i.id IN (SELECT {IdOfKey} {Hits}) {SupportedOrder} LIMIT @Limit OFFSET @Offset", SupportedOrder);
    }

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

    /// <summary>One of the author's ideas, whatever its state, with its version; null when there is none or it is someone else's.</summary>
    public async Task<OwnIdea?> OwnAsync(long authorId, long ideaId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT id AS Id, title AS Title, body AS Body, field_id AS FieldId, municipality_id AS MunicipalityId, place AS Place,
                   state AS State, version AS Version
            FROM ideas WHERE id = @Id AND author_id = @AuthorId
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<OwnIdea>(new CommandDefinition(sql, new { Id = ideaId, AuthorId = authorId }, cancellationToken: cancellationToken));
    }

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

    /// <summary>A participant's comments on published ideas, newest first; a hidden idea's page is gone for its commenters.</summary>
    public async Task<IReadOnlyList<OwnComment>> CommentsByAuthorAsync(long authorId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT c.id AS Id, c.idea_id AS IdeaId, i.title AS IdeaTitle, c.body AS Body, c.state AS State, c.created_at AS CreatedAt
            FROM idea_comments c
            JOIN ideas i ON i.id = c.idea_id
            WHERE c.author_id = @AuthorId AND c.state <> 'deleted' AND i.state = 'published'
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

    /// <summary>
    /// A slice of the published ideas in the order of publication, oldest first, so that a slice keeps its ideas while new
    /// ones are published: their ids and when they were published and answered.
    /// </summary>
    public async Task<IReadOnlyList<PublishedIdeaDates>> PublishedDatesAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT id AS Id, published_at AS PublishedAt, answered_at AS AnsweredAt
            FROM ideas WHERE state = 'published'
            ORDER BY published_at, id LIMIT @Take OFFSET @Skip
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<PublishedIdeaDates>(new CommandDefinition(sql, new { Skip = skip, Take = take }, cancellationToken: cancellationToken))).AsList();
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
