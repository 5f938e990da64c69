using MYK10.Participation.Reference;
using MYK10.Participation.Surveys;
using MYK10.Participation.Web.Api;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Surveys;

public static class SurveysWeb
{
    public static IServiceCollection AddSurveysWeb(this IServiceCollection services) => services.AddScoped<SurveySession>();

    /// <summary>Open data: the list of surveys and the published results, read-only JSON.</summary>
    public static IEndpointRouteBuilder MapSurveysApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/surveys");
        api.MapRead("", async (SurveyStore surveys, HttpContext http) =>
        {
            var list = await surveys.ListAsync([SurveyStatus.Open, SurveyStatus.Closed, SurveyStatus.Archived], cancellationToken: http.RequestAborted);
            return Results.Json(list.Select(s => new
            {
                id = s.Id,
                title = s.Title,
                municipality = s.MunicipalityId,
                mode = s.Mode.ToText(),
                status = s.Status.ToText(),
                opensAt = s.OpensAt,
                closesAt = s.ClosesAt,
                resultsPublished = s.ResultsPublished,
                results = s.ResultsPublished ? $"/api/v1/surveys/{s.Id}/results" : null,
            }));
        });
        api.MapRead("/{id:long}/results", async (long id, string? kommune, SurveyStore surveys, SurveyResultsStore results, ReferenceStore reference, HttpContext http) =>
        {
            var survey = await surveys.FindAsync(id, http.RequestAborted);
            if (survey is null || !survey.ResultsPublished || survey.Status is SurveyStatus.Draft or SurveyStatus.Open)
            {
                return Results.NotFound();
            }

            if (await UnknownFilter.MunicipalityAsync(reference, "kommune", kommune, http.RequestAborted) is { } unknown)
            {
                return unknown;
            }

            var result = await results.ReadAsync(id, kommune ?? SurveyResultsJob.AllSegment, http.RequestAborted);
            return result is null ? Results.NotFound() : Results.Json(SurveyExports.ResultsDocument(result, includeTexts: true));
        });
        return endpoints;
    }
}
