using System.Globalization;
using System.Security.Claims;
using MYK10.Participation.Moderation;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Moderation;

/// <summary>The acting staff member, from the staff sign-in.</summary>
public static class ModerationActor
{
    public static StaffActor Actor(this ClaimsPrincipal user)
    {
        var identity = user.Identities.First(i => i.IsAuthenticated && i.AuthenticationType == Policies.StaffScheme);
        return new StaffActor(long.Parse(identity.FindFirst(ClaimTypes.NameIdentifier)!.Value, CultureInfo.InvariantCulture), identity.Name!);
    }
}
