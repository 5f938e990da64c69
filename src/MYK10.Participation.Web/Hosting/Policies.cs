namespace MYK10.Participation.Web.Hosting;

/// <summary>Authorisation policies and the staff authentication scheme.</summary>
public static class Policies
{
    public const string StaffScheme = "Staff";

    public const string ParticipantScheme = "Participant";

    /// <summary>A signed-in participant with a confirmed address and a completed profile.</summary>
    public const string Participant = "Participant";

    /// <summary>A signed-in participant, profile complete or not (the profile page itself).</summary>
    public const string ParticipantSignedIn = "ParticipantSignedIn";

    /// <summary>Admins only.</summary>
    public const string Admin = "Admin";

    /// <summary>Moderators and admins.</summary>
    public const string Moderation = "Moderation";
}
