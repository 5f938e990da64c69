using System.Net;
using MYK10.Participation.Staff;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Trust;

/// <summary>
/// Every page and handler of the site, found through the routing (new pages included automatically), requested as
/// anonymous, participant, moderator and admin. Admin pages must refuse everyone but admins; staff and moderation
/// pages everyone but staff; participant pages anonymous visitors. Refusal is checked on the server's answer, not on
/// links being hidden.
/// </summary>
public sealed class AuthorisationMatrixTests(AuthorisationMatrixTests.Site site) : IClassFixture<AuthorisationMatrixTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site() : base(new() { ["Jobs:Server"] = "false", ["RateLimits:Writes:PermitLimit"] = "100000" })
        {
        }
    }

    private enum Role
    {
        Anonymous,
        Participant,
        Moderator,
        Admin,
    }

    // Reachable without the folder's rule: signing in and the refusal page itself.
    private static readonly string[] StaffPagesOpenToAll = ["/Staff/Anmelden", "/Staff/AnmeldenCode", "/Staff/KeinZugriff"];

    private static readonly string[] ParticipantPagesOpenToAll = ["/Konto/Anmelden", "/Konto/Link", "/Konto/LinkGesendet", "/Konto/Geloescht"];

    [Fact]
    public async Task EveryPageAndHandler_IsRefusedToThoseWithoutTheRight()
    {
        var handlers = SiteMap.Handlers(site)
            // Signing out would end the client's session in the middle of the matrix; signing out is tested elsewhere.
            .Where(h => !h.Page.EndsWith("/Abmelden", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(handlers, h => h.Page == "/Admin/Phase" && h.Method == "POST" && h.Handler == "Clear");
        Assert.Contains(handlers, h => h.Page == "/Konto/Loeschen" && h.Method == "POST");

        var clients = new Dictionary<Role, HttpClient>
        {
            [Role.Anonymous] = site.CreateBrowserLikeClient(),
            [Role.Participant] = (await site.ParticipantClientAsync()).Client,
            [Role.Moderator] = await site.StaffClientAsync(StaffRole.Moderator),
            [Role.Admin] = await site.StaffClientAsync(StaffRole.Admin),
        };
        var failures = new List<string>();
        foreach (var handler in handlers)
        {
            foreach (var (role, client) in clients)
            {
                var allowed = Allowed(handler.Page, role);
                using var response = await SendAsync(client, handler);
                var refused = IsRefusal(response);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{handler} as {role}: {(int)response.StatusCode}");
                }
                else if (allowed == false && !refused)
                {
                    failures.Add($"{handler} as {role}: should be refused, got {(int)response.StatusCode} {response.Headers.Location}");
                }
                else if (allowed == true && refused)
                {
                    failures.Add($"{handler} as {role}: should be allowed, got {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData("/admin/jobs")]
    [InlineData("/admin/jobs/recurring")]
    public async Task JobsDashboard_IsForAdminsOnly(string url)
    {
        Assert.True(IsRefusal(await site.CreateBrowserLikeClient().GetAsync(url)));
        Assert.True(IsRefusal(await (await site.ParticipantClientAsync()).Client.GetAsync(url)));
        Assert.True(IsRefusal(await (await site.StaffClientAsync(StaffRole.Moderator)).GetAsync(url)));
        Assert.Equal(HttpStatusCode.OK, (await (await site.StaffClientAsync(StaffRole.Admin)).GetAsync(url)).StatusCode);
    }

    /// <summary>true: must be allowed; false: must be refused; null: public, anything but a server error.</summary>
    private static bool? Allowed(string page, Role role)
    {
        if (page.StartsWith("/Admin/", StringComparison.Ordinal))
        {
            return role == Role.Admin;
        }

        if ((page.StartsWith("/Staff/", StringComparison.Ordinal) || page.StartsWith("/Moderation/", StringComparison.Ordinal)) && !StaffPagesOpenToAll.Contains(page))
        {
            return role is Role.Moderator or Role.Admin;
        }

        if (page.StartsWith("/Konto/", StringComparison.Ordinal) && !ParticipantPagesOpenToAll.Contains(page))
        {
            return role == Role.Anonymous ? false : role == Role.Participant ? true : null;
        }

        return null;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, PageHandler handler)
    {
        if (handler.Method == "GET")
        {
            return await client.GetAsync(handler.RequestUrl);
        }

        // A valid antiforgery token for this client: the accessibility feedback form is open to everyone.
        return await client.PostWithTokenAsync("/barrierefreiheit", handler.RequestUrl, []);
    }

    private static bool IsRefusal(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return true;
        }

        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        return response.StatusCode == HttpStatusCode.Redirect
            && (location.StartsWith("/staff/anmelden", StringComparison.Ordinal)
                || location.StartsWith("/staff/kein-zugriff", StringComparison.Ordinal)
                || location.StartsWith("/konto/anmelden", StringComparison.Ordinal)
                || location.StartsWith("http://localhost/staff/anmelden", StringComparison.Ordinal)
                || location.StartsWith("http://localhost/staff/kein-zugriff", StringComparison.Ordinal)
                || location.StartsWith("http://localhost/konto/anmelden", StringComparison.Ordinal));
    }
}
