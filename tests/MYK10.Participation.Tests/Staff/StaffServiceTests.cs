using MYK10.Participation.Staff;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Staff;

public sealed class StaffServiceTests
{
    // Not a place name plus year: those are on the list of common passwords.
    private const string Password = "Basalt-Lava-Mendig-1890!";

    [Fact]
    public async Task Add_ThenSignIn_Succeeds()
    {
        await using var app = await TestApp.StartAsync();
        var staff = app.Get<StaffService>();

        Assert.True((await staff.AddAsync("moderation@kvmyk.de", StaffRole.Moderator, Password)).Succeeded);
        var result = await staff.SignInAsync("Moderation@KVMYK.de", Password);

        Assert.Equal(SignInStatus.Succeeded, result.Status);
        Assert.Equal(StaffRole.Moderator, result.Member!.Role);
    }

    [Fact]
    public async Task Add_ShortPassword_IsRefused()
    {
        await using var app = await TestApp.StartAsync();

        var result = await app.Get<StaffService>().AddAsync("admin@kvmyk.de", StaffRole.Admin, "kurz-123");

        Assert.Equal(StaffAddError.WeakPassword, result.Error);
        Assert.Equal(0, await app.Get<StaffStore>().CountAsync());
    }

    [Fact]
    public async Task Add_SameEmailTwiceInAnyCase_IsRefusedByTheDatabase()
    {
        await using var app = await TestApp.StartAsync();
        var staff = app.Get<StaffService>();

        await staff.AddAsync("admin@kvmyk.de", StaffRole.Admin, Password);
        var second = await staff.AddAsync("ADMIN@kvmyk.de", StaffRole.Moderator, Password);

        Assert.Equal(StaffAddError.Duplicate, second.Error);
        Assert.Equal(1, await app.Get<StaffStore>().CountAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("keine-adresse")]
    [InlineData("a@b")]
    [InlineData("max.m@webde")]
    public async Task Add_InvalidEmail_IsRefused(string email)
    {
        await using var app = await TestApp.StartAsync();

        Assert.Equal(StaffAddError.InvalidEmail, (await app.Get<StaffService>().AddAsync(email, StaffRole.Admin, Password)).Error);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksForFifteenMinutesEvenWithTheRightOne()
    {
        await using var app = await TestApp.StartAsync();
        var staff = app.Get<StaffService>();
        await staff.AddAsync("admin@kvmyk.de", StaffRole.Admin, Password);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(SignInStatus.InvalidCredentials, (await staff.SignInAsync("admin@kvmyk.de", "falsch-falsch-falsch")).Status);
        }

        var fifth = await staff.SignInAsync("admin@kvmyk.de", "falsch-falsch-falsch");
        Assert.Equal(SignInStatus.LockedOut, fifth.Status);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(15), fifth.LockedUntil);
        Assert.Equal(SignInStatus.LockedOut, (await staff.SignInAsync("admin@kvmyk.de", Password)).Status);

        app.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(SignInStatus.LockedOut, (await staff.SignInAsync("admin@kvmyk.de", Password)).Status);

        app.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(SignInStatus.Succeeded, (await staff.SignInAsync("admin@kvmyk.de", Password)).Status);
    }

    [Fact]
    public async Task SignIn_SuccessResetsTheFailureCount()
    {
        await using var app = await TestApp.StartAsync();
        var staff = app.Get<StaffService>();
        await staff.AddAsync("admin@kvmyk.de", StaffRole.Admin, Password);

        for (var i = 0; i < 4; i++)
        {
            await staff.SignInAsync("admin@kvmyk.de", "falsch-falsch-falsch");
        }

        Assert.Equal(SignInStatus.Succeeded, (await staff.SignInAsync("admin@kvmyk.de", Password)).Status);
        Assert.Equal(SignInStatus.InvalidCredentials, (await staff.SignInAsync("admin@kvmyk.de", "falsch-falsch-falsch")).Status);
    }

    [Fact]
    public async Task SignIn_UnknownEmail_IsInvalidNotLocked()
    {
        await using var app = await TestApp.StartAsync();

        Assert.Equal(SignInStatus.InvalidCredentials, (await app.Get<StaffService>().SignInAsync("niemand@kvmyk.de", Password)).Status);
    }
}
