using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MYK10.Participation.Data;
using MYK10.Participation.Time;

namespace MYK10.Participation.Operations;

/// <summary>
/// Consistent copies of the application database with <c>VACUUM INTO</c>, which reads one snapshot while the site
/// keeps writing and produces a compact file without the WAL. The Hangfire database is not copied: it holds only
/// job bookkeeping, and the site registers its recurring jobs again at start-up.
/// </summary>
public sealed class BackupService(IDbConnectionFactory connections, IOptions<BackupOptions> options, TimeProvider clock, ILogger<BackupService> logger)
{
    private const string NightlyPrefix = "participation-";

    public string Directory => options.Value.Directory;

    /// <summary>The nightly backup: one file per night (Berlin date); a second run the same night does nothing.</summary>
    public async Task<string> CreateNightlyAsync(CancellationToken cancellationToken = default)
    {
        var date = BerlinTime.ToBerlin(clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var path = Path.Combine(Directory, $"{NightlyPrefix}{date}.db");
        if (!File.Exists(path))
        {
            await WriteAsync(path, cancellationToken);
        }

        Prune();
        return path;
    }

    /// <summary>A backup on demand (the <c>backup</c> command); not counted against the nightly ones.</summary>
    public async Task<string> CreateManualAsync(CancellationToken cancellationToken = default)
    {
        var stamp = BerlinTime.ToBerlin(clock.GetUtcNow()).ToString("yyyy-MM-dd-HHmmss", CultureInfo.InvariantCulture);
        var path = Path.Combine(Directory, $"manual-{stamp}.db");
        await WriteAsync(path, cancellationToken);
        return path;
    }

    /// <summary>The nightly backups, newest first.</summary>
    public IReadOnlyList<string> NightlyBackups() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, $"{NightlyPrefix}????-??-??.db").OrderByDescending(Path.GetFileName, StringComparer.Ordinal).ToList()
            : [];

    private async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        // Written under a temporary name and renamed, so a half-written file never counts as a backup.
        var temporary = path + ".partial";
        File.Delete(temporary);
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition("VACUUM INTO @Path", new { Path = temporary }, cancellationToken: cancellationToken));
        }

        File.Move(temporary, path, overwrite: true);
        logger.LogInformation("Backup written to {Path}", path);
    }

    private void Prune()
    {
        foreach (var old in NightlyBackups().Skip(Math.Max(1, options.Value.Keep)))
        {
            File.Delete(old);
            logger.LogInformation("Old backup {Path} deleted", old);
        }
    }
}
