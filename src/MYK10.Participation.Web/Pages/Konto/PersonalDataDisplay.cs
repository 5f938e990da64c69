using System.Globalization;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Reference;
using MYK10.Participation.Time;

namespace MYK10.Participation.Web.Pages.Konto;

/// <summary>
/// How the data page shows the export: each column of each section has its own label
/// (<c>Data.Column.{section}.{column}</c>), and stored codes appear as the words the rest of the site uses for them.
/// The JSON download keeps the codes: it is meant for machines (Art. 20 GDPR).
/// </summary>
public sealed class PersonalDataDisplay(
    IStringLocalizer<TrustResource> trust,
    IStringLocalizer<IdeasResource> ideas,
    IStringLocalizer<SharedResource> shared,
    IReadOnlyList<FieldOfAction> fields,
    IReadOnlyList<Municipality> municipalities)
{
    public string Section(string section) => trust[$"Data.Section.{section}"];

    public string Label(string section, string column) => trust[$"Data.Column.{section}.{column}"];

    public string Value(string section, string column, object? value) => (section, column, value) switch
    {
        (_, _, null) => "–",
        ("ideas", "field", string id) => fields.FirstOrDefault(f => f.Id == id) is { } field ? shared.FieldOfAction(field.Id, field.Name) : id,
        ("ideas", "municipality", string id) => municipalities.FirstOrDefault(m => m.Id == id)?.Name ?? id,
        ("ideas", "state", string state) => ideas[$"Status.{state}"],
        ("reports", "reason", string reason) => ideas[$"Report.Reason.{reason}"],
        ("comments" or "measure_comments", "state", string state) => trust[$"Data.State.comments.{state}"],
        ("reports" or "mail", "state" or "status", string state) => trust[$"Data.State.{section}.{state}"],
        (_, "stay_signed_in" or "supported_answer_mails", long flag) => trust[flag == 1 ? "Data.Yes" : "Data.No"],
        (_, _, long number) => number.ToString(CultureInfo.InvariantCulture),
        // Times are stored as UTC ISO text, days (survey participation) as yyyy-MM-dd.
        (_, _, string text) when column.EndsWith("_at", StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) => BerlinTime.Format(time),
        (_, _, string text) when column.EndsWith("_on", StringComparison.Ordinal)
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) => day.ToString("d", CultureInfo.CurrentCulture),
        _ => Convert.ToString(value, CultureInfo.CurrentCulture) ?? "–",
    };
}
