using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MYK10.Participation.Staff;
using MYK10.Participation.Time;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Staff;

public sealed class AnmeldenModel(StaffService staff, TwoFactorService twoFactor, TwoFactorTicket tickets, RateLimits limits, IStringLocalizer<SharedResource> text, IStringLocalizer<TrustResource> trust,
    IOptionsMonitor<CookieAuthenticationOptions> cookies) : PageModel
{
    private CookieAuthenticationOptions Session => cookies.Get(Policies.StaffScheme);

    /// <summary>The staff session's time limit (WCAG 2.2.1): said before signing in, since a form left open longer is lost.</summary>
    public int IdleMinutes => (int)Session.ExpireTimeSpan.TotalMinutes;

    /// <summary>
    /// Sent here with a staff cookie that no longer signs in: the session ran out. An expired cookie stays in the browser
    /// (the handler only refuses it), while signing out deletes it.
    /// </summary>
    public bool SessionEnded => HttpMethods.IsGet(Request.Method) && !User.IsStaff() && Session.Cookie.Name is { } name && Request.Cookies.ContainsKey(name);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FromQuery(Name = "ReturnUrl")]
    public string? ReturnUrl { get; set; }

    [FromQuery(Name = "abgemeldet")]
    public bool SignedOut { get; set; }

    /// <summary>Back from the code step after its time ran out.</summary>
    [FromQuery(Name = "abgelaufen")]
    public bool CodeExpired { get; set; }

    /// <summary>Set after a right password when the account has a second factor: the page then asks for the code.</summary>
    public string? TwoFactorTicket { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Per address, on top of the account lockout: it also slows guessing against addresses that do not exist.
        var decision = await limits.TryAcquireAsync(RateLimitNames.StaffSignIn, Input.Email);
        if (!decision.Allowed)
        {
            ModelState.AddModelError(string.Empty, trust["StaffSignIn.TooMany", BerlinTime.Format(decision.RetryAt!.Value)]);
            return Page();
        }

        var result = await staff.SignInAsync(Input.Email, Input.Password);
        switch (result.Status)
        {
            case SignInStatus.Succeeded when await twoFactor.IsEnabledAsync(result.Member!.Id):
                TwoFactorTicket = tickets.Issue(result.Member.Id, Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null);
                return Page();
            case SignInStatus.Succeeded:
                await HttpContext.SignInAsync(Policies.StaffScheme, StaffIdentity.Principal(result.Member!));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Page("/Staff/Index")!);
            default:
                // A locked account gets the same answer as a wrong password or an unknown address: the page must not
                // tell which addresses have an account. The message mentions the lockout for the staff member it hits.
                ModelState.AddModelError(nameof(Input) + "." + nameof(Input.Password), text["Staff.SignIn.Invalid"]);
                return Page();
        }
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "Staff.Email")]
        [DataType(DataType.EmailAddress)]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Staff.Password")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;
    }
}
