using Dapper;

namespace MYK10.Participation.Digests.Sections;

/// <summary>New participants, ideas, supports and comments of the area: period, previous period, total.</summary>
public sealed class ParticipationFiguresSection : IDigestSection
{
    public int Order => 800;

    public async Task<DigestBlock> BuildAsync(DigestContext context, DigestQuery query, CancellationToken cancellationToken)
    {
        // Each query yields the times (column "at") of one kind of contribution in the area; the counting is shared.
        const string participants = """
            SELECT created_at AS at FROM participants
            WHERE email_confirmed_at IS NOT NULL AND (@Area IS NULL OR municipality_id = @Area)
            """;
        const string ideas = """
            SELECT published_at AS at FROM ideas
            WHERE state = 'published' AND (@Area IS NULL OR municipality_id = @Area)
            """;
        const string supports = """
            SELECT s.created_at AS at FROM idea_supports s JOIN ideas i ON i.id = s.idea_id
            WHERE i.state = 'published' AND (@Area IS NULL OR i.municipality_id = @Area)
            """;
        const string comments = """
            SELECT c.created_at AS at FROM idea_comments c JOIN ideas i ON i.id = c.idea_id
            WHERE c.state = 'visible' AND i.state = 'published' AND (@Area IS NULL OR i.municipality_id = @Area)
            """;
        return DigestBlock.FiguresOnly(
            await CountAsync("Neue Teilnehmende", participants, context, query, cancellationToken),
            await CountAsync("Neue Ideen", ideas, context, query, cancellationToken),
            await CountAsync("Unterstützungen", supports, context, query, cancellationToken),
            await CountAsync("Kommentare", comments, context, query, cancellationToken));
    }

    /// <summary>Counts the times (column <c>at</c>) of <paramref name="timesSql"/> in the period, the previous period and up to the period's end.</summary>
    public static async Task<DigestFigure> CountAsync(string label, string timesSql, DigestContext context, DigestQuery query, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT coalesce(sum(t.at >= @Start AND t.at < @End), 0) AS Period,
                   coalesce(sum(t.at >= @PreviousStart AND t.at < @Start), 0) AS Previous,
                   coalesce(sum(t.at < @End), 0) AS Total
            FROM ({timesSql}) AS t
            """;
        var counts = await query.Connection.QuerySingleAsync<Counts>(new CommandDefinition(sql, new
        {
            context.Period.Start,
            context.Period.End,
            PreviousStart = context.Period.Previous.Start,
            Area = context.AreaId,
        }, query.Transaction, cancellationToken: cancellationToken));
        return new DigestFigure(label, counts.Period, counts.Previous, counts.Total);
    }

    private sealed class Counts
    {
        public long Period { get; set; }

        public long Previous { get; set; }

        public long Total { get; set; }
    }
}
