using System.Text;
using Dapper;
using MYK10.Participation.Digests;
using static MYK10.Participation.Digests.DigestFormat;

namespace MYK10.Participation.Surveys;

/// <summary>
/// Surveys of the council's area (its own and county-wide ones) that opened, closed or published their results in the
/// period, with the number of responses and a link; and the survey responses of the area's residents as a figure.
/// </summary>
public sealed class SurveysDigestSection : IDigestSection
{
    public int Order => 400;

    public async Task<DigestBlock> BuildAsync(DigestContext context, DigestQuery query, CancellationToken cancellationToken)
    {
        // Responses so far (the digest is built just after its period ends), counted from the index alone.
        const string sql = """
            SELECT s.id AS Id, s.title AS Title, s.municipality_id AS MunicipalityId,
                   s.opened_at AS OpenedAt, s.closed_at AS ClosedAt, s.results_published_at AS ResultsPublishedAt,
                   (SELECT count(*) FROM survey_responses r WHERE r.survey_id = s.id) AS Responses,
                   (SELECT count(*) FROM survey_responses r WHERE r.survey_id = s.id AND r.municipality_id = @Area) AS AreaResponses
            FROM surveys s
            WHERE s.status <> 'draft' AND (@Area IS NULL OR s.municipality_id IN (@Area, 'kreis'))
              AND ((s.opened_at >= @Start AND s.opened_at < @End)
                OR (s.closed_at >= @Start AND s.closed_at < @End)
                OR (s.results_published_at >= @Start AND s.results_published_at < @End))
            ORDER BY coalesce(s.results_published_at, s.closed_at, s.opened_at) DESC, s.id DESC
            """;
        var surveys = (await query.Connection.QueryAsync<DigestSurvey>(new CommandDefinition(sql,
            new { context.Period.Start, context.Period.End, Area = context.AreaId }, query.Transaction, cancellationToken: cancellationToken))).AsList();
        if (surveys.Count == 0)
        {
            return DigestBlock.FiguresOnly();
        }

        var text = new StringBuilder();
        var html = new StringBuilder($"<ul style=\"{ListStyle}\">");
        foreach (var survey in surveys)
        {
            var title = TitleForArea(survey.Title, survey.MunicipalityId, context);
            var facts = $"{string.Join("; ", survey.Milestones(context.Period))}; {CountWithArea(survey.Responses, survey.AreaResponses, "Antwort", "Antworten", context)}.";
            var link = context.Link(survey.ResultsPublishedAt is null ? $"/umfragen/{survey.Id}" : $"/umfragen/{survey.Id}/ergebnisse");
            text.Append($"- {title}\n  {facts}\n  {link}\n");
            html.Append($"<li style=\"{ItemStyle}\"><a href=\"{Html(link)}\" style=\"{LinkStyle}\">{Html(title)}</a><br>{Html(facts)}</li>");
        }

        html.Append("</ul>");
        return new DigestBlock("Umfragen", text.ToString().TrimEnd('\n'), html.ToString(), HasNews: true, []);
    }

    private sealed class DigestSurvey
    {
        public long Id { get; set; }

        public string Title { get; set; } = string.Empty;

        public string MunicipalityId { get; set; } = string.Empty;

        public DateTimeOffset? OpenedAt { get; set; }

        public DateTimeOffset? ClosedAt { get; set; }

        public DateTimeOffset? ResultsPublishedAt { get; set; }

        public long Responses { get; set; }

        public long AreaResponses { get; set; }

        /// <summary>"gestartet am 17.11.2026; beendet am 19.11.2026; Ergebnisse veröffentlicht am 20.11.2026" (only what fell in the period, plus a still-open end).</summary>
        public IEnumerable<string> Milestones(DigestPeriod period)
        {
            if (In(OpenedAt, period))
            {
                yield return $"gestartet am {Date(OpenedAt!.Value)}";
            }

            if (In(ClosedAt, period))
            {
                yield return $"beendet am {Date(ClosedAt!.Value)}";
            }
            else if (ClosedAt is null)
            {
                yield return "läuft noch";
            }

            if (In(ResultsPublishedAt, period))
            {
                yield return $"Ergebnisse veröffentlicht am {Date(ResultsPublishedAt!.Value)}";
            }
        }

        private static bool In(DateTimeOffset? moment, DigestPeriod period) => moment is { } m && m >= period.Start && m < period.End;
    }
}
