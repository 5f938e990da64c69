using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using MYK10.Participation.Staff;
using MYK10.Participation.Web.Hosting;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Staff;

/// <summary>A staff session ends at its next request once what it stands for changed: password, second factor, role.</summary>
public sealed class StaffSessionStampTests(StaffSessionStampTests.Site site) : IClassFixture<StaffSessionStampTests.Site>
{
    public sealed class Site : SiteFactory;

    [Fact]
    public async Task ANewPasswordFromTheCommandLine_EndsTheSessionsOpenOnOtherDevices()
    {
        var email = await site.CreateStaffAsync(StaffRole.Moderator);
        var leaked = await site.SignInAsync(email);
        var other = await site.SignInAsync(email);

        Assert.Equal(StaffChange.Done, await site.Get<StaffAccounts>().SetPasswordAsync(await site.IdAsync(email), "Andernach-Rheinufer-2027"));

        Assert.False(await leaked.IsSignedInAsync());
        Assert.False(await other.IsSignedInAsync());
        Assert.True(await (await site.SignInAsync(email, "Andernach-Rheinufer-2027")).IsSignedInAsync());
    }

    [Fact]
    public async Task SettingUpTheSecondFactor_KeepsThisSession_EndsTheOthers_AndAnAdminsResetEndsThemAll()
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var email = await site.CreateStaffAsync(StaffRole.Moderator);
        var id = await site.IdAsync(email);
        var own = await site.SignInAsync(email);
        var other = await site.SignInAsync(email);

        var enrol = await own.GetDocumentAsync("/staff/zwei-faktor");
        var secret = enrol.QuerySelector("code.secret")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);
        using (var enabled = await own.PostFormAsync("/staff/zwei-faktor", new() { ["Input.Code"] = site.Get<TwoFactorService>().CurrentCode(secret) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        }

        Assert.True(await own.IsSignedInAsync());
        Assert.False(await other.IsSignedInAsync());

        using (var reset = await admin.PostFormAsync("/admin/mitarbeitende", [], $"form[action='/admin/mitarbeitende?id={id}&handler=ResetTwoFactor']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        }

        Assert.False(await own.IsSignedInAsync());
        Assert.True(await admin.IsSignedInAsync());
    }

    [Fact]
    public async Task ACookieFromBeforeSessionStamps_IsRefused_AndTheSameCookieWithTheStampIsAccepted()
    {
        var email = await site.CreateStaffAsync(StaffRole.Admin);
        var member = await site.Get<StaffStore>().FindByIdAsync(await site.IdAsync(email));
        var withStamp = StaffIdentity.Principal(member!);
        var withoutStamp = new ClaimsPrincipal(new ClaimsIdentity(withStamp.Claims.Where(c => c.Type != StaffIdentity.SessionStampClaim), Policies.StaffScheme));

        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(withStamp));
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(withoutStamp));
    }

    /// <summary>The answer to /staff for a browser holding a staff cookie made of <paramref name="principal"/>, as the site issues them.</summary>
    private async Task<HttpStatusCode> StatusWithCookieAsync(ClaimsPrincipal principal)
    {
        var options = site.Get<IOptionsMonitor<CookieAuthenticationOptions>>().Get(Policies.StaffScheme);
        var value = options.TicketDataFormat.Protect(new AuthenticationTicket(principal, new AuthenticationProperties
        {
            IssuedUtc = DateTimeOffset.UtcNow,
            ExpiresUtc = DateTimeOffset.UtcNow.AddMinutes(10),
        }, Policies.StaffScheme));
        using var client = site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff");
        request.Headers.Add("Cookie", $"{options.Cookie.Name}={value}");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
