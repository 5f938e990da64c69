namespace MYK10.Participation.Staff;

/// <summary>A staff account as the admin page and <c>staff list</c> show it: no password, no second-factor secret.</summary>
public sealed record StaffOverview(long Id, string Email, StaffRole Role, bool Active, bool TwoFactor, DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt);

/// <summary>The outcome of a change to someone's staff account.</summary>
public enum StaffChange
{
    Done,

    /// <summary>The account was already in that state; nothing written.</summary>
    Unchanged,
    NotFound,

    /// <summary>Refused: the last active admin stays (<c>sql/0085_staff_keep_an_admin.sql</c>).</summary>
    LastAdmin,

    /// <summary>Refused: staff do not deactivate their own account or change their own role.</summary>
    Self,
    WeakPassword,
    CommonPassword,

    /// <summary>Refused: the current password given with a change of one's own password is wrong.</summary>
    WrongPassword,

    /// <summary>Refused: too many wrong passwords; the account is locked for a while (as after failed sign-ins).</summary>
    LockedOut,
}
