using System.Globalization;

namespace MYK10.Participation.Ideas;

/// <summary>The site path of an idea's page (the route of <c>Pages/Ideen/Detail</c>), for links in pages, mail, digests and the API.</summary>
public static class IdeaPaths
{
    public static string Detail(long id) => string.Create(CultureInfo.InvariantCulture, $"/ideen/{id}");
}
