using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using MYK10.Participation.Administration;
using MYK10.Participation.Moderation;
using MYK10.Participation.Staff;

namespace MYK10.Participation.Web.Hosting;

public static class StaffIdentity
{
    /// <summary>The account's session stamp at sign-in (<c>sql/0088_staff_session_stamp.sql</c>); <see cref="SessionValidation"/> compares it.</summary>
    public const string SessionStampClaim = "myk10:session_stamp";

    /// <summary>What a staff session cookie holds: id, address, role and the session stamp.</summary>
    public static ClaimsPrincipal Principal(StaffMember member) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, member.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, member.Email),
            new Claim(ClaimTypes.Role, member.Role.ToText()),
            new Claim(SessionStampClaim, member.SessionStamp),
        ],
        Policies.StaffScheme));

    /// <summary>
    /// After the member changed their own password or second factor (which ends every session of the account), this
    /// browser stays signed in: a new cookie with the new stamp.
    /// </summary>
    public static async Task RenewStaffSessionAsync(this HttpContext context)
    {
        if (context.User.StaffId() is { } id && await context.RequestServices.GetRequiredService<StaffStore>().FindByIdAsync(id) is { } member)
        {
            await context.SignInAsync(Policies.StaffScheme, Principal(member));
        }
    }

    /// <summary>The signed-in staff member's id, or null.</summary>
    public static long? StaffId(this ClaimsPrincipal user)
    {
        var value = user.Identities
            .FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == Policies.StaffScheme)?
            .FindFirst(ClaimTypes.NameIdentifier)?.Value;
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>The acting staff member, from the staff sign-in (moderation and admin pages, which require one).</summary>
    public static StaffActor Actor(this ClaimsPrincipal user)
    {
        var identity = user.Identities.First(i => i.IsAuthenticated && i.AuthenticationType == Policies.StaffScheme);
        return new StaffActor(long.Parse(identity.FindFirst(ClaimTypes.NameIdentifier)!.Value, CultureInfo.InvariantCulture), identity.Name!);
    }

    /// <summary>Every request of a signed-in staff member runs with them as <see cref="ActingStaff"/>.</summary>
    public static IApplicationBuilder UseActingStaff(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.StaffId() is null)
        {
            await next(context);
            return;
        }

        using (ActingStaff.Use(context.User.Actor()))
        {
            await next(context);
        }
    });
}
