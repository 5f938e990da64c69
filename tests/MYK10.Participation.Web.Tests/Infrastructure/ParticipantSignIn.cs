using System.Net;
using Microsoft.Playwright;
using MYK10.Participation.Participants;

namespace MYK10.Participation.Web.Tests.Infrastructure;

/// <summary>Signs participants in through the real email-link flow.</summary>
public static class ParticipantSignIn
{
    /// <summary>
    /// A client signed in as a new participant with a completed profile. The token comes from the same service
    /// call the sign-in page makes (its mail is not awaited); the link and profile pages are used as a browser would.
    /// </summary>
    public static async Task<(HttpClient Client, long ParticipantId)> ParticipantClientAsync(
        this SiteFactory site, string? email = null, string? displayName = null, string? municipalityId = null)
    {
        email ??= $"buerger-{Guid.NewGuid():N}@example.org";
        var token = await site.Get<SignInLinkService>().RequestAsync(email, staySignedIn: false, returnUrl: null);
        var client = site.CreateBrowserLikeClient();

        using var signIn = await client.PostFormAsync($"/konto/link/{token}", []);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        if (signIn.Headers.Location!.OriginalString.StartsWith("/konto/profil", StringComparison.Ordinal))
        {
            using var profile = await client.PostFormAsync(signIn.Headers.Location.OriginalString, new()
            {
                ["Input.DisplayName"] = displayName ?? string.Empty,
                ["Input.MunicipalityId"] = municipalityId ?? string.Empty,
                ["Input.AcceptPrivacy"] = "true",
            });
            Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);
        }

        var id = await IdOfAsync(site, email);
        return (client, id);
    }

    /// <summary>A client signed in through the link as a new participant who has not filled in the profile form yet.</summary>
    public static async Task<HttpClient> ParticipantWithoutProfileClientAsync(this SiteFactory site)
    {
        var token = await site.Get<SignInLinkService>().RequestAsync($"ohne-profil-{Guid.NewGuid():N}@example.org", staySignedIn: false, returnUrl: null);
        var client = site.CreateBrowserLikeClient();
        using var signIn = await client.PostFormAsync($"/konto/link/{token}", []);
        Assert.StartsWith("/konto/profil", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return client;
    }

    /// <summary>Signs a browser page in as a new participant (link page and profile form, by mouse-free means).</summary>
    public static async Task<long> SignInParticipantAsync(this IPage page, SiteFactory site, string? email = null, string displayName = "Erika aus Mendig")
    {
        email ??= $"buerger-{Guid.NewGuid():N}@example.org";
        var token = await site.Get<SignInLinkService>().RequestAsync(email, staySignedIn: false, returnUrl: null);
        await page.GotoAsync($"/konto/link/{token}");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/konto/profil**");
        await page.FillAsync("#Input_DisplayName", displayName);
        await page.CheckAsync("#Input_AcceptPrivacy");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/konto");
        return await IdOfAsync(site, email);
    }

    /// <summary>Waits for the mail with the sign-in link to land in the pickup folder and returns the link's path.</summary>
    public static async Task<string> WaitForSignInLinkAsync(this SiteFactory site, string email) =>
        (await site.WaitForMailAsync(email, m => m.TextBody?.Contains("/konto/link/", StringComparison.Ordinal) == true)).LinkPath("/konto/link/");

    private static async Task<long> IdOfAsync(SiteFactory site, string email)
    {
        await using var connection = await site.Get<MYK10.Participation.Data.IDbConnectionFactory>().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM participants WHERE email = $email";
        command.Parameters.AddWithValue("$email", email);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
