using System.Globalization;
using System.Security.Claims;
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
}
