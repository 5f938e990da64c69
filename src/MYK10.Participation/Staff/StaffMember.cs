namespace MYK10.Participation.Staff;

/// <summary>
/// A staff account. <paramref name="SessionStamp"/> is what its session cookies must carry to stay signed in; it is
/// read where a session begins or is checked, and empty elsewhere.
/// </summary>
public sealed record StaffMember(long Id, string Email, StaffRole Role, string SessionStamp = "");
