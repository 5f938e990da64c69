using System.Globalization;

namespace MYK10.Participation.Web.Hosting;

/// <summary>An instant as the internet's text formats write it (RFC 3339, in UTC, to the second): Atom feeds, security.txt.</summary>
public static class InternetTime
{
    public static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
