using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// Between the password and the code: a short-lived, tamper-proof ticket in a hidden form field that says
/// "this staff member gave the right password". It is not a session; without the code it opens nothing. Kept in
/// the form rather than in a cookie, so the site sets no cookie beyond session, antiforgery and language.
/// </summary>
public sealed class TwoFactorTicket(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(5);

    private readonly IDataProtector _protector = protection.CreateProtector("MYK10.Staff.TwoFactorTicket");

    public string Issue(long staffId, string? returnUrl) =>
        _protector.Protect(string.Join('\n', staffId.ToString(CultureInfo.InvariantCulture),
            clock.GetUtcNow().Add(Validity).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), returnUrl ?? string.Empty));

    /// <summary>The staff id and return address, or null when the ticket is forged or expired.</summary>
    public (long StaffId, string? ReturnUrl)? Read(string? ticket)
    {
        if (string.IsNullOrEmpty(ticket))
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(ticket).Split('\n');
            var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[1], CultureInfo.InvariantCulture));
            return expires < clock.GetUtcNow() ? null : (long.Parse(parts[0], CultureInfo.InvariantCulture), parts[2].Length == 0 ? null : parts[2]);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
