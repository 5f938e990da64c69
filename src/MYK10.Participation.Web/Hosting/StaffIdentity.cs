using System.Globalization;
using System.Security.Claims;
using MYK10.Participation.Administration;
using MYK10.Participation.Moderation;

namespace MYK10.Participation.Web.Hosting;

public static class StaffIdentity
{
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
