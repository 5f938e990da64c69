using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using MYK10.Participation.Participants;
using MYK10.Participation.Staff;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// A session cookie outlives what it stands for: an account deleted (by its owner or by retention) or a staff account
/// deactivated must not stay signed in on another device. Every request checks the account still exists.
/// </summary>
internal static class SessionValidation
{
    public static async Task ValidateParticipantAsync(CookieValidatePrincipalContext context)
    {
        var participants = context.HttpContext.RequestServices.GetRequiredService<ParticipantStore>();
        if (context.Principal?.ParticipantId() is not { } id || await participants.FindAsync(id) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Policies.ParticipantScheme);
        }
    }

    public static async Task ValidateStaffAsync(CookieValidatePrincipalContext context)
    {
        var staff = context.HttpContext.RequestServices.GetRequiredService<StaffStore>();
        if (context.Principal?.StaffId() is not { } id || await staff.FindByIdAsync(id) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Policies.StaffScheme);
        }
    }
}
