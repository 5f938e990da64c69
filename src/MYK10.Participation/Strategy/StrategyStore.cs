using Dapper;
using MYK10.Participation.Data;

namespace MYK10.Participation.Strategy;

/// <summary>Reads the strategy: structure, measures with their history and ideas, the timeline.</summary>
public sealed class StrategyStore(IDbConnectionFactory connections, TimeProvider clock)
{
    private const string MeasureColumns = """
        m.id AS Id, m.goal_id AS GoalId, g.field_id AS FieldId, m.title AS Title, m.description AS Description,
        m.lead_organisation AS LeadOrganisation, m.cost_euros AS CostEuros, m.time_frame AS TimeFrame, m.status AS Status,
        m.position AS Position, m.updated_at AS UpdatedAt
        """;

    private const string GoalColumns = "g.id AS Id, g.field_id AS FieldId, g.title AS Title, g.description AS Description, g.position AS Position";

    /// <summary>All fields of action in order, each with its goals and their measures; discarded measures only when asked.</summary>
    public async Task<IReadOnlyList<StrategyField>> StructureAsync(bool includeDiscarded = true, string? fieldId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var fields = await connection.QueryAsync<(string Id, string Name)>(new CommandDefinition(
            "SELECT id, name FROM fields_of_action WHERE @Field IS NULL OR id = @Field ORDER BY position", new { Field = fieldId }, cancellationToken: cancellationToken));
        var goals = (await connection.QueryAsync<Goal>(new CommandDefinition(
            $"SELECT {GoalColumns} FROM strategy_goals g ORDER BY g.position, g.id", cancellationToken: cancellationToken))).ToList();
        var measures = (await connection.QueryAsync<Measure>(new CommandDefinition($"""
            SELECT {MeasureColumns} FROM strategy_measures m JOIN strategy_goals g ON g.id = m.goal_id
            WHERE @IncludeDiscarded OR m.status <> 'discarded'
            ORDER BY m.position, m.id
            """, new { IncludeDiscarded = includeDiscarded }, cancellationToken: cancellationToken))).ToList();
        return fields.Select(f => new StrategyField(f.Id, f.Name, goals
                .Where(g => g.FieldId == f.Id)
                .Select(g => (g, (IReadOnlyList<Measure>)measures.Where(m => m.GoalId == g.Id).ToList()))
                .ToList()))
            .ToList();
    }

    /// <summary>How many measures the strategy has, discarded ones included: the most a form listing measures can tick.</summary>
    public async Task<long> MeasureCountAsync(CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT count(*) FROM strategy_measures";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: cancellationToken));
    }

    public async Task<Goal?> GoalAsync(long id)
    {
        await using var connection = await connections.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<Goal>($"SELECT {GoalColumns} FROM strategy_goals g WHERE g.id = @Id", new { Id = id });
    }

    public async Task<Measure?> MeasureAsync(long id)
    {
        await using var connection = await connections.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<Measure>(
            $"SELECT {MeasureColumns} FROM strategy_measures m JOIN strategy_goals g ON g.id = m.goal_id WHERE m.id = @Id", new { Id = id });
    }

    public async Task<IReadOnlyList<string>> MunicipalityIdsAsync(long measureId)
    {
        await using var connection = await connections.OpenAsync();
        return (await connection.QueryAsync<string>("SELECT municipality_id FROM measure_municipalities WHERE measure_id = @Id", new { Id = measureId })).AsList();
    }

