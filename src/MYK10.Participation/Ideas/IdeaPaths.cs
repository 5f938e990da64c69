using System.Globalization;

namespace MYK10.Participation.Ideas;

/// <summary>
/// The site paths of the ideas' pages (the routes of <c>Pages/Ideen</c>), for links in pages, mail, digests and the API,
/// without generating a route for each link.
/// </summary>
public static class IdeaPaths
{
    public const string List = "/ideen";

    public static string Detail(long id) => string.Create(CultureInfo.InvariantCulture, $"{List}/{id}");

    /// <summary>The report page of an idea, or of one of its comments.</summary>
    public static string Report(long id, long? commentId = null) => commentId is { } comment
        ? string.Create(CultureInfo.InvariantCulture, $"{Detail(id)}/melden?kommentar={comment}")
        : $"{Detail(id)}/melden";

    /// <summary>The list filtered by one parameter, e.g. <c>/ideen?feld=energie</c>.</summary>
    public static string ListBy(string parameter, string value) => $"{List}?{parameter}={Uri.EscapeDataString(value)}";
}
