using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Participants;
using MYK10.Participation.Reference;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Konto;

public sealed class ProfilModel(ParticipantStore participants, ReferenceStore reference, TimeProvider clock, IStringLocalizer<AccountResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FromQuery(Name = "ReturnUrl")]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    public bool PrivacyAlreadyAccepted { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var participant = await LoadAsync();
        if (participant is null)
        {
            return await SignOutAsync();
        }

        Input = new InputModel { DisplayName = participant.DisplayName, MunicipalityId = participant.MunicipalityId };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var participant = await LoadAsync();
        if (participant is null)
        {
            return await SignOutAsync();
        }

        var name = DisplayNameRules.Normalise(Input.DisplayName);
        var nameError = DisplayNameRules.Check(name);
        if (nameError != DisplayNameError.None)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.DisplayName)}", text[$"Profile.Name{nameError switch
            {
                DisplayNameError.Length => "Length",
                DisplayNameError.Characters => "Characters",
                _ => "Reserved",
            }}"]);
        }

        var municipality = string.IsNullOrEmpty(Input.MunicipalityId) ? null : Input.MunicipalityId;
        if (municipality is not null && Municipalities.All(m => m.Id != municipality))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.MunicipalityId)}", text["Profile.MunicipalityUnknown"]);
        }

        if (!PrivacyAlreadyAccepted && !Input.AcceptPrivacy)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.AcceptPrivacy)}", text["Profile.PrivacyRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await participants.UpdateProfileAsync(participant.Id, name, municipality, Input.AcceptPrivacy, clock.GetUtcNow());
        var updated = await participants.FindAsync(participant.Id);
        var current = await HttpContext.AuthenticateAsync(Policies.ParticipantScheme);
        await HttpContext.SignInAsync(Policies.ParticipantScheme, ParticipantIdentity.Principal(updated!), current.Properties);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Page("/Konto/Index")!);
    }

    private async Task<Participant?> LoadAsync()
    {
        Municipalities = await reference.MunicipalitiesAsync();
        var participant = User.ParticipantId() is { } id ? await participants.FindAsync(id) : null;
        PrivacyAlreadyAccepted = participant?.ProfileComplete == true;
        return participant;
    }

    /// <summary>The account is gone (deleted elsewhere): end the stale session.</summary>
    private async Task<IActionResult> SignOutAsync()
    {
        await HttpContext.SignOutAsync(Policies.ParticipantScheme);
        return RedirectToPage("/Konto/Anmelden");
    }

    public sealed class InputModel
    {
        public string? DisplayName { get; set; }

        public string? MunicipalityId { get; set; }

        public bool AcceptPrivacy { get; set; }
    }
}
