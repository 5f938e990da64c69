namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// The site's static files live in the repository's top-level <c>wwwroot/</c>; a published build carries a copy
/// beside the binaries. The first folder found walking up from the binaries wins.
/// </summary>
internal static class WebRoot
{
    private const string Marker = "css/site.css";

    public static string? Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var depth = 0; directory is not null && depth < 8; depth++, directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "wwwroot");
            if (File.Exists(Path.Combine(candidate, Marker)))
            {
                return candidate;
            }
        }

        return null;
    }
}
