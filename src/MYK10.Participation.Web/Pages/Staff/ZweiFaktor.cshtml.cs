using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Staff;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Staff;

/// <summary>Enrolment in (and removal of) the second factor. The secret is shown as text and as an otpauth URI, no QR service.</summary>
public sealed class ZweiFaktorModel(TwoFactorService twoFactor, IStringLocalizer<TrustResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FromQuery(Name = "stand")]
    public string? Done { get; set; }

    public bool Enabled { get; private set; }

    public string? Secret { get; private set; }

    public string? Uri { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostAsync() => ApplyAsync(twoFactor.ConfirmEnrolmentAsync, "an");

    public Task<IActionResult> OnPostDisableAsync() => ApplyAsync(twoFactor.DisableAsync, "aus");

    /// <summary>Both steps need a current code from the app; a wrong one shows the page again with the error.</summary>
    private async Task<IActionResult> ApplyAsync(Func<long, string, Task<bool>> change, string done)
    {
        if (!await change(User.StaffId()!.Value, Input.Code ?? string.Empty))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Code)}", text["TwoFactor.Invalid"]);
            await LoadAsync();
            return Page();
        }

        // The change ended every session of the account (a session opened with the password alone, say); not this one.
        await HttpContext.RenewStaffSessionAsync();
        return RedirectToPage(new { stand = done });
    }

    private async Task LoadAsync()
    {
        var id = User.StaffId()!.Value;
        Enabled = await twoFactor.IsEnabledAsync(id);
        if (!Enabled)
        {
            Secret = await twoFactor.BeginEnrolmentAsync(id);
            Uri = Secret is null ? null : TwoFactorService.OtpAuthUri(User.StaffEmail() ?? string.Empty, Secret);
        }
    }

    public sealed class InputModel
    {
        public string? Code { get; set; }
    }
}
