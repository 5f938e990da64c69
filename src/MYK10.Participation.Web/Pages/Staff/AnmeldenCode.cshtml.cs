using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Staff;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Staff;

/// <summary>Second step of staff sign-in: the code from the authenticator app.</summary>
public sealed class AnmeldenCodeModel(TwoFactorService twoFactor, TwoFactorTicket tickets, StaffStore staff, RateLimits limits, IStringLocalizer<TrustResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IActionResult OnGet() => RedirectToPage("/Staff/Anmelden");

    public async Task<IActionResult> OnPostAsync()
    {
        if (tickets.Read(Input.Ticket) is not { } ticket)
        {
            // The password step says why it is back (WCAG 2.2.1): the code form announced its time limit.
            return RedirectToPage("/Staff/Anmelden", new { abgelaufen = string.IsNullOrEmpty(Input.Ticket) ? (bool?)null : true });
        }

        var allowed = (await limits.TryAcquireAsync(RateLimitNames.StaffSignIn, $"totp:{ticket.StaffId}")).Allowed;
        if (!allowed || !await twoFactor.VerifyAsync(ticket.StaffId, Input.Code ?? string.Empty) || await staff.FindByIdAsync(ticket.StaffId) is not { } member)
        {
            ViewData["CodeError"] = text[allowed ? "TwoFactor.Invalid" : "TwoFactor.TooMany"].Value;
            return Page();
        }

        await HttpContext.SignInAsync(Policies.StaffScheme, StaffIdentity.Principal(member));
        return LocalRedirect(Url.IsLocalUrl(ticket.ReturnUrl) ? ticket.ReturnUrl : Url.Page("/Staff/Index")!);
    }

    public sealed class InputModel
    {
        public string? Ticket { get; set; }

        public string? Code { get; set; }
    }
}
