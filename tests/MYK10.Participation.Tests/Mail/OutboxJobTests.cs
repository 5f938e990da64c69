using MimeKit;
using MYK10.Participation.Mail;
using MYK10.Participation.Tests.Infrastructure;
using SmtpServer.Protocol;

namespace MYK10.Participation.Tests.Mail;

public sealed class OutboxJobTests
{
    [Fact]
    public async Task Run_DeliversQueuedMailOnce_WithHeadersAndBothParts()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(smtp.Settings());
        await app.EnqueueAsync(OutboxHelper.Sample());

        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);

        var message = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal("beteiligung@myk10.example", message.From.Mailboxes.Single().Address);
        Assert.Equal("MYK10 Bürgerbeteiligung", message.From.Mailboxes.Single().Name);
        Assert.Equal("buerger@example.org", message.To.Mailboxes.Single().Address);
        Assert.Equal("Ihre Idee ist eingegangen", message.Subject);
        Assert.Contains("vielen Dank für Ihre Idee", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>vielen Dank für Ihre Idee.</p>", message.HtmlBody, StringComparison.Ordinal);
        Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(("sent", 1L, (string?)null), await app.OutboxRowAsync("buerger@example.org"));
    }

    [Fact]
    public async Task Run_ServerDown_StaysPendingAndIsDeliveredWhenServerReturns()
    {
        var port = FreePort.Next();
        var settings = new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
            ["Mail:Smtp:TimeoutSeconds"] = "5",
        };
        await using var app = await TestApp.StartAsync(settings);
        await app.EnqueueAsync(OutboxHelper.Sample());

        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);

        var (status, attempts, error) = await app.OutboxRowAsync("buerger@example.org");
        Assert.Equal("pending", status);
        Assert.Equal(0, attempts);
        Assert.NotNull(error);

        await using var smtp = await SmtpTestServer.StartAsync(port);
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);
        Assert.Empty(smtp.Received); // not due yet: the backoff holds

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);

        Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal("sent", (await app.OutboxRowAsync("buerger@example.org")).Status);
    }

    [Fact]
    public async Task Run_NoSmtpHost_WritesEmlFile()
    {
        await using var app = await TestApp.StartAsync();
        await app.EnqueueAsync(OutboxHelper.Sample());

        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(app.DataDirectory, "mail"), "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("Ihre Idee ist eingegangen", message.Subject);
        Assert.Equal("buerger@example.org", message.To.Mailboxes.Single().Address);
        Assert.NotNull(message.HtmlBody);
        Assert.Equal("sent", (await app.OutboxRowAsync("buerger@example.org")).Status);
    }

    [Fact]
    public async Task Run_Permanent5xx_MarksFailedWithReasonAndDoesNotRetry()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(smtp.Settings());
        smtp.Refuse(1, SmtpReplyCode.MailboxUnavailable);
        await app.EnqueueAsync(OutboxHelper.Sample());

        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);

        var (status, attempts, error) = await app.OutboxRowAsync("buerger@example.org");
        Assert.Equal("failed", status);
        Assert.Equal(1, attempts);
        Assert.StartsWith("550", error, StringComparison.Ordinal);
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task Run_AddressMimeCannotParse_FailsForGoodAndTheRestIsSent()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(smtp.Settings());
        await app.EnqueueAsync(OutboxHelper.Sample("max mustermann@example.org"));
        await app.EnqueueAsync(OutboxHelper.Sample("zwei@example.org"));

        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);

        var (status, attempts, error) = await app.OutboxRowAsync("max mustermann@example.org");
        Assert.Equal(("failed", 1L), (status, attempts));
        Assert.StartsWith("Invalid recipient address", error, StringComparison.Ordinal);
        Assert.Equal("zwei@example.org", Assert.Single(await smtp.WaitForAsync(1)).To.Mailboxes.Single().Address);
        Assert.Equal("sent", (await app.OutboxRowAsync("zwei@example.org")).Status);
    }

    [Fact]
    public async Task Run_Transient4xx_RetriesWithBackoffThenDeliversOnce()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(smtp.Settings());
        smtp.Refuse(2, SmtpReplyCode.Aborted);
        await app.EnqueueAsync(OutboxHelper.Sample());

        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);
        Assert.Equal(("pending", 1L), ((await app.OutboxRowAsync("buerger@example.org")).Status, (await app.OutboxRowAsync("buerger@example.org")).Attempts));
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None); // backoff: not due yet
        Assert.Equal(1, (await app.OutboxRowAsync("buerger@example.org")).Attempts);

        app.Clock.Advance(OutboxJob.Backoff(1));
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);
        app.Clock.Advance(OutboxJob.Backoff(2));
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);

        Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal(("sent", 3L), ((await app.OutboxRowAsync("buerger@example.org")).Status, (await app.OutboxRowAsync("buerger@example.org")).Attempts));
    }

    [Fact]
    public async Task Run_ConnectionDroppedMidSend_RetriesAndDeliversTheRest()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(smtp.Settings());
        smtp.DropConnection(1);
        await app.EnqueueAsync(OutboxHelper.Sample("eins@example.org"));
        await app.EnqueueAsync(OutboxHelper.Sample("zwei@example.org"));

        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);

        var row = await app.OutboxRowAsync("eins@example.org");
        Assert.True(row.Status == "sent", $"{row.Status} {row.Attempts} {row.Error}");
        var received = await smtp.WaitForAsync(2);
        Assert.Equal(["eins@example.org", "zwei@example.org"], received.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal("sent", (await app.OutboxRowAsync("eins@example.org")).Status);
        Assert.Equal("sent", (await app.OutboxRowAsync("zwei@example.org")).Status);
    }

    [Fact]
    public async Task Run_ConcurrentRuns_SendEachMessageOnce()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(smtp.Settings());
        for (var i = 0; i < 30; i++)
        {
            await app.EnqueueAsync(OutboxHelper.Sample($"person{i}@example.org"));
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => app.Get<OutboxJob>().RunAsync(CancellationToken.None))));

        var received = await smtp.WaitForAsync(30);
        await Task.Delay(200);
        Assert.Equal(30, smtp.Received.Count);
        Assert.Equal(30, received.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Enqueue_SameDedupeKeyTwice_KeepsOneMessageWithDeterministicId()
    {
        await using var app = await TestApp.StartAsync();

        Assert.True(await app.EnqueueAsync(OutboxHelper.Sample(dedupeKey: "digest:7:recipient:3")));
        Assert.False(await app.EnqueueAsync(OutboxHelper.Sample(dedupeKey: "digest:7:recipient:3")));

        var outbox = app.Get<MailOutbox>();
        Assert.Equal(outbox.MessageIdFor("digest:7:recipient:3"), outbox.MessageIdFor("digest:7:recipient:3"));
        Assert.NotEqual(outbox.MessageIdFor("digest:7:recipient:3"), outbox.MessageIdFor("digest:7:recipient:4"));
        Assert.EndsWith("@myk10.example", outbox.MessageIdFor(null), StringComparison.Ordinal);
    }
}
