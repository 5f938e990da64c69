namespace MYK10.Participation.Staff;

public sealed record StaffMember(long Id, string Email, StaffRole Role);
