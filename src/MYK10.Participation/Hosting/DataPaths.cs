using Microsoft.Data.Sqlite;

namespace MYK10.Participation.Hosting;

/// <summary>Relative paths in configuration are taken from the content root, so the site finds its data wherever it runs.</summary>
public static class DataPaths
{
    public const string DefaultParticipation = "Data Source=App_Data/participation.db";
    public const string DefaultJobs = "Data Source=App_Data/jobs.db";

    public static string ResolveConnectionString(string? connectionString, string fallback, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? fallback : connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        return builder.ToString();
    }

    public static string ResolvePath(string path, string contentRoot) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(contentRoot, path));
}
