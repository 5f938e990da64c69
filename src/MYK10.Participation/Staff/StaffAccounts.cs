using Microsoft.AspNetCore.Identity;

namespace MYK10.Participation.Staff;

/// <summary>
/// Managing the staff accounts after they were added: when someone leaves, forgets their password or loses the phone
/// with their second factor, or changes role; and a member's change of their own password. Accounts are deactivated, never
/// deleted, so that the logs keep naming who decided what. Every change is written to the admin log in its transaction
/// and ends the account's open sessions.
/// </summary>
public sealed class StaffAccounts(StaffStore store, StaffService staff, IPasswordHasher<StaffMember> hasher, TimeProvider clock)
{
    public Task<IReadOnlyList<StaffOverview>> ListAsync(CancellationToken cancellationToken = default) => store.ListAsync(cancellationToken);

    /// <summary>Deactivates an account; <paramref name="actingId"/> is the staff member asking, who cannot deactivate themselves.</summary>
    public Task<StaffChange> DeactivateAsync(long id, long? actingId = null) =>
        id == actingId ? Task.FromResult(StaffChange.Self) : store.SetActiveAsync(id, active: false, clock.GetUtcNow());

    public Task<StaffChange> ActivateAsync(long id) => store.SetActiveAsync(id, active: true, clock.GetUtcNow());

    public Task<StaffChange> ResetTwoFactorAsync(long id) => store.ResetTwoFactorAsync(id, clock.GetUtcNow());

    /// <summary>Makes someone a moderator or an admin; <paramref name="actingId"/> (the admin asking) cannot change their own role.</summary>
    public Task<StaffChange> SetRoleAsync(long id, StaffRole role, long? actingId = null) =>
        id == actingId ? Task.FromResult(StaffChange.Self) : store.SetRoleAsync(id, role, clock.GetUtcNow());

    /// <summary>
    /// A signed-in member's own new password, once their current one is confirmed (a wrong one counts towards the lockout).
    /// Every session of the account ends; the page renews the one that asked.
    /// </summary>
    public async Task<StaffChange> ChangeOwnPasswordAsync(long id, string currentPassword, string newPassword) =>
        (await staff.CheckOwnPasswordAsync(id, currentPassword)).Status switch
        {
            SignInStatus.Succeeded => await SetPasswordAsync(id, newPassword),
            SignInStatus.LockedOut => StaffChange.LockedOut,
            _ => StaffChange.WrongPassword,
        };

    /// <summary>A new password under the same rules as for a new account.</summary>
    public async Task<StaffChange> SetPasswordAsync(long id, string password)
    {
        var account = (await store.ListAsync()).FirstOrDefault(a => a.Id == id);
        if (account is null)
        {
            return StaffChange.NotFound;
        }

        switch (staff.CheckPassword(password, account.Email))
        {
            case StaffAddError.WeakPassword:
                return StaffChange.WeakPassword;
            case StaffAddError.CommonPassword:
                return StaffChange.CommonPassword;
        }

        return await store.SetPasswordAsync(id, hasher.HashPassword(new StaffMember(id, account.Email, account.Role), password), clock.GetUtcNow());
    }
}
