using System.Reflection;
using System.Text;

namespace MYK10.Participation.Staff;

public enum PasswordProblem
{
    None,
    TooShort,
    Common,
    ContainsEmail,
}

/// <summary>
/// Staff passwords: long enough, not on the embedded list of common passwords (after folding case and stripping
/// a trailing run of digits and symbols, so "Passwort1234!" counts as "passwort"), not built from the address, not
/// one repeated character. Follows NIST SP 800-63B: length and a blocklist, no composition rules.
/// </summary>
public static class PasswordPolicy
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static PasswordProblem Check(string password, string email, int minimumLength)
    {
        if (password.Length < minimumLength)
        {
            return PasswordProblem.TooShort;
        }

        var folded = password.ToLowerInvariant();
        var stem = folded.TrimEnd("0123456789!?.,;:-_#*+ ".ToCharArray());
        if (Common.Value.Contains(folded) || Common.Value.Contains(stem) || folded.Distinct().Count() <= 2)
        {
            return PasswordProblem.Common;
        }

        var local = email.Split('@')[0].ToLowerInvariant();
        return local.Length >= 4 && folded.Contains(local, StringComparison.Ordinal) ? PasswordProblem.ContainsEmail : PasswordProblem.None;
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("The embedded list common-passwords.txt is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}
