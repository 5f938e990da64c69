using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

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
        if (!IsValidEmail(email))
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

        var now = clock.GetUtcNow();
        if (record.LockoutUntil is { } until)
        {
            if (until > now)
            {
                return new SignInResult(SignInStatus.LockedOut, LockedUntil: until);
            }

            await store.ResetExpiredLockoutAsync(record.Id);
            record = record with { FailedAttempts = 0, LockoutUntil = null };
        }

        var member = new StaffMember(record.Id, record.Email, role);
        var verification = hasher.VerifyHashedPassword(member, record.PasswordHash, password);
        if (verification == PasswordVerificationResult.Failed)
        {
            var lockoutUntil = now + Options.LockoutDuration;
            await store.RecordFailureAsync(record.Id, Options.MaxFailedAttempts, lockoutUntil);
            return record.FailedAttempts + 1 >= Options.MaxFailedAttempts
                ? new SignInResult(SignInStatus.LockedOut, LockedUntil: lockoutUntil)
                : new SignInResult(SignInStatus.InvalidCredentials);
        }

        var rehashed = verification == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(member, password) : null;
        await store.RecordSuccessAsync(record.Id, now, rehashed);
        return new SignInResult(SignInStatus.Succeeded, member);
    }

    public static bool IsValidEmail(string email) =>
        email.Length is >= 3 and <= 320
        && MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && email.Contains('.', StringComparison.Ordinal);
}
