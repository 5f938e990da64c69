using System.Text;
using Dapper;
using MYK10.Participation.Digests;
using static MYK10.Participation.Digests.DigestFormat;

namespace MYK10.Participation.Ballots;

/// <summary>
/// Published votes of the council's area (its own and county-wide ones) that opened or closed in the period. A closed
/// vote's result is public from its close, so the block names the measures it chose (or accepted), as the result page
/// does, and links to that page. Not the options with the most votes: under a budget (Equal Shares) or with yes/no/abstain
/// those need not be the ones chosen.
/// </summary>
public sealed class VotesDigestSection : IDigestSection
{
    public const int NamedOptions = 3;

    public int Order => 500;

    public async Task<DigestBlock> BuildAsync(DigestContext context, DigestQuery query, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT v.id AS Id, v.title AS Title, v.audience_id AS AudienceId, v.method AS Method, v.opens_at AS OpensAt, v.closes_at AS ClosesAt,
                   (SELECT count(*) FROM ballots b WHERE b.vote_id = v.id AND b.cast_at < @End) AS Ballots,
                   (SELECT count(*) FROM ballots b WHERE b.vote_id = v.id AND b.cast_at < @End AND b.municipality_id = @Area) AS AreaBallots
            FROM votes v
            WHERE v.status = 'published' AND (@Area IS NULL OR v.audience_id IN (@Area, 'kreis'))
              AND ((v.opens_at >= @Start AND v.opens_at < @End) OR (v.closes_at >= @Start AND v.closes_at < @End))
            ORDER BY v.closes_at DESC, v.id DESC
            """;
        // Every counted option, the chosen ones first in the order they were chosen; none while the count is pending.
        const string chosenSql = """
            SELECT o.title AS Title, t.selected AS Selected FROM vote_option_tallies t JOIN vote_options o ON o.id = t.option_id
            WHERE t.vote_id = @Id
            ORDER BY t.selected DESC, t.selected_order, t.rank
            """;
        var parameters = new { context.Period.Start, context.Period.End, Area = context.AreaId };
        var votes = (await query.Connection.QueryAsync<DigestVote>(new CommandDefinition(sql, parameters, query.Transaction, cancellationToken: cancellationToken))).AsList();
        if (votes.Count == 0)
        {
            return DigestBlock.FiguresOnly();
        }

        var text = new StringBuilder();
        var html = new StringBuilder($"<ul style=\"{ListStyle}\">");
        foreach (var vote in votes)
        {
            var closed = vote.ClosesAt < context.Period.End;
            var counted = closed
                ? (await query.Connection.QueryAsync<(string Title, long Selected)>(new CommandDefinition(chosenSql, new { vote.Id }, query.Transaction, cancellationToken: cancellationToken))).AsList()
                : [];
            var title = TitleForArea(vote.Title, vote.AudienceId, context);
            var facts = $"{vote.Milestones(context.Period)}; {CountWithArea(vote.Ballots, vote.AreaBallots, "Stimmabgabe", "Stimmabgaben", context)}.";
            var result = counted.Count == 0 ? null : Outcome(vote.Method, counted.Where(o => o.Selected == 1).Select(o => o.Title).ToList());
            var link = context.Link(closed ? $"/abstimmungen/{vote.Id}/ergebnis" : $"/abstimmungen/{vote.Id}");
            text.Append($"- {title}\n  {facts}\n");
            html.Append($"<li style=\"{ItemStyle}\"><a href=\"{Html(link)}\" style=\"{LinkStyle}\">{Html(title)}</a><br>{Html(facts)}");
            if (result is not null)
            {
                text.Append($"  {result}\n");
                html.Append($"<br>{Html(result)}");
            }

            text.Append($"  {link}\n");
            html.Append("</li>");
        }

        html.Append("</ul>");
        return new DigestBlock("Abstimmungen", text.ToString().TrimEnd('\n'), html.ToString(), HasNews: true, []);
    }

    /// <summary>"Ausgewählt: A, B und C", "Angenommen: A", "Ausgewählt: A, B, C und 2 weitere" or "Keine Maßnahme wurde ausgewählt."</summary>
    private static string Outcome(string method, IReadOnlyList<string> chosen)
    {
        var yesNo = method == "yes_no_abstain";
        if (chosen.Count == 0)
        {
            return yesNo ? "Keine Maßnahme wurde angenommen." : "Keine Maßnahme wurde ausgewählt.";
        }

        var named = chosen.Take(NamedOptions).ToList();
        var list = chosen.Count > NamedOptions
            ? $"{string.Join(", ", named)} und {chosen.Count - NamedOptions} weitere"
            : named.Count == 1 ? named[0] : $"{string.Join(", ", named[..^1])} und {named[^1]}";
        return $"{(yesNo ? "Angenommen" : "Ausgewählt")}: {list}";
    }

    private sealed class DigestVote
    {
        public long Id { get; set; }

        public string Title { get; set; } = string.Empty;

        public string AudienceId { get; set; } = string.Empty;

        public string Method { get; set; } = string.Empty;

        public DateTimeOffset OpensAt { get; set; }

        public DateTimeOffset ClosesAt { get; set; }

        public long Ballots { get; set; }

        public long AreaBallots { get; set; }

        /// <summary>"gestartet am 17.11.2026, läuft bis 30.11.2026" or "beendet am 20.11.2026, Ergebnis veröffentlicht".</summary>
        public string Milestones(DigestPeriod period)
        {
            var parts = new List<string>();
            if (OpensAt >= period.Start && OpensAt < period.End)
            {
                parts.Add($"gestartet am {Date(OpensAt)}");
            }

            parts.Add(ClosesAt < period.End ? $"beendet am {Date(ClosesAt)}, Ergebnis veröffentlicht" : $"läuft bis {Date(ClosesAt)}");
            return string.Join(", ", parts);
        }
    }
}
