using MYK10.Participation.Data;
using MYK10.Participation.Operations;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// One site per data folder. The server holds the <see cref="SiteLock"/> of the application database and of the job
/// store from before it migrates until the host is disposed; the operating system drops both with the process, even
/// after a crash. A second server on the same files would run a second Hangfire server on the job store and keep a page
/// cache that the first one's changes never evict, so it stops instead. The commands do not take the locks: operators
/// run them beside the live site (<c>restore</c> takes the database's lock itself and refuses while the site runs).
/// </summary>
internal sealed class SingleSite(IDbConnectionFactory connections, string jobsDatabase) : IDisposable
{
    private readonly List<FileStream> _locks = [];

    /// <summary>Takes both locks, or throws <see cref="SiteRunningException"/> when another process holds one.</summary>
    public async Task HoldAsync(CancellationToken cancellationToken = default)
    {
        string database;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            database = connection.DataSource;
        }

        foreach (var file in new[] { database, jobsDatabase }.Distinct(StringComparer.Ordinal))
        {
            _locks.Add(SiteLock.TryAcquire(file) ?? throw new SiteRunningException(file));
        }
    }

    public void Dispose()
    {
        foreach (var held in _locks)
        {
            held.Dispose();
        }

        _locks.Clear();
    }
}
