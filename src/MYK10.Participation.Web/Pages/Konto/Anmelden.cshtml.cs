using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Mail;
using MYK10.Participation.Participants;
using MYK10.Participation.Time;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Konto;

public sealed class AnmeldenModel(SignInLinkService links, RateLimits limits, IStringLocalizer<AccountResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FromQuery(Name = "ReturnUrl")]
    public string? ReturnUrl { get; set; }

    [FromQuery(Name = "abgemeldet")]
    public bool SignedOut { get; set; }

    /// <summary>Someone already signed in (say, in another tab) goes on to where the sign-in link was meant to lead.</summary>
    public IActionResult OnGet() => User.ParticipantId() is not null && !SignedOut
        ? LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Page("/Konto/Index")!)
        : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (Honeypot.IsTripped(Request))
        {
            return RedirectToPage("/Konto/LinkGesendet");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var decision = await limits.TryAcquireAsync(RateLimitNames.SignInLink, Input.Email);
        if (!decision.Allowed)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Email)}", text["SignIn.TooMany", BerlinTime.Format(decision.RetryAt!.Value), decision.Limit]);
            return Page();
        }

        await links.RequestAsync(Input.Email, Input.StaySignedIn, Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null);
        return RedirectToPage("/Konto/LinkGesendet");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [DeliverableEmail(ErrorMessage = "Validation.Email")]
        [StringLength(320, ErrorMessage = "Validation.Email")]
        [Display(Name = "Staff.Email")]
        public string Email { get; set; } = string.Empty;

        public bool StaySignedIn { get; set; }
    }
}
