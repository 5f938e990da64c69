namespace MYK10.Participation.Web.Api;

/// <summary>
/// The open data's answer to a filter value that names nothing it knows: 400 with the parameter and the values it
/// takes. A typing error would otherwise answer with an empty result, as if nothing matched.
/// </summary>
internal static class UnknownFilter
{
    public static IResult Answer(string parameter, IEnumerable<string> allowed) =>
        Results.BadRequest(new { error = "unknown_filter", parameter, allowed });
}
