using Dapper;
using MYK10.Participation.Data;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// Copies the write-ahead log into the database file four times a second (a passive checkpoint: it waits for nobody), so that
/// supports, ballots and survey answers commit without a checkpoint of their own. Used when
/// <c>Database:BackgroundCheckpoint</c> is true, which also turns SQLite's automatic checkpoint at commit off.
/// </summary>
internal sealed partial class WalCheckpointService(IDbConnectionFactory connections, IConfiguration configuration, ILogger<WalCheckpointService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>About 64 MiB of log at SQLite's default page size of 4 KiB.</summary>
    private const long RestartAtFrames = 16_384;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Read when the service starts, like the connection factory reads it when first resolved.
        if (!configuration.GetValue("Database:BackgroundCheckpoint", false))
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        while (await NextTickAsync(timer, stoppingToken))
        {
            try
            {
                await using var connection = await connections.OpenAsync(stoppingToken);
                var (_, logFrames, _) = await connection.QuerySingleAsync<(long Busy, long Log, long Checkpointed)>("PRAGMA wal_checkpoint(PASSIVE);");
                if (logFrames > RestartAtFrames)
                {
                    // Under constant load readers keep the log from starting over; a restarting checkpoint waits for them
                    // (and holds new writers for that moment), so the log stays bounded.
                    await connection.ExecuteAsync("PRAGMA wal_checkpoint(RESTART);");
                }
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                CheckpointFailed(logger, ex);
            }
        }
    }

    /// <summary>False once the site stops, also when it stops before it started (a taken port), which the host would
    /// otherwise log as a failed service.</summary>
    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "WAL checkpoint failed; the next one tries again")]
    private static partial void CheckpointFailed(ILogger logger, Exception exception);
}
