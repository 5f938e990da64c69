namespace MYK10.Participation.Staff;

public enum SignInStatus
{
    Succeeded,
    InvalidCredentials,
    LockedOut,
}

public sealed record SignInResult(SignInStatus Status, StaffMember? Member = null, DateTimeOffset? LockedUntil = null);
