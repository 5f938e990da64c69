using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using MYK10.Participation.Time;

namespace MYK10.Participation.Web.Hosting;

/// <summary>Date-and-time fields that staff fill in German local time.</summary>
public static class BerlinTimeFields
{
    /// <summary>
    /// The UTC instant of the field's Berlin time, or null: when the field is empty, or when the time does not exist on
    /// that day because of the clock change; then <paramref name="skippedMessage"/> (given the date as people read it) is
    /// put on the field.
    /// </summary>
    public static DateTimeOffset? BerlinToUtc(this ModelStateDictionary modelState, string key, DateTime? local, Func<string, string> skippedMessage)
    {
        if (local is not { } value)
        {
            return null;
        }

        if (BerlinTime.FromBerlin(value) is { } utc)
        {
            return utc;
        }

        modelState.AddModelError(key, skippedMessage(value.ToString("d", CultureInfo.CurrentCulture)));
        return null;
    }
}
