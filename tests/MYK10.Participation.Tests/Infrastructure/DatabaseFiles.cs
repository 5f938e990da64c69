using System.Text;

namespace MYK10.Participation.Tests.Infrastructure;

public static class DatabaseFiles
{
    /// <summary>Whether a text is anywhere in the database file, its write-ahead log or its journal, in used or free pages.</summary>
    public static bool DatabaseFilesContain(this TestApp app, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        foreach (var file in new[] { app.DatabasePath, app.DatabasePath + "-wal", app.DatabasePath + "-journal" })
        {
            if (File.Exists(file))
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                if (copy.GetBuffer().AsSpan(0, (int)copy.Length).IndexOf(needle) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
