using System.Text.RegularExpressions;

namespace MYK10.Participation.Participants;

public enum DisplayNameError
{
    None,
    Length,
    Characters,
    Reserved,
}

/// <summary>What a public name may be: 2–40 letters, digits, spaces and . - _ ', and nothing that poses as the administration.</summary>
public static partial class DisplayNameRules
{
    private static readonly string[] Reserved = ["moderation", "admin", "landkreis", "kreisverwaltung", "landrat", "myk10", "anonym"];

    /// <summary>Trims and folds inner white space; empty becomes null (= "anonym").</summary>
    public static string? Normalise(string? name)
    {
        var trimmed = Spaces().Replace(name ?? string.Empty, " ").Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    public static DisplayNameError Check(string? normalised)
    {
        if (normalised is null)
        {
            return DisplayNameError.None;
        }

        if (normalised.Length is < 2 or > 40)
        {
            return DisplayNameError.Length;
        }

        if (!Allowed().IsMatch(normalised))
        {
            return DisplayNameError.Characters;
        }

        var lower = normalised.ToLowerInvariant();
        return Reserved.Any(r => lower.Contains(r, StringComparison.Ordinal)) ? DisplayNameError.Reserved : DisplayNameError.None;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[\p{L}\p{M}\p{Nd} .\-_']+$")]
    private static partial Regex Allowed();
}
