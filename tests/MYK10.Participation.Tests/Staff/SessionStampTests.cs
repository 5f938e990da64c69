using Dapper;
using MYK10.Participation.Data;
using MYK10.Participation.Staff;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Staff;

/// <summary>The session stamp (sql/0088) changes with what a staff session stands for, and only then.</summary>
public sealed class SessionStampTests
{
    private const string Password = "Rhein-Mosel-Verwaltung";

    [Fact]
    public async Task Stamp_ChangesWithPasswordSecondFactorRoleAndDeactivation_NotWithASignIn()
    {
        await using var app = await TestApp.StartAsync();
        var staff = app.Get<StaffService>();
        var accounts = app.Get<StaffAccounts>();
        var twoFactor = app.Get<TwoFactorService>();
        await staff.AddAsync("admin@kvmyk.de", StaffRole.Admin, Password);
        var id = (await staff.AddAsync("moderation@kvmyk.de", StaffRole.Moderator, Password)).Id!.Value;
        var seen = new List<string> { await StampAsync() };

        Assert.Equal(SignInStatus.Succeeded, (await staff.SignInAsync("moderation@kvmyk.de", Password)).Status);
        Assert.Equal(seen[0], await StampAsync());
        Assert.Equal(seen[0], (await staff.SignInAsync("moderation@kvmyk.de", Password)).Member!.SessionStamp);

        await NextAsync(accounts.SetPasswordAsync(id, "Andernach-Rheinufer-2027"));
        await NextAsync(accounts.ChangeOwnPasswordAsync(id, "Andernach-Rheinufer-2027", Password));
        await NextAsync(accounts.SetRoleAsync(id, StaffRole.Admin));
        Assert.True(await twoFactor.ConfirmEnrolmentAsync(id, twoFactor.CurrentCode((await twoFactor.BeginEnrolmentAsync(id))!)));
        await NextAsync(Task.FromResult(StaffChange.Done));
        await NextAsync(accounts.ResetTwoFactorAsync(id));
        await NextAsync(accounts.DeactivateAsync(id));

        Assert.All(seen, stamp => Assert.Matches("^[0-9a-f]{32}$", stamp));
        Assert.Equal(seen.Count, seen.Distinct().Count());

        async Task NextAsync(Task<StaffChange> change)
        {
            Assert.Equal(StaffChange.Done, await change);
            seen.Add(await StampAsync());
        }

        async Task<string> StampAsync()
        {
            await using var connection = await app.Connections.OpenAsync();
            return await connection.ExecuteScalarAsync<string>("SELECT session_stamp FROM staff WHERE id = @Id", new { Id = id }) ?? "";
        }
    }

    [Fact]
    public async Task Migration_GivesEachExistingAccountItsOwnStamp_AndANewRowGetsOneWhoeverInsertsIt()
    {
        await using var app = await TestApp.StartAsync(migrate: false);
        await app.MigrateBeforeAsync("0088");
        await using (var before = await app.Connections.OpenAsync())
        {
            await before.ExecuteAsync("""
                INSERT INTO staff (email, role, password_hash, created_at)
                VALUES ('a@kvmyk.de', 'admin', 'x', '2026-11-01T11:00:00.0000000Z'), ('b@kvmyk.de', 'moderator', 'x', '2026-11-01T11:00:00.0000000Z')
                """);
        }

        await app.Get<Migrator>().MigrateAsync();
        await using var connection = await app.Connections.OpenAsync();
        await connection.ExecuteAsync("INSERT INTO staff (email, role, password_hash, created_at) VALUES ('c@kvmyk.de', 'moderator', 'x', '2026-11-02T11:00:00.0000000Z')");

        var stamps = (await connection.QueryAsync<string>("SELECT session_stamp FROM staff ORDER BY id")).ToList();
        Assert.Equal(3, stamps.Count);
        Assert.All(stamps, stamp => Assert.Matches("^[0-9a-f]{32}$", stamp));
        Assert.Equal(3, stamps.Distinct().Count());
    }

    [Fact]
    public async Task SetRole_RefusesOnesOwnAndTheLastActiveAdmin_AndChangesNothingUnchanged()
    {
        await using var app = await TestApp.StartAsync();
        var staff = app.Get<StaffService>();
        var accounts = app.Get<StaffAccounts>();
        var admin = (await staff.AddAsync("admin@kvmyk.de", StaffRole.Admin, Password)).Id!.Value;
        var moderator = (await staff.AddAsync("moderation@kvmyk.de", StaffRole.Moderator, Password)).Id!.Value;

        Assert.Equal(StaffChange.LastAdmin, await accounts.SetRoleAsync(admin, StaffRole.Moderator));
        Assert.Equal(StaffChange.Self, await accounts.SetRoleAsync(moderator, StaffRole.Admin, actingId: moderator));
        Assert.Equal(StaffChange.Unchanged, await accounts.SetRoleAsync(moderator, StaffRole.Moderator));
        Assert.Equal(StaffChange.NotFound, await accounts.SetRoleAsync(999, StaffRole.Admin));

        Assert.Equal(StaffChange.Done, await accounts.SetRoleAsync(moderator, StaffRole.Admin));
        Assert.Equal(StaffChange.Done, await accounts.SetRoleAsync(admin, StaffRole.Moderator));
        Assert.Equal(StaffRole.Moderator, (await app.Get<StaffStore>().FindByIdAsync(admin))!.Role);
    }

    [Fact]
    public async Task ChangeOwnPassword_WrongCurrentPasswordsCountTowardsTheLockout_AndAWeakNewOneIsRefused()
    {
        await using var app = await TestApp.StartAsync();
        var accounts = app.Get<StaffAccounts>();
        var id = (await app.Get<StaffService>().AddAsync("moderation@kvmyk.de", StaffRole.Moderator, Password)).Id!.Value;

        Assert.Equal(StaffChange.WeakPassword, await accounts.ChangeOwnPasswordAsync(id, Password, "kurz"));
        Assert.Equal(StaffChange.CommonPassword, await accounts.ChangeOwnPasswordAsync(id, Password, "moderation-2027-mayen"));
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(StaffChange.WrongPassword, await accounts.ChangeOwnPasswordAsync(id, "falsch-falsch-falsch", "Andernach-Rheinufer-2027"));
        }

        Assert.Equal(StaffChange.LockedOut, await accounts.ChangeOwnPasswordAsync(id, "falsch-falsch-falsch", "Andernach-Rheinufer-2027"));
        Assert.Equal(StaffChange.LockedOut, await accounts.ChangeOwnPasswordAsync(id, Password, "Andernach-Rheinufer-2027"));
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(StaffChange.Done, await accounts.ChangeOwnPasswordAsync(id, Password, "Andernach-Rheinufer-2027"));
        Assert.Equal(SignInStatus.Succeeded, (await app.Get<StaffService>().SignInAsync("moderation@kvmyk.de", "Andernach-Rheinufer-2027")).Status);
    }
}
