using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Staff;

/// <summary>Sign-out is a POST (with antiforgery), so a link on another site cannot sign anyone out.</summary>
public sealed class AbmeldenModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Staff/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(Policies.StaffScheme);
        return RedirectToPage("/Staff/Anmelden", new { abgemeldet = true });
    }
}
