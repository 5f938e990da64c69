using System.Text;
using Dapper;
using MYK10.Participation.Ideas;
using static MYK10.Participation.Digests.DigestFormat;

namespace MYK10.Participation.Digests.Sections;

/// <summary>An idea as the digest lists it.</summary>
internal sealed class DigestIdea
{
    public long Id { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public string FieldName { get; set; } = string.Empty;

    public long Supporters { get; set; }

    public string? AnswerStatus { get; set; }

    public string? OfficialAnswer { get; set; }

    public string Link(DigestContext context) => context.Link(IdeaPaths.Detail(Id));

    public static async Task<List<DigestIdea>> ReadAsync(DigestQuery query, string sql, object parameters, CancellationToken cancellationToken) =>
        (await query.Connection.QueryAsync<DigestIdea>(new CommandDefinition(sql, parameters, query.Transaction, cancellationToken: cancellationToken))).AsList();
}

/// <summary>New published ideas of the area in the period, grouped by field of action, newest first.</summary>
public sealed class NewIdeasSection : IDigestSection
{
    public int Order => 100;

    public async Task<DigestBlock> BuildAsync(DigestContext context, DigestQuery query, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT i.id AS Id, i.title AS Title, i.body AS Body, f.name AS FieldName, i.supporters AS Supporters
            FROM ideas i
            JOIN fields_of_action f ON f.id = i.field_id
            WHERE i.state = 'published' AND i.published_at >= @Start AND i.published_at < @End
              AND (@Area IS NULL OR i.municipality_id = @Area)
            ORDER BY f.position, i.published_at DESC, i.id DESC
            """;
        var ideas = await DigestIdea.ReadAsync(query, sql, new { context.Period.Start, context.Period.End, Area = context.AreaId }, cancellationToken);

        var text = new StringBuilder();
        var html = new StringBuilder();
        if (ideas.Count == 0)
        {
            text.Append("Im Berichtszeitraum wurden keine neuen Ideen veröffentlicht.\n");
            html.Append($"<p style=\"{TextStyle}\">Im Berichtszeitraum wurden keine neuen Ideen veröffentlicht.</p>");
        }

        foreach (var field in ideas.GroupBy(i => i.FieldName))
        {
            text.Append('\n').Append(field.Key).Append('\n');
            html.Append($"<h3 style=\"{H3Style}\">{Html(field.Key)}</h3><ul style=\"{ListStyle}\">");
            foreach (var idea in field)
            {
                text.Append($"- {idea.Title} ({Supporters(idea.Supporters)})\n  {Excerpt(idea.Body)}\n  {idea.Link(context)}\n");
                html.Append($"<li style=\"{ItemStyle}\"><a href=\"{Html(idea.Link(context))}\" style=\"{LinkStyle}\">{Html(idea.Title)}</a> " +
                    $"<span style=\"{MutedStyle}\">({Supporters(idea.Supporters)})</span><br>{Html(Excerpt(idea.Body))}</li>");
            }

            html.Append("</ul>");
        }

        return new DigestBlock("Neue Ideen", text.ToString().TrimStart('\n'), html.ToString(), ideas.Count > 0, []);
    }
}

/// <summary>The most supported published ideas of the area overall.</summary>
public sealed class MostSupportedIdeasSection : IDigestSection
{
    public const int Count = 5;

    public int Order => 200;

    public async Task<DigestBlock> BuildAsync(DigestContext context, DigestQuery query, CancellationToken cancellationToken)
    {
        // Walks the ideas by support until five of the area are found. Left to itself, the planner reads every
        // published idea by its date (the date bound is a range on another index) and sorts them: 70 ms instead of 0.1.
        const string sql = """
            SELECT i.id AS Id, i.title AS Title, i.body AS Body, f.name AS FieldName, i.supporters AS Supporters
            FROM ideas i INDEXED BY ideas_most_supported
            JOIN fields_of_action f ON f.id = i.field_id
            WHERE i.state = 'published' AND i.published_at < @End AND (@Area IS NULL OR i.municipality_id = @Area)
            ORDER BY i.supporters DESC, i.published_at, i.id
            LIMIT @Count
            """;
        var ideas = await DigestIdea.ReadAsync(query, sql, new { context.Period.End, Area = context.AreaId, Count }, cancellationToken);
        if (ideas.Count == 0)
        {
            return new DigestBlock("Am meisten unterstützte Ideen", "Es gibt noch keine veröffentlichten Ideen.",
                $"<p style=\"{TextStyle}\">Es gibt noch keine veröffentlichten Ideen.</p>", false, []);
        }

        var text = new StringBuilder();
        var html = new StringBuilder($"<table style=\"{TableStyle}\"><caption style=\"{CaptionStyle}\">{(ideas.Count == 1 ? "Die Idee" : $"Die {Number(ideas.Count)} Ideen")} mit den meisten Unterstützer·innen in {Html(context.AreaName)}</caption>" +
            $"<thead><tr><th scope=\"col\" style=\"{ThStyle}{NoWrap}\">Platz</th><th scope=\"col\" style=\"{ThStyle}\">Idee</th><th scope=\"col\" style=\"{ThStyle}\">Handlungsfeld</th><th scope=\"col\" style=\"{ThStyle}\">Unterstützer·innen</th></tr></thead><tbody>");
        var place = 0;
        for (var i = 0; i < ideas.Count; i++)
        {
            var idea = ideas[i];
            // Ideas with as many supporters share a place ("2., 2., 4."), so that the list does not rank what is equal.
            place = i > 0 && idea.Supporters == ideas[i - 1].Supporters ? place : i + 1;
            text.Append($"{place}. {idea.Title} ({Supporters(idea.Supporters)}, {idea.FieldName})\n   {idea.Link(context)}\n");
            html.Append($"<tr><td style=\"{TdStyle}{NoWrap}\">{place}.</td><th scope=\"row\" style=\"{TdStyle}\"><a href=\"{Html(idea.Link(context))}\" style=\"{LinkStyle}\">{Html(idea.Title)}</a></th>" +
                $"<td style=\"{TdStyle}\">{Html(idea.FieldName)}</td><td style=\"{NumberStyle}\">{Number(idea.Supporters)}</td></tr>");
        }

        html.Append("</tbody></table>");
        return new DigestBlock("Am meisten unterstützte Ideen", text.ToString().TrimEnd('\n'), html.ToString(), false, []);
    }
}

/// <summary>Ideas of the area that received an official answer in the period.</summary>
public sealed class OfficialAnswersSection : IDigestSection
{
    public int Order => 300;

    public static string StatusText(string? answerStatus) => answerStatus switch
    {
        "in_review" => "in Prüfung",
        "adopted" => "in die Strategie aufgenommen",
        "implemented" => "umgesetzt",
        "not_feasible" => "nicht umsetzbar",
        _ => "beantwortet",
    };

    public async Task<DigestBlock> BuildAsync(DigestContext context, DigestQuery query, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT i.id AS Id, i.title AS Title, i.body AS Body, f.name AS FieldName, i.supporters AS Supporters,
                   i.answer_status AS AnswerStatus, i.official_answer AS OfficialAnswer
            FROM ideas i
            JOIN fields_of_action f ON f.id = i.field_id
            WHERE +i.state = 'published' AND i.official_answer IS NOT NULL -- "+": read through the index of answered ideas
              AND i.answered_at >= @Start AND i.answered_at < @End AND (@Area IS NULL OR i.municipality_id = @Area)
            ORDER BY i.answered_at DESC, i.id DESC
            """;
        var ideas = await DigestIdea.ReadAsync(query, sql, new { context.Period.Start, context.Period.End, Area = context.AreaId }, cancellationToken);
        if (ideas.Count == 0)
        {
            return new DigestBlock("Offizielle Antworten", "Im Berichtszeitraum wurden keine Ideen offiziell beantwortet.",
                $"<p style=\"{TextStyle}\">Im Berichtszeitraum wurden keine Ideen offiziell beantwortet.</p>", false, []);
        }

        var text = new StringBuilder();
        var html = new StringBuilder($"<ul style=\"{ListStyle}\">");
        foreach (var idea in ideas)
        {
            var status = StatusText(idea.AnswerStatus);
            text.Append($"- {idea.Title} (Stand: {status})\n  Antwort: {Excerpt(idea.OfficialAnswer!)}\n  {idea.Link(context)}\n");
            html.Append($"<li style=\"{ItemStyle}\"><a href=\"{Html(idea.Link(context))}\" style=\"{LinkStyle}\">{Html(idea.Title)}</a> " +
                $"<span style=\"{MutedStyle}\">(Stand: {Html(status)})</span><br>Antwort: {Html(Excerpt(idea.OfficialAnswer!))}</li>");
        }

        html.Append("</ul>");
        return new DigestBlock("Offizielle Antworten", text.ToString().TrimEnd('\n'), html.ToString(), true, []);
    }
}
