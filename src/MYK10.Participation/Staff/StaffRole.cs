namespace MYK10.Participation.Staff;

public enum StaffRole
{
    Moderator,
    Admin,
}

public static class StaffRoles
{
    public const string Admin = "admin";
    public const string Moderator = "moderator";

    public static string ToText(this StaffRole role) => role switch
    {
        StaffRole.Admin => Admin,
        StaffRole.Moderator => Moderator,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? text, out StaffRole role)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case Admin:
                role = StaffRole.Admin;
                return true;
            case Moderator:
                role = StaffRole.Moderator;
                return true;
            default:
                role = default;
                return false;
        }
    }
}
