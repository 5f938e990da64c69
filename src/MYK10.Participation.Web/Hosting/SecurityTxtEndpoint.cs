using Microsoft.Extensions.Options;
using MYK10.Participation.Hosting;
using MYK10.Participation.Legal;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// <c>/.well-known/security.txt</c> (RFC 9116): where to report a security problem with the site. The contact is the
/// unit that runs the platform (<c>Legal:Email</c>); until it is set there is no such file. The expiry date moves
/// with the day, half a year ahead, so the file never expires while the contact is configured.
/// </summary>
internal static class SecurityTxtEndpoint
{
    public const string Path = "/.well-known/security.txt";

    private static readonly TimeSpan Validity = TimeSpan.FromDays(182);

    public static void MapSecurityTxt(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapRead(Path, (IOptions<LegalOptions> legal, IOptions<SiteOptions> site, TimeProvider clock) =>
            legal.Value.Email is { Length: > 0 } email
                ? Results.Text(Text(email.Trim(), site.Value.Link(Path), clock.GetUtcNow()), "text/plain; charset=utf-8")
                : Results.NotFound()).AllowAnonymous();

    public static string Text(string email, string canonical, DateTimeOffset now)
    {
        var expires = InternetTime.Utc(new DateTimeOffset(now.UtcDateTime.Date.Add(Validity), TimeSpan.Zero));
        return $"""
            Contact: mailto:{email}
            Expires: {expires}
            Preferred-Languages: de, en
            Canonical: {canonical}

            """.ReplaceLineEndings("\n");
    }
}
