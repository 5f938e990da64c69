using MYK10.Participation.Staff;
using MYK10.Participation.Tests.Infrastructure;
using OtpNet;

namespace MYK10.Participation.Tests.Staff;

public sealed class PasswordAndTwoFactorTests
{
    [Theory]
    [InlineData("Passwort1234", PasswordProblem.Common)]
    [InlineData("passwort1234!!", PasswordProblem.Common)]
    [InlineData("QWERTZUIOP123", PasswordProblem.Common)]
    [InlineData("Kreisverwaltung123", PasswordProblem.Common)]
    [InlineData("aaaaaaaaaaaaaaa", PasswordProblem.Common)]
    [InlineData("mustermann-2026-mayen", PasswordProblem.ContainsEmail)]
    [InlineData("kurz", PasswordProblem.TooShort)]
    [InlineData("Rhein-Mosel-Verwaltung", PasswordProblem.None)]
    [InlineData("Eifelturm aus Basalt 1890", PasswordProblem.None)]
    public void PasswordPolicy_RefusesShortCommonAndAddressBasedPasswords(string password, PasswordProblem expected) =>
        Assert.Equal(expected, PasswordPolicy.Check(password, "mustermann@kvmyk.de", 12));

    [Fact]
    public async Task StaffAdd_RefusesACommonPassword()
    {
        await using var app = await TestApp.StartAsync();
        var result = await app.Get<StaffService>().AddAsync("admin@kvmyk.de", StaffRole.Admin, "Willkommen2026");
        Assert.Equal(StaffAddError.CommonPassword, result.Error);
    }

    [Fact]
    public async Task TwoFactor_EnrolsWithTheAppsCode_ThenAcceptsEachCodeOnceWithinOneStepOfDrift()
    {
        await using var app = await TestApp.StartAsync();
        var id = (await app.Get<StaffService>().AddAsync("admin@kvmyk.de", StaffRole.Admin, "Rhein-Mosel-Verwaltung")).Id!.Value;
        var twoFactor = app.Get<TwoFactorService>();

        var secret = await twoFactor.BeginEnrolmentAsync(id);
        Assert.NotNull(secret);
        Assert.Equal(secret, await twoFactor.BeginEnrolmentAsync(id));
        Assert.False(await twoFactor.IsEnabledAsync(id));
        // An "app" of its own: Otp.NET with the secret as typed in, at the test clock's time.
        var appCode = (DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at.UtcDateTime);

        Assert.False(await twoFactor.ConfirmEnrolmentAsync(id, appCode(app.Clock.GetUtcNow().AddMinutes(5))));
        Assert.True(await twoFactor.ConfirmEnrolmentAsync(id, appCode(app.Clock.GetUtcNow())));
        Assert.True(await twoFactor.IsEnabledAsync(id));
        Assert.Null(await twoFactor.BeginEnrolmentAsync(id));

        app.Clock.Advance(TimeSpan.FromSeconds(60));
        var code = appCode(app.Clock.GetUtcNow());
        Assert.True(await twoFactor.VerifyAsync(id, code));
        Assert.False(await twoFactor.VerifyAsync(id, code));

        app.Clock.Advance(TimeSpan.FromSeconds(60));
        var late = appCode(app.Clock.GetUtcNow());
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await twoFactor.VerifyAsync(id, late));

        app.Clock.Advance(TimeSpan.FromSeconds(60));
        var stale = appCode(app.Clock.GetUtcNow());
        app.Clock.Advance(TimeSpan.FromSeconds(90));
        Assert.False(await twoFactor.VerifyAsync(id, stale));
        Assert.False(await twoFactor.VerifyAsync(id, "12345"));

        Assert.True(await twoFactor.DisableAsync(id, appCode(app.Clock.GetUtcNow())));
        Assert.False(await twoFactor.IsEnabledAsync(id));
    }
}
