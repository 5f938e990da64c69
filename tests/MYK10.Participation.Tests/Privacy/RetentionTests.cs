using Dapper;
using MYK10.Participation.Mail;
using MYK10.Participation.Participants;
using MYK10.Participation.Privacy;
using MYK10.Participation.Time;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Privacy;

public sealed class RetentionTests
{
    [Fact]
    public async Task UnconfirmedSignUp_IsDeletedAfterSevenDays_WithItsMail_ConfirmedAccountStays()
    {
        await using var app = await TestApp.StartAsync();
        await app.Get<SignInLinkService>().RequestAsync("nie.bestaetigt@example.org", staySignedIn: false, returnUrl: null);
        var confirmed = await app.ConfirmedParticipantAsync("bestaetigt@example.org");
        var retention = app.Get<RetentionJob>();

        app.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, (await retention.ApplyAsync()).UnconfirmedDeleted);
        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await retention.ApplyAsync()).UnconfirmedDeleted);
        Assert.Equal(0, (await retention.ApplyAsync()).UnconfirmedDeleted);

        Assert.Equal(0, await app.CountAsync("SELECT count(*) FROM participants WHERE email = 'nie.bestaetigt@example.org' OR email IS NULL"));
        Assert.Equal(0, await app.CountAsync("SELECT count(*) FROM mail_outbox WHERE to_address = 'nie.bestaetigt@example.org'"));
        Assert.NotNull(await app.Get<ParticipantStore>().FindAsync(confirmed));
    }

    [Fact]
    public async Task UsedAndExpiredSignInLinks_AreDeleted_OpenOnesStay()
    {
        await using var app = await TestApp.StartAsync();
        var links = app.Get<SignInLinkService>();
        await app.ConfirmedParticipantAsync("a@example.org");
        await links.RequestAsync("a@example.org", staySignedIn: false, returnUrl: null);
        var retention = app.Get<RetentionJob>();

        Assert.Equal(1, (await retention.ApplyAsync()).TokensDeleted);
        app.Clock.Advance(SignInLinkService.Validity);
        var open = await links.RequestAsync("a@example.org", staySignedIn: false, returnUrl: null);
        Assert.Equal(1, (await retention.ApplyAsync()).TokensDeleted);

        Assert.Equal(1, await app.CountAsync("SELECT count(*) FROM login_tokens"));
        Assert.Equal(SignInLinkStatus.SignedIn, await links.CheckAsync(open));
    }

    [Fact]
    public async Task SentMail_IsDeletedOneYearAfterSending_PendingMailStays()
    {
        await using var app = await TestApp.StartAsync();
        await app.EnqueueAsync(OutboxHelper.Sample("rat@mendig.example"));
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);
        Assert.Equal("sent", (await app.OutboxRowAsync("rat@mendig.example")).Status);
        var retention = app.Get<RetentionJob>();

        app.Clock.Advance(TimeSpan.FromDays(364));
        await app.EnqueueAsync(OutboxHelper.Sample("spaeter@mendig.example"));
        Assert.Equal(0, (await retention.ApplyAsync()).MailDeleted);
        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, (await retention.ApplyAsync()).MailDeleted);

        Assert.Equal(0, await app.CountAsync("SELECT count(*) FROM mail_outbox WHERE to_address = 'rat@mendig.example'"));
        Assert.Equal(1, await app.CountAsync("SELECT count(*) FROM mail_outbox WHERE to_address = 'spaeter@mendig.example'"));
    }

    [Fact]
    public async Task EndOfPhase_NoticeOnceFourteenDaysBefore_ThenEveryAccountIsDeleted()
    {
        await using var app = await TestApp.StartAsync(new() { ["Retention:AccountsDaysAfterPhaseEnd"] = "30" });
        var erika = await app.ConfirmedParticipantAsync("erika@example.org", "Erika M");
        var max = await app.ConfirmedParticipantAsync("max@example.org");
        var start = app.Clock.GetUtcNow();
        await app.Get<PhaseStore>().SetAsync(start.AddDays(5), actor: null);
        var retention = app.Get<RetentionJob>();

        app.Clock.Set(start.AddDays(5 + 30 - 14).AddMinutes(-1));
        Assert.Equal(0, (await retention.ApplyAsync()).NoticesQueued);

        app.Clock.Set(start.AddDays(5 + 30 - 14));
        Assert.Equal(2, (await retention.ApplyAsync()).NoticesQueued);
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await retention.ApplyAsync()).NoticesQueued);
        Assert.Equal(1, await app.CountAsync("SELECT count(*) FROM mail_outbox WHERE to_address = 'erika@example.org' AND dedupe_key LIKE 'phase-end-notice:%'"));

        app.Clock.Set(start.AddDays(5 + 30).AddMinutes(-1));
        var beforeDeletion = await retention.ApplyAsync();
        Assert.Equal(0, beforeDeletion.AccountsDeleted);
        Assert.NotNull(await app.Get<ParticipantStore>().FindAsync(erika));

        app.Clock.Set(start.AddDays(5 + 30));
        Assert.Equal(2, (await retention.ApplyAsync()).AccountsDeleted);
        Assert.Equal(0, (await retention.ApplyAsync()).AccountsDeleted);
        Assert.Null(await app.Get<ParticipantStore>().FindAsync(erika));
        Assert.Null(await app.Get<ParticipantStore>().FindAsync(max));
        Assert.Equal(2, await app.CountAsync("SELECT count(*) FROM participants WHERE deleted_at IS NOT NULL AND email IS NULL"));
    }

    [Fact]
    public async Task EndOfPhase_EnteredTooLate_DeletesOnlyAfterTheNoticeHasBeenOutItsFullPeriod()
    {
        await using var app = await TestApp.StartAsync(new() { ["Retention:AccountsDaysAfterPhaseEnd"] = "30" });
        var erika = await app.ConfirmedParticipantAsync("erika@example.org", "Erika M");
        var phase = app.Get<PhaseStore>();
        var today = DateOnly.FromDateTime(BerlinTime.ToBerlin(app.Clock.GetUtcNow()).DateTime);
        Assert.Equal(today.AddDays(-16), phase.EarliestLastDay());
        // Past the deletion date already, as if set by hand: the first night sends the notices and deletes nothing.
        await phase.SetAsync(app.Clock.GetUtcNow().AddDays(-40), actor: null);
        var retention = app.Get<RetentionJob>();

        var first = await retention.ApplyAsync();
        Assert.Equal((1L, 0L), (first.NoticesQueued, first.AccountsDeleted));
        app.Clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await retention.ApplyAsync()).AccountsDeleted);
        Assert.NotNull(await app.Get<ParticipantStore>().FindAsync(erika));

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await retention.ApplyAsync()).AccountsDeleted);
        Assert.Null(await app.Get<ParticipantStore>().FindAsync(erika));
    }

    [Fact]
    public async Task PhaseEnd_CanBeClearedAgain()
    {
        await using var app = await TestApp.StartAsync();
        var phase = app.Get<PhaseStore>();
        await phase.SetAsync(app.Clock.GetUtcNow(), actor: null);
        Assert.NotNull(await phase.GetAsync());
        await phase.SetAsync(null, actor: null);
        Assert.Null(await phase.GetAsync());
    }
}
