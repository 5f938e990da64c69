using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using MYK10.Participation.Participants;
using MYK10.Participation.Staff;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// A session cookie outlives what it stands for: an account deleted (by its owner or by retention) or a staff account
/// deactivated must not stay signed in on another device. Every request checks the account still exists; a staff
/// cookie must also carry the account's current role and session stamp, which changes with a new password, second
/// factor or role (a cookie without a stamp, issued before stamps existed, is refused as well).
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
        if (context.Principal?.StaffId() is not { } id
            || context.Principal.FindFirst(StaffIdentity.SessionStampClaim)?.Value is not { Length: > 0 } stamp
            || await staff.FindByIdAsync(id) is not { } member
            || !string.Equals(member.SessionStamp, stamp, StringComparison.Ordinal)
            || !context.Principal.IsInRole(member.Role.ToText()))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Policies.StaffScheme);
        }
    }
}
