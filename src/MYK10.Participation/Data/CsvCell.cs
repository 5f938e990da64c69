using System.Globalization;

namespace MYK10.Participation.Data;

/// <summary>One cell of the semicolon CSV files the site exports for German spreadsheet programs (surveys, votes).</summary>
public static class CsvCell
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>
    /// RFC 4180 quoting (semicolon, quote, line ends); a text that a spreadsheet program would run as a formula gets a
    /// leading ' : one starting with = + - @, or with a tab or carriage return (OWASP's list: a program that also splits
    /// at tabs, or trims them, meets the formula behind them). Numbers such as -5 or -1,5 stay numbers.
    /// </summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !decimal.TryParse(text, NumberStyles.Number, German, out _))
        {
            text = "'" + text;
        }

        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
