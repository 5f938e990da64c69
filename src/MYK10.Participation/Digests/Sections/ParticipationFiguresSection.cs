using Dapper;

namespace MYK10.Participation.Digests.Sections;

/// <summary>New participants, ideas, supports, comments, survey responses and ballots of the area: period, previous
/// period, total. Responses and ballots count by where the participant lives; ideas, supports and comments by the idea's area.</summary>
public sealed class ParticipationFiguresSection : IDigestSection
{
    /// <summary>A survey response keeps only its day (anonymity); it counts as given at noon of that day (Europe/Berlin
    /// days and a digest period starting in the morning then agree).</summary>
    public const string ResponseTime = "(r.submitted_on || 'T12:00:00.0000000Z')";

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
        const string responses = $"""
            SELECT {ResponseTime} AS at FROM survey_responses r
            WHERE (@Area IS NULL OR r.municipality_id = @Area)
            """;
        const string ballots = """
            SELECT b.cast_at AS at FROM ballots b JOIN votes v ON v.id = b.vote_id
            WHERE v.status = 'published' AND (@Area IS NULL OR b.municipality_id = @Area)
            """;
        return DigestBlock.FiguresOnly(
            await CountAsync("Neue Teilnehmende", participants, context, query, cancellationToken),
            await CountAsync("Neue Ideen", ideas, context, query, cancellationToken),
            await CountAsync("Unterstützungen", supports, context, query, cancellationToken),
            await CountAsync("Kommentare", comments, context, query, cancellationToken),
            await CountAsync("Umfrage-Antworten", responses, context, query, cancellationToken),
            await CountAsync("Stimmabgaben", ballots, context, query, cancellationToken));
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
