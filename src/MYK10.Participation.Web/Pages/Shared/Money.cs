using System.Globalization;

namespace MYK10.Participation.Web.Pages;

/// <summary>Amounts of money as the pages show them.</summary>
public static class Money
{
    /// <summary>
    /// Euros in the digits of the page's language, always with the euro sign: the currency format of the English
    /// culture (en-GB) would print pounds. No line break between the amount and the sign.
    /// </summary>
    public static string Euro(long value) => string.Format(CultureInfo.CurrentCulture, "{0:N0}\u00A0€", value);
}
