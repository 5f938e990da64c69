using System.Collections.Concurrent;
using System.Globalization;
using Dapper;
using MYK10.Participation.Time;

namespace MYK10.Participation.Digests.Sections;

/// <summary>New participants, ideas, supports, comments, survey responses and ballots of the area: period, previous
/// period, total. Responses and ballots count by where the participant lives; ideas, supports and comments by the idea's area.</summary>
/// <remarks>
/// A round builds the digests of eleven councils for the same period one after another. Each kind of contribution is
/// therefore counted once per period for every area at the same time (grouped by area) and kept for a minute, so the
/// round reads the big tables six times instead of sixty-six.
/// </remarks>
public sealed class ParticipationFiguresSection : IDigestSection
{
    /// <summary>A survey response keeps only its day (anonymity); it counts as given at noon of that day (Europe/Berlin
    /// days and a digest period starting in the morning then agree).</summary>
    public const string ResponseTime = "(r.submitted_on || 'T12:00:00.0000000Z')";

    private static readonly TimeSpan Reuse = TimeSpan.FromMinutes(1);

    // Each query yields the area (column "area", NULL when unknown) and the time (column "at") of one kind of contribution.
    // "Insgesamt", the total so far, counts whatever came before the period's end; a survey response of the end's own day
    // counts there too (its query also yields its "day"). A digest built in the morning would otherwise leave out that
    // morning's responses, which the survey section already counts; in the period's figures they still count in the
    // next period, by their noon.
    private static readonly Kind[] Kinds =
    [
        new("Neue Teilnehmende", "SELECT municipality_id AS area, created_at AS at FROM participants WHERE email_confirmed_at IS NOT NULL"),
        new("Neue Ideen", "SELECT municipality_id AS area, published_at AS at FROM ideas WHERE state = 'published'"),
        new("Unterstützungen", """
            SELECT i.municipality_id AS area, s.created_at AS at FROM idea_supports s JOIN ideas i ON i.id = s.idea_id
            WHERE i.state = 'published'
            """),
        new("Kommentare", """
            SELECT i.municipality_id AS area, c.created_at AS at FROM idea_comments c JOIN ideas i ON i.id = c.idea_id
            WHERE c.state = 'visible' AND i.state = 'published'
            """),
        new("Umfrage-Antworten", $"SELECT r.municipality_id AS area, {ResponseTime} AS at, r.submitted_on AS day FROM survey_responses r",
            SoFar: "t.day <= @EndDay"),
        new("Stimmabgaben", """
            SELECT b.municipality_id AS area, b.cast_at AS at FROM ballots b JOIN votes v ON v.id = b.vote_id
            WHERE v.status = 'published'
            """),
    ];

    private readonly ConcurrentDictionary<(string Label, DigestPeriod Period), (long Tick, IReadOnlyDictionary<string, Counts> ByArea)> _counted = new();

    public int Order => 800;

    public async Task<DigestBlock> BuildAsync(DigestContext context, DigestQuery query, CancellationToken cancellationToken)
    {
        var figures = new List<DigestFigure>();
        foreach (var kind in Kinds)
        {
            var byArea = await CountByAreaAsync(kind, context.Period, query, cancellationToken);
            var counts = context.AreaId is { } area
                ? byArea.GetValueOrDefault(area, Counts.None)
                : byArea.Values.Aggregate(Counts.None, (sum, c) => sum + c);
            figures.Add(new DigestFigure(kind.Label, counts.Period, counts.Previous, counts.Total));
        }

        return DigestBlock.FiguresOnly([.. figures]);
    }

    /// <summary>The counts of one kind for every area (key "" for rows without an area), reused within a minute for the same period.</summary>
    private async Task<IReadOnlyDictionary<string, Counts>> CountByAreaAsync(Kind kind, DigestPeriod period, DigestQuery query, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        foreach (var stale in _counted.Where(e => now - e.Value.Tick > Reuse.TotalMilliseconds).Select(e => e.Key).ToList())
        {
            _counted.TryRemove(stale, out _);
        }

        if (_counted.TryGetValue((kind.Label, period), out var known))
        {
            return known.ByArea;
        }

        var sql = $"""
            SELECT coalesce(t.area, '') AS Area,
                   coalesce(sum(t.at >= @Start AND t.at < @End), 0) AS Period,
                   coalesce(sum(t.at >= @PreviousStart AND t.at < @Start), 0) AS Previous,
                   coalesce(sum({kind.SoFar}), 0) AS Total
            FROM ({kind.Sql}) AS t
            GROUP BY coalesce(t.area, '')
            """;
        var rows = await query.Connection.QueryAsync<Counts>(new CommandDefinition(sql, new
        {
            period.Start,
            period.End,
            PreviousStart = period.Previous.Start,
            EndDay = BerlinTime.ToBerlin(period.End).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, query.Transaction, cancellationToken: cancellationToken));
        var byArea = rows.ToDictionary(r => r.Area, StringComparer.Ordinal);
        _counted[(kind.Label, period)] = (now, byArea);
        return byArea;
    }

    /// <summary>One kind of contribution: its figure's label, its query, and what counts in its total so far.</summary>
    private sealed record Kind(string Label, string Sql, string SoFar = "t.at < @End");

    // A class, not a positional record: with no rows SQLite reports expression columns as blobs, which no constructor matches.
    private sealed class Counts
    {
        public static readonly Counts None = new();

        public string Area { get; set; } = string.Empty;

        public long Period { get; set; }

        public long Previous { get; set; }

        public long Total { get; set; }

        public static Counts operator +(Counts a, Counts b) =>
            new() { Period = a.Period + b.Period, Previous = a.Previous + b.Previous, Total = a.Total + b.Total };
    }
}
