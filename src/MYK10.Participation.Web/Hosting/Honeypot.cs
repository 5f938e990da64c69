namespace MYK10.Participation.Web.Hosting;

/// <summary>The server side of <c>&lt;honeypot-field /&gt;</c>.</summary>
public static class Honeypot
{
    /// <summary>A name bots like to fill; no real field of the site is called so.</summary>
    public const string FieldName = "Homepage";

    /// <summary>True when the hidden field came back filled: treat the post as a bot's, pretend success, do nothing.</summary>
    public static bool IsTripped(HttpRequest request) =>
        request.HasFormContentType && !string.IsNullOrWhiteSpace(request.Form[FieldName]);
}
