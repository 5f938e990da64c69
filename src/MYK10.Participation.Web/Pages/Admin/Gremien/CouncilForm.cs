using MYK10.Participation.Data;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Digests;
using MYK10.Participation.Reference;

namespace MYK10.Participation.Web.Pages.Admin.Gremien;

/// <summary>The fields of a council, shared by the create and edit pages.</summary>
public sealed class CouncilForm
{
    public string? Name { get; set; }

    public string? MunicipalityId { get; set; }

    public string? Cron { get; set; } = Council.DefaultCron;

    public bool Active { get; set; } = true;

    public bool SkipEmpty { get; set; }

    public static CouncilForm From(Council council) => new()
    {
        Name = council.Name,
        MunicipalityId = council.MunicipalityId,
        Cron = council.Cron,
        Active = council.IsActive,
        SkipEmpty = council.SkipsEmptyDigests,
    };

    /// <summary>Adds German messages for invalid fields under <c>Input.*</c>; returns the input for the store when valid.</summary>
    public CouncilInput? Validate(ModelStateDictionary state, IReadOnlyList<Municipality> municipalities, IStringLocalizer<DigestsResource> text)
    {
        var name = Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            state.AddModelError("Input.Name", text["Error.NameRequired"]);
        }
        else if (TextLength.Of(name) is < 3 or > 120)
        {
            state.AddModelError("Input.Name", text["Error.NameLength"]);
        }

        if (!municipalities.Any(m => m.Id == MunicipalityId))
        {
            state.AddModelError("Input.MunicipalityId", text["Error.AreaRequired"]);
        }

        if (!DigestRound.IsValidCron(Cron))
        {
            state.AddModelError("Input.Cron", text["Error.CronInvalid"]);
        }
        else if (DigestRound.IsTooFrequent(Cron!))
        {
            state.AddModelError("Input.Cron", text["Error.CronTooFrequent"]);
        }

        return state.IsValid ? new CouncilInput(name, MunicipalityId!, Cron!.Trim(), Active, SkipEmpty) : null;
    }
}

/// <summary>The model of the _CouncilFields partial: the property is named Input so field names bind to the page's Input.</summary>
public sealed record CouncilFormView(CouncilForm Input, IReadOnlyList<Municipality> Municipalities);

/// <summary>
/// The model of the _Deliveries partial; <paramref name="ResendDigestId"/> shows re-send buttons. The table's caption may
/// hold German parts marked as such; <paramref name="Label"/> is the same words as text for the scrolling region's name.
/// </summary>
public sealed record DeliveriesView(string Label, IHtmlContent Caption, IReadOnlyList<DigestDeliveryView> Deliveries, long? ResendDigestId);
