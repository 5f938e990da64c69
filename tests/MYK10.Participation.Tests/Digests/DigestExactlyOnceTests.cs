using Dapper;
using MimeKit;
using MYK10.Participation.Digests;
using MYK10.Participation.Mail;
using MYK10.Participation.Staff;
using MYK10.Participation.Tests.Infrastructure;
using SmtpServer.Protocol;

namespace MYK10.Participation.Tests.Digests;

public sealed class DigestExactlyOnceTests
{
    private static readonly DateTimeOffset NextMonday = DigestTestData.Monday0700.AddDays(7);

    [Fact]
    public async Task RoundRunTwice_AndRetriedMinutesLater_SendsOneDigestPerRecipient()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(DigestTestData.Settings(smtp.Settings()));
        var councilId = await app.CouncilAsync(recipients: ["a@andernach.example.org", "b@andernach.example.org"]);
        var round = app.Get<DigestRound>();

        app.Clock.Set(NextMonday.AddSeconds(5));
        var first = await round.RunScheduledAsync(councilId);
        var second = await round.RunScheduledAsync(councilId);
        app.Clock.Set(NextMonday.AddMinutes(20)); // a Hangfire retry of the same occurrence
        var retry = await round.RunScheduledAsync(councilId);
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);

        Assert.Equal((DigestRoundOutcome.Sent, 2), (first.Outcome, first.Deliveries));
        Assert.Equal(DigestRoundOutcome.AlreadyDone, second.Outcome);
        Assert.Equal(DigestRoundOutcome.AlreadyDone, retry.Outcome);
        var received = await smtp.WaitForAsync(2);
        Assert.Equal(2, received.Count);
        await Task.Delay(300);
        Assert.Equal(["a@andernach.example.org", "b@andernach.example.org"], smtp.Received.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM digests"));
    }

    [Fact]
    public async Task TwoServersAtOnce_StoreOneDigestAndQueueOneMailPerRecipient()
    {
        await using var app = await TestApp.StartAsync(DigestTestData.Settings());
        var councilId = await app.CouncilAsync(recipients: ["a@andernach.example.org", "b@andernach.example.org", "c@andernach.example.org"]);
        app.Clock.Set(NextMonday.AddSeconds(1));

        // Separate service instances on the same database, as two web servers would have.
        await using var other = await TestApp.StartAsync(DigestTestData.Settings(new() { ["ConnectionStrings:Participation"] = $"Data Source={app.DatabasePath}" }), migrate: false);
        other.Clock.Set(NextMonday.AddSeconds(2));
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            (i % 2 == 0 ? app : other).Get<DigestRound>().RunScheduledAsync(councilId))));

        Assert.Single(results, r => r.Outcome == DigestRoundOutcome.Sent);
        Assert.All(results.Where(r => r.Outcome != DigestRoundOutcome.Sent), r => Assert.Equal(DigestRoundOutcome.AlreadyDone, r.Outcome));
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM digests"));
        Assert.Equal(3L, await app.ScalarAsync<long>("SELECT count(*) FROM digest_deliveries"));
        Assert.Equal(3L, await app.ScalarAsync<long>("SELECT count(*) FROM mail_outbox"));
    }

    [Fact]
    public async Task Schema_RejectsASecondDigestForTheSamePeriodOrStart_AndASecondScheduledDelivery()
    {
        await using var app = await TestApp.StartAsync(DigestTestData.Settings());
        var councilId = await app.CouncilAsync(recipients: ["a@andernach.example.org"]);
        app.Clock.Set(NextMonday.AddSeconds(1));
        await app.Get<DigestRound>().RunScheduledAsync(councilId);

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => app.ExecuteAsync(
            "INSERT INTO digests (council_id, period_start, period_end, subject, text_body, html_body, is_empty, created_at) SELECT council_id, period_start, @End, subject, text_body, html_body, is_empty, created_at FROM digests",
            new { End = NextMonday.AddHours(1) }));
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => app.ExecuteAsync(
            "INSERT INTO digest_deliveries (digest_id, recipient_id, copy, dedupe_key, created_at) SELECT digest_id, recipient_id, 0, 'other-key', created_at FROM digest_deliveries"));
    }

    [Fact]
    public async Task SmtpRefusesWith4xxFirst_RetriesWithBackoff_AndEachRecipientGetsOneCopy()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(DigestTestData.Settings(smtp.Settings()));
        var councilId = await app.CouncilAsync(recipients: ["a@andernach.example.org", "b@andernach.example.org"]);
        app.Clock.Set(NextMonday.AddSeconds(1));
        await app.Get<DigestRound>().RunScheduledAsync(councilId);

        smtp.Refuse(3, SmtpReplyCode.Aborted); // 451
        for (var i = 0; i < 6; i++)
        {
            await app.Get<OutboxJob>().RunAsync(CancellationToken.None);
            app.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        await AssertOneCopyEachAsync(smtp, app, "a@andernach.example.org", "b@andernach.example.org");
        Assert.Equal(5L, await app.ScalarAsync<long>("SELECT sum(attempts) FROM mail_outbox")); // 3 refused + 2 sent
        Assert.Equal(["sent", "sent"], (await app.Get<CouncilStore>().DeliveriesAsync(councilId)).Select(d => d.EffectiveStatus));
    }

    [Fact]
    public async Task ConnectionDroppedMidSend_EachRecipientEndsWithOneCopy()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(DigestTestData.Settings(smtp.Settings()));
        var councilId = await app.CouncilAsync(recipients: ["a@andernach.example.org", "b@andernach.example.org", "c@andernach.example.org"]);
        app.Clock.Set(NextMonday.AddSeconds(1));
        await app.Get<DigestRound>().RunScheduledAsync(councilId);

        smtp.DropConnection(1);
        for (var i = 0; i < 5; i++)
        {
            await app.Get<OutboxJob>().RunAsync(CancellationToken.None);
            app.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        await AssertOneCopyEachAsync(smtp, app, "a@andernach.example.org", "b@andernach.example.org", "c@andernach.example.org");
    }

    [Fact]
    public async Task ProcessStoppedBetweenBuildingAndSending_RecoveryDeliversEachDigestOnce()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        using var directory = new TempDirectory();
        var settings = DigestTestData.Settings(smtp.Settings());
        settings["ConnectionStrings:Participation"] = $"Data Source={directory.File("participation.db")}";
        long councilId;

        await using (var crashed = await TestApp.StartAsync(new(settings)))
        {
            councilId = await crashed.CouncilAsync(recipients: ["a@andernach.example.org", "b@andernach.example.org"]);
            crashed.Clock.Set(NextMonday.AddSeconds(1));
            await crashed.Get<DigestRound>().RunScheduledAsync(councilId);
            // The process ends here: the digest and its mail are committed, the outbox has not run.
        }

        Assert.Empty(smtp.Received);
        await using var restarted = await TestApp.StartAsync(new(settings));
        restarted.Clock.Set(NextMonday.AddMinutes(3));
        // After the restart the scheduler fires the missed occurrence again, then the outbox runs.
        Assert.Equal(DigestRoundOutcome.AlreadyDone, (await restarted.Get<DigestRound>().RunScheduledAsync(councilId)).Outcome);
        await restarted.Get<OutboxJob>().RunAsync(CancellationToken.None);
        await restarted.Get<OutboxJob>().RunAsync(CancellationToken.None);

        await AssertOneCopyEachAsync(smtp, restarted, "a@andernach.example.org", "b@andernach.example.org");
    }

    [Fact]
    public async Task Mail_IsMultipartGerman_WithOneClickUnsubscribeHeaders_AndDeterministicMessageId()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(DigestTestData.Settings(smtp.Settings()));
        var councilId = await app.CouncilAsync(recipients: ["a@andernach.example.org"]);
        app.Clock.Set(NextMonday.AddSeconds(1));
        var digestId = (await app.Get<DigestRound>().RunScheduledAsync(councilId)).DigestId!.Value;
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);

        var message = Assert.Single(await smtp.WaitForAsync(1));
        var recipientId = await app.RecipientIdAsync("a@andernach.example.org");
        Assert.Equal(app.Get<MailOutbox>().MessageIdFor($"digest-{digestId}-recipient-{recipientId}"), message.MessageId);
        Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal("MYK10 Bürgerbeteiligung – Wochenbericht für Andernach, 16.–22. November 2026", message.Subject);
        var unsubscribe = message.Headers["List-Unsubscribe"]!;
        Assert.Matches("^<https://beteiligung.example/gremien/abmelden/[A-Za-z0-9_-]{43}>$", unsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(unsubscribe.Trim('<', '>'), message.TextBody, StringComparison.Ordinal);
        Assert.Contains(unsubscribe.Trim('<', '>'), message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(DigestBuilder.RecipientFooterMarker, message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsubscribedPausedAndInactiveRecipients_GetNothingFurther_AndUnsubscribeIsIdempotent()
    {
        await using var app = await TestApp.StartAsync(DigestTestData.Settings());
        var councilId = await app.CouncilAsync(recipients: ["a@andernach.example.org", "b@andernach.example.org"]);
        app.Clock.Set(NextMonday.AddSeconds(1));
        await app.Get<DigestRound>().RunScheduledAsync(councilId);
        var text = await app.ScalarAsync<string>("SELECT text_body FROM mail_outbox WHERE to_address = 'b@andernach.example.org'");
        var token = System.Text.RegularExpressions.Regex.Match(text, "/gremien/abmelden/([A-Za-z0-9_-]+)").Groups[1].Value;

        var unsubscribe = app.Get<DigestUnsubscribe>();
        var first = await unsubscribe.UnsubscribeAsync(token);
        app.Clock.Advance(TimeSpan.FromHours(1));
        var again = await unsubscribe.UnsubscribeAsync(token);
        Assert.Null(await unsubscribe.UnsubscribeAsync("not-a-token"));

        Assert.NotNull(first!.UnsubscribedAt);
        Assert.Equal(first.UnsubscribedAt, again!.UnsubscribedAt);
        app.Clock.Set(NextMonday.AddDays(7).AddSeconds(1));
        await app.Get<DigestRound>().RunScheduledAsync(councilId);
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM mail_outbox WHERE to_address = 'b@andernach.example.org'"));
        Assert.Equal(2L, await app.ScalarAsync<long>("SELECT count(*) FROM mail_outbox WHERE to_address = 'a@andernach.example.org'"));
        Assert.False(await app.Get<DigestRound>().ResendAsync(councilId, 1, first.RecipientId, "admin@kvmyk.de"));
    }

    [Fact]
    public async Task PermanentFailures_MarkTheDeliveryFailedWithTheServersReason_AndPauseTheRecipientAfterThree_TellingTheAdmins()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(DigestTestData.Settings(smtp.Settings()));
        await app.Get<StaffService>().AddAsync("admin@kvmyk.de", StaffRole.Admin, "ein-langes-passwort-2026");
        await app.Get<StaffService>().AddAsync("moderation@kvmyk.de", StaffRole.Moderator, "ein-langes-passwort-2026");
        var councilId = await app.CouncilAsync(recipients: ["kaputt@andernach.example.org"]);
        var recipientId = await app.RecipientIdAsync("kaputt@andernach.example.org");

        for (var week = 1; week <= 3; week++)
        {
            app.Clock.Set(DigestTestData.Monday0700.AddDays(7 * week).AddSeconds(1));
            Assert.Equal(DigestRoundOutcome.Sent, (await app.Get<DigestRound>().RunScheduledAsync(councilId)).Outcome);
            smtp.Refuse(1, SmtpReplyCode.MailboxNameNotAllowed); // 553
            await app.Get<OutboxJob>().RunAsync(CancellationToken.None);
        }

        var deliveries = await app.Get<CouncilStore>().DeliveriesAsync(councilId);
        Assert.Equal(3, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal("failed", d.EffectiveStatus));
        Assert.All(deliveries, d => Assert.StartsWith("553", d.Reason, StringComparison.Ordinal));
        var recipient = (await app.Get<CouncilStore>().RecipientsAsync(councilId)).Single();
        Assert.Equal(3, recipient.PermanentFailures);
        Assert.NotNull(recipient.PausedAt);

        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);
        var notice = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal("admin@kvmyk.de", notice.To.Mailboxes.Single().Address);
        Assert.Contains("kaputt@andernach.example.org", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("553", notice.TextBody, StringComparison.Ordinal);
        Assert.IsType<MultipartAlternative>(notice.Body);
        Assert.StartsWith("<!DOCTYPE html><html lang=\"de\">", notice.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"<title>{System.Net.WebUtility.HtmlEncode(notice.Subject)}</title>", notice.HtmlBody, StringComparison.Ordinal);
        Assert.Single(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(notice.HtmlBody!).QuerySelectorAll("h1"));

        app.Clock.Set(DigestTestData.Monday0700.AddDays(28).AddSeconds(1));
        await app.Get<DigestRound>().RunScheduledAsync(councilId);
        Assert.Equal(3L, await app.ScalarAsync<long>("SELECT count(*) FROM digest_deliveries WHERE recipient_id = @Id", new { Id = recipientId }));
    }

    [Fact]
    public async Task PermanentFailureThenSuccess_ResetsTheCount()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(DigestTestData.Settings(smtp.Settings()));
        var councilId = await app.CouncilAsync(recipients: ["a@andernach.example.org"]);
        app.Clock.Set(NextMonday.AddSeconds(1));
        await app.Get<DigestRound>().RunScheduledAsync(councilId);
        smtp.Refuse(1, SmtpReplyCode.MailboxNameNotAllowed);
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);
        Assert.Equal(1, (await app.Get<CouncilStore>().RecipientsAsync(councilId)).Single().PermanentFailures);

        app.Clock.Set(NextMonday.AddDays(7).AddSeconds(1));
        await app.Get<DigestRound>().RunScheduledAsync(councilId);
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);

        Assert.Equal(0, (await app.Get<CouncilStore>().RecipientsAsync(councilId)).Single().PermanentFailures);
    }

    [Fact]
    public async Task Resend_CreatesANewDeliveryWithItsOwnMessageId_AndTheScheduledOneStaysUnique()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(DigestTestData.Settings(smtp.Settings()));
        var councilId = await app.CouncilAsync(recipients: ["a@andernach.example.org"]);
        app.Clock.Set(NextMonday.AddSeconds(1));
        var digestId = (await app.Get<DigestRound>().RunScheduledAsync(councilId)).DigestId!.Value;
        var recipientId = await app.RecipientIdAsync("a@andernach.example.org");

        Assert.True(await app.Get<DigestRound>().ResendAsync(councilId, digestId, recipientId, "admin@kvmyk.de"));
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);

        var received = await smtp.WaitForAsync(2);
        Assert.Equal(2, received.Select(m => m.MessageId).Distinct().Count());
        var deliveries = await app.Get<CouncilStore>().DeliveriesAsync(councilId, digestId);
        Assert.Equal([0L, 1L], deliveries.Select(d => d.Copy));
        Assert.Equal("admin@kvmyk.de", deliveries[1].RequestedBy);
    }

    [Fact]
    public async Task RunNow_ClosesThePeriodAtTheCurrentMinute_RepeatsInThatMinuteSendNothing()
    {
        await using var app = await TestApp.StartAsync(DigestTestData.Settings());
        await app.CouncilAsync(recipients: ["a@andernach.example.org"]);
        await app.CouncilAsync("Stadtrat Mayen", "mayen", recipients: ["m@mayen.example.org"]);
        var paused = await app.CouncilAsync("Stadtrat Bendorf", "bendorf", recipients: ["b@bendorf.example.org"]);
        await app.ExecuteAsync("UPDATE councils SET active = 0 WHERE id = @Id", new { Id = paused });
        app.Clock.Set(NextMonday.AddDays(2).AddSeconds(10));

        var first = await app.Get<DigestRound>().RunNowAsync(null);
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        var second = await app.Get<DigestRound>().RunNowAsync(null);

        Assert.Equal([DigestRoundOutcome.Sent, DigestRoundOutcome.Sent], first.Select(r => r.Outcome));
        Assert.All(second, r => Assert.Equal(DigestRoundOutcome.AlreadyDone, r.Outcome));
        Assert.Equal(2L, await app.ScalarAsync<long>("SELECT count(*) FROM mail_outbox"));
    }

    private static async Task AssertOneCopyEachAsync(SmtpTestServer smtp, TestApp app, params string[] recipients)
    {
        await smtp.WaitForAsync(recipients.Length);
        await Task.Delay(300);
        Assert.Equal(recipients.Order(), smtp.Received.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(recipients.Length, await app.ScalarAsync<long>("SELECT count(*) FROM mail_outbox WHERE status = 'sent'"));
    }
}
