using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Privacy;
using MYK10.Participation.Reference;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Konto;

/// <summary>Everything the site stores about the signed-in participant, readable (HTML) or machine-readable (JSON, Art. 20 GDPR).</summary>
public sealed class DatenModel(
    PersonalDataService personalData,
    ReferenceStore reference,
    IStringLocalizer<TrustResource> trust,
    IStringLocalizer<IdeasResource> ideas,
    IStringLocalizer<SharedResource> shared) : PageModel
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public PersonalDataExport Export { get; private set; } = null!;

    public PersonalDataDisplay Display { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var export = User.ParticipantId() is { } id ? await personalData.ExportAsync(id, cancellationToken) : null;
        if (export is null)
        {
            return RedirectToPage("/Konto/Anmelden");
        }

        Export = export;
        Display = new PersonalDataDisplay(trust, ideas, shared,
            await reference.FieldsOfActionAsync(cancellationToken), await reference.MunicipalitiesAsync(cancellationToken));
        return Page();
    }

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken cancellationToken)
    {
        var export = User.ParticipantId() is { } id ? await personalData.ExportAsync(id, cancellationToken) : null;
        if (export is null)
        {
            return RedirectToPage("/Konto/Anmelden");
        }

        var document = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["participant_id"] = export.ParticipantId,
            ["exported_at"] = export.CreatedAt,
        };
        foreach (var section in export.Sections)
        {
            document[section.Key] = section.Rows;
        }

        Response.Headers.CacheControl = "no-store";
        return File(JsonSerializer.SerializeToUtf8Bytes(document, Json), "application/json; charset=utf-8", "myk10-meine-daten.json");
    }
}
