using System.Net;
using MYK10.Participation.Staff;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Staff;

/// <summary>Several sessions of one staff account (a browser each) and whether each is still signed in.</summary>
internal static class StaffSessions
{
    public static async Task<long> IdAsync(this SiteFactory site, string email) => (await site.Get<StaffStore>().FindIdAsync(email))!.Value;

    /// <summary>A new client signed in as <paramref name="email"/> through the sign-in form.</summary>
    public static async Task<HttpClient> SignInAsync(this SiteFactory site, string email, string password = TestPasswords.Staff)
    {
        var client = site.CreateBrowserLikeClient();
        using var response = await client.PostFormAsync("/staff/anmelden", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await client.IsSignedInAsync());
        return client;
    }

    /// <summary>Whether the staff start page opens, or sends to the sign-in.</summary>
    public static async Task<bool> IsSignedInAsync(this HttpClient client)
    {
        using var response = await client.GetAsync("/staff");
        if (response.StatusCode == HttpStatusCode.Redirect && new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath == "/staff/anmelden")
        {
            return false;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return true;
    }
}
