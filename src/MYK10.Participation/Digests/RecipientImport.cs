using System.Text;
using MYK10.Participation.Mail;

namespace MYK10.Participation.Digests;

public sealed record RecipientRow(string Name, string Email);

public enum RecipientImportError
{
    /// <summary>Not "Name;E-Mail".</summary>
    Format,
    MissingName,
    NameTooLong,
    InvalidEmail,
    DuplicateInList,
}

/// <param name="Line">1-based line number in the pasted or uploaded list.</param>
/// <param name="Text">The line as given, for the message.</param>
public sealed record RecipientImportProblem(int Line, RecipientImportError Error, string Text);

/// <summary>Reads a recipient list: one "Name;E-Mail" per line; empty lines and a header line "Name;E-Mail" are skipped.</summary>
public static class RecipientImport
{
    public const int MaxNameLength = 120;

    /// <summary>Largest CSV file taken: some thousand lines, far more than a council has members.</summary>
    public const int MaxFileBytes = 256 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of an uploaded CSV file: UTF-8 (with or without BOM), else Latin-1 as older spreadsheet programs write it.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    public static (IReadOnlyList<RecipientRow> Rows, IReadOnlyList<RecipientImportProblem> Problems) Parse(string text)
    {
        var rows = new List<RecipientRow>();
        var problems = new List<RecipientImportProblem>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || (i == 0 && IsHeader(line)))
            {
                continue;
            }

            // Spreadsheets export "Name;E-Mail" in German settings and "Name,E-Mail" in English ones.
            var parts = line.Split(line.Contains(';', StringComparison.Ordinal) ? ';' : ',');
            if (parts.Length != 2)
            {
                problems.Add(new(i + 1, RecipientImportError.Format, line));
                continue;
            }

            var name = parts[0].Trim().Trim('"').Trim();
            var email = parts[1].Trim().Trim('"').Trim();
            var error = name.Length == 0 ? RecipientImportError.MissingName
                : name.Length > MaxNameLength ? RecipientImportError.NameTooLong
                : !MailAddresses.IsDeliverable(email) ? RecipientImportError.InvalidEmail
                : !seen.Add(email) ? RecipientImportError.DuplicateInList
                : (RecipientImportError?)null;
            if (error is { } e)
            {
                problems.Add(new(i + 1, e, line));
            }
            else
            {
                rows.Add(new RecipientRow(name, email));
            }
        }

        return (rows, problems);
    }

    private static bool IsHeader(string line)
    {
        var normalised = line.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(',', ';');
        return normalised.Equals("Name;E-Mail", StringComparison.OrdinalIgnoreCase) || normalised.Equals("Name;Email", StringComparison.OrdinalIgnoreCase);
    }
}
