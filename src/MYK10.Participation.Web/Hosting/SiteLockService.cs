using MYK10.Participation.Data;
using MYK10.Participation.Operations;

namespace MYK10.Participation.Web.Hosting;

/// <summary>Holds the <see cref="SiteLock"/> on the application database while the site runs, so <c>restore</c> refuses.</summary>
internal sealed class SiteLockService(IDbConnectionFactory connections, ILogger<SiteLockService> logger) : IHostedService, IDisposable
{
    private FileStream? _lock;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        string database;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            database = connection.DataSource;
        }

        _lock = SiteLock.TryAcquire(database);
        if (_lock is null)
        {
            logger.LogWarning("Another process holds {Lock}: is a second site running on the same database?", SiteLock.PathFor(database));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
