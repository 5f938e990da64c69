using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Privacy;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Konto;

/// <summary>Account deletion: a confirmation step, then immediate and final erasure (Art. 17 GDPR).</summary>
public sealed class LoeschenModel(PersonalDataService personalData, IStringLocalizer<TrustResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.Confirm)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Confirm)}", text["Delete.ConfirmRequired"]);
            return Page();
        }

        if (User.ParticipantId() is { } id)
        {
            await personalData.DeleteAccountAsync(id, cancellationToken);
        }

        await HttpContext.SignOutAsync(Policies.ParticipantScheme);
        return RedirectToPage("/Konto/Geloescht");
    }

    public sealed class InputModel
    {
        public bool Confirm { get; set; }
    }
}
