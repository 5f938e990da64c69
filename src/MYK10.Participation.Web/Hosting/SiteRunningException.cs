using MYK10.Participation.Operations;

namespace MYK10.Participation.Web.Hosting;

/// <summary>Another process (a site, or a restore) holds the <see cref="SiteLock"/> of a database this site would use.</summary>
public sealed class SiteRunningException(string database) : Exception(
    $"A site is already running on the data folder {Path.GetDirectoryName(Path.GetFullPath(database))} ({SiteLock.PathFor(database)} is held by another process: a site, or a restore into it).");
