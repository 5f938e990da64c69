using System.Globalization;
using System.Security.Claims;
using MYK10.Participation.Participants;

namespace MYK10.Participation.Web.Hosting;

/// <summary>The participant's side of the signed-in user: claims in, id out.</summary>
public static class ParticipantIdentity
{
    /// <summary>Present once the participant has chosen a name and accepted the privacy notice.</summary>
    public const string ProfileClaim = "myk10:profile";

    public const string ProfileComplete = "complete";

    public static ClaimsPrincipal Principal(Participant participant)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, participant.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, participant.PublicName),
        };
        if (participant.ProfileComplete)
        {
            claims.Add(new Claim(ProfileClaim, ProfileComplete));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Policies.ParticipantScheme));
    }

    /// <summary>The signed-in participant's id, or null.</summary>
    public static long? ParticipantId(this ClaimsPrincipal user)
    {
        var value = user.Identities
            .FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == Policies.ParticipantScheme)?
            .FindFirst(ClaimTypes.NameIdentifier)?.Value;
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    public static bool IsStaff(this ClaimsPrincipal user) =>
        user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == Policies.StaffScheme);

    /// <summary>The staff member's email, or null.</summary>
    public static string? StaffEmail(this ClaimsPrincipal user) =>
        user.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == Policies.StaffScheme)?.Name;
}
