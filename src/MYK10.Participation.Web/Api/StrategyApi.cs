using Microsoft.Extensions.Options;
using MYK10.Participation.Hosting;
using MYK10.Participation.Strategy;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Api;

/// <summary>Open data: the current strategy, with the number of citizens' ideas behind each measure.</summary>
internal static class StrategyApi
{
    public static void MapStrategyApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapRead("/api/v1/strategy", async (StrategyStore strategy, IOptions<SiteOptions> site, CancellationToken cancellationToken) =>
        {
            var fields = await strategy.StructureAsync(includeDiscarded: false, cancellationToken: cancellationToken);
            var revision = await strategy.RevisionAsync();
            return Results.Json(new
            {
                revision = revision.Revision,
                changedAt = revision.ChangedAt,
                fields = fields.Select(f => new
                {
                    id = f.FieldId,
                    name = f.FieldName,
                    goals = f.Goals.Select(g => new
                    {
                        id = g.Goal.Id,
                        title = g.Goal.Title,
                        description = g.Goal.Description,
                        measures = g.Measures.Select(m => new
                        {
                            id = m.Id,
                            title = m.Title,
                            description = m.Description,
                            status = m.Status,
                            leadOrganisation = m.LeadOrganisation,
                            costEuros = m.CostEuros,
                            timeFrame = m.TimeFrame,
                            url = site.Value.Link($"/strategie/massnahmen/{m.Id}"),
                        }),
                    }),
                }),
            });
        }).AllowAnonymous().CacheOutput(Hosting.PageCache.PolicyName);
}
