namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// <c>/health/live</c>: plain "ok" without touching the database — for load balancers, and the ceiling the
/// benchmark compares every page with.
/// </summary>
internal static class LivenessEndpoint
{
    public static void MapLiveness(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapRead("/health/live", () => Results.Text("ok")).AllowAnonymous();
}
