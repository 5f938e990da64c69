using System.Text.RegularExpressions;
using MYK10.Participation.Digests;
using MYK10.Participation.Mail;
using MYK10.Participation.Participants;
using MYK10.Participation.Tests.Infrastructure;
using SmtpServer.Protocol;

namespace MYK10.Participation.Tests.Mail;

/// <summary>Links with secret tokens leave the database with the mail: sent or failed rows keep no body and no headers.</summary>
public sealed partial class OutboxForgetsLinksTests
{
    [Fact]
    public async Task SignInMail_AfterSending_NoOutboxRowHoldsTheToken()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(DigestTestData.Settings(smtp.Settings()));

        var token = await app.Get<SignInLinkService>().RequestAsync("erika@example.org", staySignedIn: false, returnUrl: null);
        Assert.Equal(1L, await RowsHoldingAsync(app, token));
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);

        var message = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Contains($"/konto/link/{token}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/konto/link/{token}", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(0L, await RowsHoldingAsync(app, token));
        Assert.Equal("sent", (await app.OutboxRowAsync("erika@example.org")).Status);
    }

    [Fact]
    public async Task DigestMail_AfterSending_NoOutboxRowHoldsTheUnsubscribeToken()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(DigestTestData.Settings(smtp.Settings()));
        var councilId = await app.CouncilAsync(recipients: ["rat@andernach.example.org"]);
        app.Clock.Set(DigestTestData.Monday0700.AddDays(7).AddSeconds(1));

        await app.Get<DigestRound>().RunScheduledAsync(councilId);
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);

        var message = Assert.Single(await smtp.WaitForAsync(1));
        var token = UnsubscribeToken().Match(message.Headers["List-Unsubscribe"] ?? string.Empty).Groups[1].Value;
        Assert.NotEmpty(token);
        Assert.Contains(token, message.TextBody, StringComparison.Ordinal);
        Assert.Equal(0L, await RowsHoldingAsync(app, token));
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM mail_outbox WHERE status = 'sent' AND subject <> ''"));
    }

    [Fact]
    public async Task SignInMail_RefusedForGood_NoOutboxRowHoldsTheToken()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(DigestTestData.Settings(smtp.Settings()));
        smtp.Refuse(1, SmtpReplyCode.MailboxUnavailable);

        var token = await SignInMailSentOnceAsync(app, "niemand@example.org");

        Assert.Equal("failed", (await app.OutboxRowAsync("niemand@example.org")).Status);
        Assert.Equal(0L, await RowsHoldingAsync(app, token));
    }

    [Fact]
    public async Task SignInMail_RefusedForNow_KeepsItsBodyForTheRetry()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(DigestTestData.Settings(smtp.Settings()));
        smtp.Refuse(1, SmtpReplyCode.Aborted);

        var token = await SignInMailSentOnceAsync(app, "spaeter@example.org");
        Assert.Equal("pending", (await app.OutboxRowAsync("spaeter@example.org")).Status);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);

        var message = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Contains($"/konto/link/{token}", message.TextBody, StringComparison.Ordinal);
        Assert.Equal(0L, await RowsHoldingAsync(app, token));
    }

    private static async Task<string> SignInMailSentOnceAsync(TestApp app, string email)
    {
        var token = await app.Get<SignInLinkService>().RequestAsync(email, staySignedIn: false, returnUrl: null);
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);
        return token;
    }

    private static Task<long> RowsHoldingAsync(TestApp app, string token) => app.ScalarAsync<long>(
        """
        SELECT count(*) FROM mail_outbox
        WHERE instr(text_body, @Token) > 0 OR instr(coalesce(html_body, ''), @Token) > 0 OR instr(coalesce(headers_json, ''), @Token) > 0
        """, new { Token = token });

    [GeneratedRegex("/gremien/abmelden/([A-Za-z0-9_-]+)")]
    private static partial Regex UnsubscribeToken();
}
