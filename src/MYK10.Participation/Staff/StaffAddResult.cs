namespace MYK10.Participation.Staff;

public enum StaffAddError
{
    None,
    InvalidEmail,
    WeakPassword,
    CommonPassword,
    Duplicate,
}

public sealed record StaffAddResult(StaffAddError Error, long? Id = null)
{
    public bool Succeeded => Error == StaffAddError.None;
}
