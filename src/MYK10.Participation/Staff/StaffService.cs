using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MYK10.Participation.Mail;

namespace MYK10.Participation.Staff;

/// <summary>Creates staff accounts and checks their passwords, with lockout after repeated failures.</summary>
public sealed class StaffService(StaffStore store, IPasswordHasher<StaffMember> hasher, TimeProvider clock, IOptions<StaffOptions> options)
{
    // A hash to verify against when the email is unknown, so both paths cost the same time.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<StaffMember>().HashPassword(null!, "dummy-password-for-timing"));

    private StaffOptions Options => options.Value;

    public async Task<StaffAddResult> AddAsync(string email, StaffRole role, string password)
    {
        email = email.Trim();
        if (!MailAddresses.IsDeliverable(email))
        {
            return new StaffAddResult(StaffAddError.InvalidEmail);
        }

        if (CheckPassword(password, email) is not StaffAddError.None and var weak)
        {
            return new StaffAddResult(weak);
        }

        var member = new StaffMember(0, email, role);
        var id = await store.InsertAsync(email, role, hasher.HashPassword(member, password), clock.GetUtcNow());
        return id is null ? new StaffAddResult(StaffAddError.Duplicate) : new StaffAddResult(StaffAddError.None, id);
    }

    /// <summary>Whether a password may be used for this address: long enough, not common, not the address itself.</summary>
    public StaffAddError CheckPassword(string password, string email) => PasswordPolicy.Check(password, email, Options.MinimumPasswordLength) switch
    {
        PasswordProblem.TooShort => StaffAddError.WeakPassword,
        PasswordProblem.Common or PasswordProblem.ContainsEmail => StaffAddError.CommonPassword,
        _ => StaffAddError.None,
    };

    public async Task<SignInResult> SignInAsync(string email, string password)
    {
        var record = await store.FindByEmailAsync(email.Trim());
        if (record is null || record.Active == 0 || !StaffRoles.TryParse(record.Role, out var role))
        {
            hasher.VerifyHashedPassword(null!, DummyHash.Value, password);
            return new SignInResult(SignInStatus.InvalidCredentials);
        }

        var (result, verification) = await VerifyAsync(record, role, password);
        if (result.Status == SignInStatus.Succeeded)
        {
            var rehashed = verification == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(result.Member!, password) : null;
            await store.RecordSuccessAsync(record.Id, clock.GetUtcNow(), rehashed);
        }

        return result;
    }

    /// <summary>
    /// A signed-in member confirms their own password (before changing it): a wrong one counts towards the lockout as at
    /// sign-in, so a session left open does not let anyone guess it. Neither outcome counts as a sign-in.
    /// </summary>
    public async Task<SignInResult> CheckOwnPasswordAsync(long id, string password)
    {
        var record = await store.FindRecordByIdAsync(id);
        return record is null || record.Active == 0 || !StaffRoles.TryParse(record.Role, out var role)
            ? new SignInResult(SignInStatus.InvalidCredentials)
            : (await VerifyAsync(record, role, password)).Result;
    }

    /// <summary>The password against the hash, refused while locked out; a failure is counted and may start the lockout.</summary>
    private async Task<(SignInResult Result, PasswordVerificationResult Verification)> VerifyAsync(StaffRecord record, StaffRole role, string password)
    {
        var now = clock.GetUtcNow();
        if (record.LockoutUntil is { } until)
        {
            if (until > now)
            {
                return (new SignInResult(SignInStatus.LockedOut, LockedUntil: until), PasswordVerificationResult.Failed);
            }

            await store.ResetExpiredLockoutAsync(record.Id);
            record = record with { FailedAttempts = 0, LockoutUntil = null };
        }

        var member = new StaffMember(record.Id, record.Email, role, record.SessionStamp);
        var verification = hasher.VerifyHashedPassword(member, record.PasswordHash, password);
        if (verification == PasswordVerificationResult.Failed)
        {
            var lockoutUntil = now + Options.LockoutDuration;
            await store.RecordFailureAsync(record.Id, Options.MaxFailedAttempts, lockoutUntil);
            return (record.FailedAttempts + 1 >= Options.MaxFailedAttempts
                ? new SignInResult(SignInStatus.LockedOut, LockedUntil: lockoutUntil)
                : new SignInResult(SignInStatus.InvalidCredentials), verification);
        }

        return (new SignInResult(SignInStatus.Succeeded, member), verification);
    }
}
