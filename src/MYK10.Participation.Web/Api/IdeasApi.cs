using Microsoft.Extensions.Options;
using MYK10.Participation.Hosting;
using MYK10.Participation.Ideas;
using MYK10.Participation.Reference;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Api;

/// <summary>
/// Open data: published ideas as JSON, filterable like the list. Nothing personal beyond the chosen display name.
/// </summary>
internal static class IdeasApi
{
    public static void MapIdeasApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/ideas").AllowAnonymous().CacheOutput(Hosting.PageCache.PolicyName);

        group.MapRead("/", async (IdeaStore ideas, ReferenceStore reference, IOptions<SiteOptions> site, string? gemeinde, string? feld, string? status, string? q,
            string? sortierung, int? seite, int? proSeite, CancellationToken cancellationToken) =>
        {
            // The first filter that names nothing known, in the order of the parameters.
            if ((await UnknownFilter.MunicipalityAsync(reference, "gemeinde", gemeinde, cancellationToken)
                ?? await UnknownFilter.CheckAsync("feld", feld, async () => (await reference.FieldsOfActionAsync(cancellationToken)).Select(f => f.Id))
                ?? await UnknownFilter.CheckAsync("status", status, () => Task.FromResult<IEnumerable<string>>(PublicStatus.ByUrlValue.Keys))) is { } unknown)
            {
                return unknown;
            }

            var page = await ideas.ListPublishedAsync(new IdeaQuery(
                gemeinde, feld, status, q,
                sortierung == Pages.Ideen.IndexModel.SortSupported ? IdeaSort.MostSupported : IdeaSort.Newest,
                Math.Max(1, seite ?? 1),
                Math.Clamp(proSeite ?? 20, 1, 100)), cancellationToken);
            return Results.Json(new
            {
                page = page.Page,
                pageSize = page.PageSize,
                total = page.Total,
                pageCount = page.PageCount,
                items = page.Items.Select(i => Item(i, site.Value)),
            });
        });

        group.MapRead("/{id:long}", async (long id, IdeaStore ideas, IOptions<SiteOptions> site, CancellationToken cancellationToken) =>
        {
            var idea = await ideas.FindAsync(id, cancellationToken);
            if (idea is null || !idea.IsPublished)
            {
                return Results.NotFound(new { error = "not_found" });
            }

            return Results.Json(new
            {
                id = idea.Id,
                title = idea.Title,
                body = idea.Body,
                place = idea.Place,
                field = new { id = idea.FieldId, name = idea.FieldName },
                municipality = new { id = idea.MunicipalityId, name = idea.MunicipalityName },
                status = PublicStatus.UrlValue(idea.AnswerStatus),
                officialAnswer = idea.OfficialAnswer,
                answeredAt = idea.AnsweredAt,
                author = Author(idea.AuthorDisplayName, idea.AuthorDeleted),
                supporters = idea.Supporters,
                comments = idea.Comments,
                createdAt = idea.CreatedAt,
                publishedAt = idea.PublishedAt,
                url = site.Value.Link(IdeaPaths.Detail(idea.Id)),
            });
        });
    }

    private static object Item(IdeaSummary idea, SiteOptions site) => new
    {
        id = idea.Id,
        title = idea.Title,
        body = idea.Body,
        field = new { id = idea.FieldId, name = idea.FieldName },
        municipality = new { id = idea.MunicipalityId, name = idea.MunicipalityName },
        status = PublicStatus.UrlValue(idea.AnswerStatus),
        author = Author(idea.AuthorDisplayName, idea.AuthorDeleted),
        supporters = idea.Supporters,
        comments = idea.Comments,
        createdAt = idea.CreatedAt,
        publishedAt = idea.PublishedAt,
        url = site.Link(IdeaPaths.Detail(idea.Id)),
    };

    /// <summary>How open data and the feed name an idea's author: the chosen display name, "anonym" or "gelöschte Person".</summary>
    internal static string Author(string? displayName, bool deleted) => deleted ? "gelöschte Person" : displayName ?? "anonym";
}
