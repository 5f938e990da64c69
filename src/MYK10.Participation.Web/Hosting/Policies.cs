namespace MYK10.Participation.Web.Hosting;

/// <summary>Authorisation policies and the staff authentication scheme.</summary>
public static class Policies
{
    public const string StaffScheme = "Staff";

    /// <summary>Admins only.</summary>
    public const string Admin = "Admin";

    /// <summary>Moderators and admins.</summary>
    public const string Moderation = "Moderation";
}
