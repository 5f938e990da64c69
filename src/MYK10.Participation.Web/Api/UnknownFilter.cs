using MYK10.Participation.Reference;

namespace MYK10.Participation.Web.Api;

/// <summary>
/// The open data's answer to a filter value that names nothing it knows: 400 with the parameter and the values it
/// takes. A typing error would otherwise answer with an empty result, as if nothing matched.
/// </summary>
internal static class UnknownFilter
{
    public static IResult Answer(string parameter, IEnumerable<string> allowed) =>
        Results.BadRequest(new { error = "unknown_filter", parameter, allowed });

    /// <summary>
    /// The answer for <paramref name="value"/> when it is given and not among the values <paramref name="allowed"/>
    /// reads (read only for a given value); null when there is nothing to refuse.
    /// </summary>
    public static async Task<IResult?> CheckAsync(string parameter, string? value, Func<Task<IEnumerable<string>>> allowed)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var values = (await allowed()).ToList();
        return values.Contains(value) ? null : Answer(parameter, values);
    }

    /// <summary>As <see cref="CheckAsync"/> for a municipality's id.</summary>
    public static Task<IResult?> MunicipalityAsync(ReferenceStore reference, string parameter, string? value, CancellationToken cancellationToken) =>
        CheckAsync(parameter, value, async () => (await reference.MunicipalitiesAsync(cancellationToken)).Select(m => m.Id));
}
