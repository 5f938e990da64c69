using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Konto;

public sealed class AbmeldenModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Konto/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(Policies.ParticipantScheme);
        return RedirectToPage("/Konto/Anmelden", new { abgemeldet = true });
    }
}
