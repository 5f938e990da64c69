using System.Net;
using Dapper;
using MYK10.Participation.Data;
using MYK10.Participation.Staff;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Staff;

/// <summary>/staff/passwort: a staff member changes their own password.</summary>
public sealed class OwnPasswordPageTests(OwnPasswordPageTests.Site site) : IClassFixture<OwnPasswordPageTests.Site>
{
    public sealed class Site : SiteFactory;

    private const string Page = "/staff/passwort";
    private const string NewPassword = "Mendig-Vulkanpark-2027";

    private static Dictionary<string, string> Form(string current, string next, string? confirm = null) => new()
    {
        ["Input.CurrentPassword"] = current,
        ["Input.NewPassword"] = next,
        ["Input.ConfirmPassword"] = confirm ?? next,
    };

    [Fact]
    public async Task ChangingTheOwnPassword_KeepsThisSession_EndsTheOthers_AndIsLoggedWithoutThePassword()
    {
        var email = await site.CreateStaffAsync(StaffRole.Moderator);
        var own = await site.SignInAsync(email);
        var other = await site.SignInAsync(email);
        Assert.NotNull((await own.GetDocumentAsync("/staff")).QuerySelector($"main a[href='{Page}']"));

        using (var changed = await own.PostFormAsync(Page, Form(TestPasswords.Staff, NewPassword)))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
            Assert.Equal($"{Page}?geaendert=True", changed.Headers.Location!.OriginalString);
        }

        var after = await own.GetDocumentAsync($"{Page}?geaendert=True");
        Assert.Equal("Ihr Passwort ist geändert. Auf allen anderen Geräten sind Sie jetzt abgemeldet.", after.QuerySelector("p.notice[role=status]")!.TextContent.Trim());
        Assert.True(await own.IsSignedInAsync());
        Assert.False(await other.IsSignedInAsync());
        var staff = site.Get<StaffService>();
        Assert.Equal(SignInStatus.InvalidCredentials, (await staff.SignInAsync(email, TestPasswords.Staff)).Status);
        Assert.Equal(SignInStatus.Succeeded, (await staff.SignInAsync(email, NewPassword)).Status);
        await using var connection = await site.Get<IDbConnectionFactory>().OpenAsync();
        var log = await connection.QuerySingleAsync<(string StaffEmail, string Details, string? Before, string? After)>(
            "SELECT staff_email, details, before_json, after_json FROM admin_log WHERE target_type = 'staff' AND target_id = @Id AND action = 'update'",
            new { Id = await site.IdAsync(email) });
        Assert.Equal((email, $"{email}: Passwort neu gesetzt", null, null), log);
    }

    [Fact]
    public async Task AWrongCurrentPassword_ShowsTheErrorBesideTheField_ChangesNothing_AndCountsTowardsTheLockout()
    {
        var email = await site.CreateStaffAsync(StaffRole.Admin);
        var own = await site.SignInAsync(email);
        var other = await site.SignInAsync(email);

        using var response = await own.PostFormAsync(Page, Form("falsch-falsch-falsch", NewPassword));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.StartsWith("Das aktuelle Passwort stimmt nicht.", document.QuerySelector("#Input_CurrentPassword-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("true", document.QuerySelector("#Input_CurrentPassword")!.GetAttribute("aria-invalid"));
        Assert.NotNull(document.QuerySelector(".error-summary a[href='#Input_CurrentPassword']"));
        Assert.True(await other.IsSignedInAsync());
        Assert.Equal(1, await FailedAttemptsAsync(email));
        Assert.Equal(SignInStatus.Succeeded, (await site.Get<StaffService>().SignInAsync(email, TestPasswords.Staff)).Status);
    }

    [Fact]
    public async Task FiveWrongCurrentPasswords_LockTheAccountAsFailedSignInsDo()
    {
        var email = await site.CreateStaffAsync(StaffRole.Moderator);
        var own = await site.SignInAsync(email);
        for (var i = 0; i < 4; i++)
        {
            (await own.PostFormAsync(Page, Form("falsch-falsch-falsch", NewPassword))).Dispose();
        }

        using var locked = await own.PostFormAsync(Page, Form("falsch-falsch-falsch", NewPassword));
        using var stillLocked = await own.PostFormAsync(Page, Form(TestPasswords.Staff, NewPassword));

        Assert.StartsWith("Zu viele Fehlversuche", (await locked.ReadDocumentAsync()).QuerySelector("#Input_CurrentPassword-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Zu viele Fehlversuche", (await stillLocked.ReadDocumentAsync()).QuerySelector("#Input_CurrentPassword-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(SignInStatus.LockedOut, (await site.Get<StaffService>().SignInAsync(email, TestPasswords.Staff)).Status);
    }

    [Fact]
    public async Task NewPasswordsThatDifferOrAreWeak_GiveGermanErrorsBesideTheFields_AndChangeNothing()
    {
        var email = await site.CreateStaffAsync(StaffRole.Moderator);
        var own = await site.SignInAsync(email);

        var mismatch = await (await own.PostFormAsync(Page, Form(TestPasswords.Staff, NewPassword, NewPassword + "!"))).ReadDocumentAsync();
        var weak = await (await own.PostFormAsync(Page, Form(TestPasswords.Staff, "kurz"))).ReadDocumentAsync();
        var common = await (await own.PostFormAsync(Page, Form(TestPasswords.Staff, "passwort123456"))).ReadDocumentAsync();
        var empty = await (await own.PostFormAsync(Page, Form("", ""))).ReadDocumentAsync();

        Assert.Equal("Die beiden Eingaben des neuen Passworts stimmen nicht überein.", mismatch.QuerySelector("#Input_ConfirmPassword-error")!.TextContent.Trim());
        Assert.Equal("Das neue Passwort ist zu kurz. Bitte verwenden Sie mindestens 12 Zeichen.", weak.QuerySelector("#Input_NewPassword-error")!.TextContent.Trim());
        Assert.StartsWith("Das neue Passwort ist zu leicht zu erraten", common.QuerySelector("#Input_NewPassword-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Bitte füllen Sie das Feld „Aktuelles Passwort“ aus.", empty.QuerySelector("#Input_CurrentPassword-error")!.TextContent.Trim());
        Assert.Equal("new-password-hint Input_NewPassword-error", weak.QuerySelector("#Input_NewPassword")!.GetAttribute("aria-describedby"));
        Assert.Equal(0, await FailedAttemptsAsync(email));
        Assert.True(await own.IsSignedInAsync());
        Assert.Equal(SignInStatus.Succeeded, (await site.Get<StaffService>().SignInAsync(email, TestPasswords.Staff)).Status);
    }

    private async Task<long> FailedAttemptsAsync(string email)
    {
        await using var connection = await site.Get<IDbConnectionFactory>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT failed_attempts FROM staff WHERE email = @Email", new { Email = email });
    }
}
