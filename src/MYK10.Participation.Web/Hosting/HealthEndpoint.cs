using Dapper;
using Hangfire;
using MYK10.Participation.Data;
using MYK10.Participation.Mail;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// <c>/health</c>: a real query against the database, the heartbeat of the Hangfire server(s) and the mail backlog.
/// Unhealthy (503) when the database fails or no job server has reported within <see cref="HeartbeatTolerance"/>.
/// </summary>
internal static class HealthEndpoint
{
    public static readonly TimeSpan HeartbeatTolerance = TimeSpan.FromMinutes(2);

    public static void MapHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapRead("/health", async (IDbConnectionFactory connections, OutboxStore outbox, JobStorage jobs, IConfiguration configuration, SiteStarted started, CancellationToken cancellationToken) =>
        {
            try
            {
                await using var connection = await connections.OpenAsync(cancellationToken);
                var migrations = await connection.ExecuteScalarAsync<long>(
                    new CommandDefinition("SELECT count(*) FROM schema_migrations", cancellationToken: cancellationToken));
                var (pending, failed) = await outbox.BacklogAsync(cancellationToken);
                var oldestPending = await connection.ExecuteScalarAsync<DateTimeOffset?>(new CommandDefinition(
                    "SELECT min(created_at) FROM mail_outbox WHERE status = 'pending'", cancellationToken: cancellationToken));

                // Hangfire's own clock is the wall clock, so the heartbeat is compared with it, not with the site's TimeProvider.
                var servers = jobs.GetMonitoringApi().Servers();
                var lastHeartbeat = servers.Select(s => s.Heartbeat).Where(h => h.HasValue).Select(h => h!.Value).DefaultIfEmpty().Max();
                var expectServer = configuration.GetValue("Jobs:Server", true);
                var jobsAlive = servers.Count > 0 && DateTime.UtcNow - lastHeartbeat <= HeartbeatTolerance;
                // A server announces itself a moment after start-up; until the tolerance has passed, none yet is "starting".
                var jobsStatus = jobsAlive ? "ok"
                    : !expectServer ? "no-server"
                    : servers.Count == 0 && DateTime.UtcNow - started.At <= HeartbeatTolerance ? "starting"
                    : "error";
                var body = new
                {
                    status = jobsStatus == "error" ? "unhealthy" : "ok",
                    database = new { status = "ok", migrations },
                    jobs = new
                    {
                        status = jobsStatus,
                        servers = servers.Count,
                        lastHeartbeat = servers.Count > 0 ? new DateTimeOffset(DateTime.SpecifyKind(lastHeartbeat, DateTimeKind.Utc)) : (DateTimeOffset?)null,
                    },
                    outbox = new { pending, failed, oldestPending },
                };
                return Results.Json(body, statusCode: jobsStatus == "error" ? 503 : 200);
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
            {
                return Results.Json(new { status = "unhealthy", database = new { status = "error", error = ex.GetType().Name } }, statusCode: 503);
            }
        }).AllowAnonymous();
}

/// <summary>When this site instance was built (the health check's grace period for the job server).</summary>
internal sealed record SiteStarted(DateTime At);
