using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Participants;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Konto;

/// <summary>
/// The link from the mail. GET only shows a button: mail scanners that open links in advance must not use up
/// the single-use token. The POST signs in.
/// </summary>
public sealed class LinkModel(SignInLinkService links, TimeProvider clock) : PageModel
{
    public SignInLinkStatus Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        Status = await links.CheckAsync(token);
        return Render();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var result = await links.ConsumeAsync(token);
        Status = result.Status;
        if (result.Status != SignInLinkStatus.SignedIn)
        {
            return Render();
        }

        var properties = new AuthenticationProperties { IsPersistent = result.StaySignedIn };
        if (result.StaySignedIn)
        {
            properties.ExpiresUtc = clock.GetUtcNow().AddDays(30);
        }

        await HttpContext.SignInAsync(Policies.ParticipantScheme, ParticipantIdentity.Principal(result.Participant!), properties);
        var next = Url.IsLocalUrl(result.ReturnUrl) ? result.ReturnUrl : Url.Page("/Konto/Index")!;
        return result.Participant!.ProfileComplete ? LocalRedirect(next) : RedirectToPage("/Konto/Profil", new { ReturnUrl = next });
    }

    private PageResult Render()
    {
        if (Status != SignInLinkStatus.SignedIn)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
        }

        return Page();
    }
}
