using Dapper;
using static MYK10.Participation.Digests.DigestFormat;

namespace MYK10.Participation.Digests.Sections;

/// <summary>
/// How much waits for moderation in the area: counts and age only, never content. Reports on comments on a measure count
/// for the places the measure concerns.
/// </summary>
public sealed class ModerationBacklogSection : IDigestSection
{
    public int Order => 900;

    public async Task<DigestBlock> BuildAsync(DigestContext context, DigestQuery query, CancellationToken cancellationToken)
    {
        const string pendingIdeas = """
            SELECT created_at FROM ideas
            WHERE state = 'pending' AND created_at < @End AND (@Area IS NULL OR municipality_id = @Area)
            """;
        const string openReports = """
            SELECT r.created_at FROM reports r LEFT JOIN ideas i ON i.id = r.idea_id
            WHERE r.state = 'open' AND r.created_at < @End
              AND (@Area IS NULL OR i.municipality_id = @Area OR r.measure_comment_id IN (
                  SELECT c.id FROM measure_comments c JOIN measure_municipalities mm ON mm.measure_id = c.measure_id WHERE mm.municipality_id = @Area))
            """;
        var ideas = await OldestAsync(pendingIdeas, context, query, cancellationToken);
        var reports = await OldestAsync(openReports, context, query, cancellationToken);

        var ideasLine = ideas.Count == 0 ? "Es warten keine Ideen auf Prüfung." : ideas.Count == 1
            ? $"1 Idee wartet auf Prüfung, seit {Days(ideas.AgeDays)}."
            : $"{Number(ideas.Count)} Ideen warten auf Prüfung, die älteste seit {Days(ideas.AgeDays)}.";
        var reportsLine = reports.Count == 0 ? "Es sind keine Meldungen offen." : reports.Count == 1
            ? $"1 Meldung ist offen, seit {Days(reports.AgeDays)}."
            : $"{Number(reports.Count)} Meldungen sind offen, die älteste seit {Days(reports.AgeDays)}.";

        var html = $"<table style=\"{TableStyle}\"><caption style=\"{CaptionStyle}\">Offene Moderationsaufgaben am {Html(DateTime(context.Period.End))}</caption>" +
            $"<thead><tr><th scope=\"col\" style=\"{ThStyle}\">Art</th><th scope=\"col\" style=\"{ThStyle}\">Anzahl</th><th scope=\"col\" style=\"{ThStyle}\">Älteste wartet seit</th></tr></thead><tbody>" +
            Row("Ideen in Prüfung", ideas) + Row("Offene Meldungen", reports) + "</tbody></table>";
        return new DigestBlock("Moderation", $"{ideasLine}\n{reportsLine}", html, false, []);
    }

    private static string Row(string label, Backlog backlog) =>
        $"<tr><th scope=\"row\" style=\"{TdStyle}\">{label}</th><td style=\"{NumberStyle}\">{Number(backlog.Count)}</td>" +
        $"<td style=\"{TdStyle}\">{(backlog.Count == 0 ? "–" : Days(backlog.AgeDays))}</td></tr>";

    private static async Task<Backlog> OldestAsync(string timesSql, DigestContext context, DigestQuery query, CancellationToken cancellationToken)
    {
        var times = (await query.Connection.QueryAsync<DateTimeOffset>(new CommandDefinition(timesSql,
            new { context.Period.End, Area = context.AreaId }, query.Transaction, cancellationToken: cancellationToken))).AsList();
        if (times.Count == 0)
        {
            return new Backlog(0, 0);
        }

        var age = context.Period.End - times.Min();
        return new Backlog(times.Count, Math.Max(0, (long)Math.Floor(age.TotalDays)));
    }

    private sealed record Backlog(long Count, long AgeDays);
}
