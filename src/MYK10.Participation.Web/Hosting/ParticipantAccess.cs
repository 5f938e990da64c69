using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MYK10.Participation.Web.Hosting;

/// <summary>For handlers on public pages that only participants may use (support, comment, vote …).</summary>
public static class ParticipantAccess
{
    /// <summary>
    /// The participant's id when signed in with a completed profile; otherwise the result that leads there
    /// (sign-in, or the profile form) and comes back to <paramref name="returnUrl"/>.
    /// </summary>
    public static (long? Id, IActionResult? Detour) RequireParticipant(this PageModel page, string returnUrl)
    {
        var user = page.User;
        if (user.ParticipantId() is not { } id)
        {
            return (null, page.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, Policies.ParticipantScheme));
        }

        return user.HasCompletedProfile()
            ? (id, null)
            : (null, page.RedirectToPage("/Konto/Profil", new { ReturnUrl = returnUrl }));
    }

    /// <summary>Whether a signed-in participant has filled in the profile form (and so may take part).</summary>
    public static bool HasCompletedProfile(this System.Security.Claims.ClaimsPrincipal user) =>
        user.HasClaim(ParticipantIdentity.ProfileClaim, ParticipantIdentity.ProfileComplete);
}
