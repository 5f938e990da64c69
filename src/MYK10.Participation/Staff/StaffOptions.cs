namespace MYK10.Participation.Staff;

/// <summary>Configuration section <c>Staff</c>.</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";

    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public int MinimumPasswordLength { get; set; } = 12;
}