    /// <summary>The participant's comments on measures, withdrawn ones left out, newest first (as their comments on ideas).</summary>
    public async Task<IReadOnlyList<OwnMeasureComment>> CommentsByAuthorAsync(long authorId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT c.id AS Id, c.measure_id AS MeasureId, m.title AS MeasureTitle, c.created_at AS CreatedAt
            FROM measure_comments c
            JOIN strategy_measures m ON m.id = c.measure_id
            WHERE c.author_id = @AuthorId AND c.state <> 'deleted'
            ORDER BY c.id DESC
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<OwnMeasureComment>(new CommandDefinition(sql, new { AuthorId = authorId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<MeasureDetail?> DetailAsync(long id, CancellationToken cancellationToken = default)
    {
        var measure = await MeasureAsync(id);
        if (measure is null)
        {
            return null;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var goal = await connection.QuerySingleAsync<Goal>($"SELECT {GoalColumns} FROM strategy_goals g WHERE g.id = @Id", new { Id = measure.GoalId });
        var fieldName = await connection.ExecuteScalarAsync<string>("SELECT name FROM fields_of_action WHERE id = @Id", new { Id = goal.FieldId });
        var municipalities = (await connection.QueryAsync<string>("""
            SELECT mu.name FROM measure_municipalities mm JOIN municipalities mu ON mu.id = mm.municipality_id
            WHERE mm.measure_id = @Id ORDER BY mu.position
            """, new { Id = id })).AsList();
        var history = (await connection.QueryAsync<StatusChange>(
            "SELECT status AS Status, changed_at AS ChangedAt, note AS Note FROM measure_status_history WHERE measure_id = @Id ORDER BY changed_at, id",
            new { Id = id })).AsList();
        var ideas = (await connection.QueryAsync<LinkedIdea>("""
            SELECT i.id AS Id, i.title AS Title, i.supporters AS Supporters, i.state AS State
            FROM idea_measures im JOIN ideas i ON i.id = im.idea_id
            WHERE im.measure_id = @Id AND i.state = 'published'
            ORDER BY i.supporters DESC, i.id
            """, new { Id = id })).AsList();
        // Someone who supported two of the linked ideas stands behind the measure once.
        var supporters = await connection.ExecuteScalarAsync<long>("""
            SELECT count(DISTINCT s.participant_id)
            FROM idea_measures im JOIN ideas i ON i.id = im.idea_id AND i.state = 'published'
            JOIN idea_supports s ON s.idea_id = im.idea_id
            WHERE im.measure_id = @Id
            """, new { Id = id });
        // The text of a hidden or deleted comment never leaves the store for the public page.
        var comments = (await connection.QueryAsync<MeasureComment>("""
            SELECT c.id AS Id, c.author_id AS AuthorId, p.display_name AS AuthorDisplayName, p.deleted_at AS AuthorDeletedAt, c.body AS Body,
                   c.state AS State, c.hidden_by AS HiddenBy, c.created_at AS CreatedAt
            FROM measure_comments c JOIN participants p ON p.id = c.author_id
            WHERE c.measure_id = @Id ORDER BY c.id
            """, new { Id = id })).Select(c => c.IsVisible ? c : c with { Body = null }).ToList();
        var votes = await connection.QueryAsync<(long VoteId, string Title, string ClosesAt, string Visibility, long? Rank, long? Selected, long? Supporters, long? Ballots)>("""
            SELECT v.id, v.title, v.closes_at, v.result_visibility, t.rank, t.selected, t.supporters, vt.ballot_count
            FROM vote_option_measures l
            JOIN vote_options o ON o.id = l.option_id
            JOIN votes v ON v.id = o.vote_id
            LEFT JOIN vote_option_tallies t ON t.option_id = o.id
            LEFT JOIN vote_tallies vt ON vt.vote_id = v.id
            WHERE l.measure_id = @Id AND v.status = 'published'
            ORDER BY v.closes_at DESC
            """, new { Id = id });
        var now = clock.GetUtcNow();
        var measureVotes = votes.Select(v =>
        {
            var closes = DapperTypeHandlers.FromText(v.ClosesAt);
            var visible = v.Ballots is not null && (v.Visibility == "live" || closes <= now);
            return new MeasureVote(v.VoteId, v.Title, closes, visible, visible ? v.Rank : null, visible && v.Selected == 1, visible ? v.Supporters : null, visible ? v.Ballots : null);
        }).ToList();
        return new MeasureDetail(measure, goal, fieldName!, municipalities, history, ideas, supporters, comments, measureVotes);
    }

    /// <summary>The measures an idea is linked to, for the idea's page.</summary>
    public async Task<IReadOnlyList<(long Id, string Title)>> MeasuresOfIdeaAsync(long ideaId)
    {
        const string sql = """
            SELECT m.id, m.title FROM idea_measures im JOIN strategy_measures m ON m.id = im.measure_id
            WHERE im.idea_id = @Id ORDER BY m.title
            """;
        return await connections.ReadAsync(sql, [("@Id", ideaId)], rows => rows.Parse<(long, string)>().ToList());
    }

    public async Task<IReadOnlyList<Phase>> PhasesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string Name, string Description, string CitizensCan, string StartsOn, string EndsOn)>(new CommandDefinition(
            "SELECT id, name, description, citizens_can, starts_on, ends_on FROM process_phases ORDER BY starts_on, id", cancellationToken: cancellationToken));
        return rows.Select(r => new Phase(r.Id, r.Name, r.Description, r.CitizensCan, DateOnly.Parse(r.StartsOn, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(r.EndsOn, System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    public async Task<StrategyRevision> RevisionAsync()
    {
        await using var connection = await connections.OpenAsync();
        return await connection.QuerySingleAsync<StrategyRevision>("SELECT revision AS Revision, changed_at AS ChangedAt FROM strategy_revision WHERE id = 1");
    }
}
