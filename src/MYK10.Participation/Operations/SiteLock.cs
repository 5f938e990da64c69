namespace MYK10.Participation.Operations;

/// <summary>
/// Tells whether a running site uses a database file. The web process opens <c>{database}.site-lock</c> with
/// <see cref="FileShare.None"/> and keeps it open while it runs. On Linux .NET takes an exclusive <c>flock</c> for that
/// (on Windows the share mode itself excludes others), so a second attempt fails as long as the site lives, and the
/// operating system drops the lock when the process ends, even after a crash: no stale pid file can block a restore.
/// The lock is advisory: only the site and the restore command take it, which is all that matters here.
/// </summary>
public static class SiteLock
{
    public static string PathFor(string databasePath) => databasePath + ".site-lock";

    /// <summary>Takes the lock, or returns null when another holder (a running site) has it.</summary>
    public static FileStream? TryAcquire(string databasePath)
    {
        var path = PathFor(databasePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
