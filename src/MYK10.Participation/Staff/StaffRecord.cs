namespace MYK10.Participation.Staff;

/// <summary>A row of <c>staff</c> with the sign-in bookkeeping.</summary>
internal sealed record StaffRecord(
    long Id,
    string Email,
    string Role,
    string PasswordHash,
    long FailedAttempts,
    DateTimeOffset? LockoutUntil,
    long Active,
    string SessionStamp);
