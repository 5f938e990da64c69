using Dapper;
using MYK10.Participation.Data;

namespace MYK10.Participation.Web.Hosting;

/// <summary><c>/health</c>: liveness plus a real query against the database.</summary>
internal static class HealthEndpoint
{
    public static void MapHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/health", async (IDbConnectionFactory connections, CancellationToken cancellationToken) =>
        {
            try
            {
                await using var connection = await connections.OpenAsync(cancellationToken);
                var migrations = await connection.ExecuteScalarAsync<long>(
                    new CommandDefinition("SELECT count(*) FROM schema_migrations", cancellationToken: cancellationToken));
                return Results.Json(new { status = "ok", database = new { status = "ok", migrations } });
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
            {
                return Results.Json(new { status = "unhealthy", database = new { status = "error", error = ex.GetType().Name } }, statusCode: 503);
            }
        }).AllowAnonymous();
}
