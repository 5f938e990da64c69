using System.Globalization;
using System.Security.Claims;

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
}
