using System.Net;
using Dapper;
using MYK10.Participation.Ballots;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;
using MYK10.Participation.Staff;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Tests.Ballots;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Security;

public sealed class AbuseProtectionTests
{
    [Fact]
    public async Task SignInForm_WithTheHoneypotFilled_LooksSuccessfulButSendsNothing()
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" });
        var client = site.CreateBrowserLikeClient();
        var form = await client.GetDocumentAsync("/konto/anmelden");
        Assert.NotNull(form.QuerySelector("main form .hp-field input[name=Homepage]"));

        using var bot = await client.PostFormAsync("/konto/anmelden", new() { ["Input.Email"] = "bot@example.org", ["Homepage"] = "http://spam.example" });
        using var person = await client.PostFormAsync("/konto/anmelden", new() { ["Input.Email"] = "mensch@example.org" });

        Assert.Equal(HttpStatusCode.Redirect, bot.StatusCode);
        Assert.Equal("/konto/link-gesendet", bot.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, person.StatusCode);
        await using var connection = await site.Get<IDbConnectionFactory>().OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM participants WHERE email = 'bot@example.org'"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM participants WHERE email = 'mensch@example.org'"));
    }

    [Fact]
    public async Task IdeaCommentAndReportForms_WithTheHoneypotFilled_LookSuccessfulButStoreNothing()
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" });
        var (client, participantId) = await site.ParticipantClientAsync();
        var connections = site.Get<IDbConnectionFactory>();
        var submitted = await site.Get<IdeaService>().SubmitAsync(participantId, new IdeaSubmission("Sitzbänke am Rhein", "Mehr Bänke am Rheinufer zum Ausruhen.", "verkehr-und-mobilitaet", "andernach", null));
        await connections.PublishAsync(submitted.IdeaId!.Value);
        var detail = $"/ideen/{submitted.IdeaId}";
        Assert.NotNull((await client.GetDocumentAsync("/ideen/neu")).QuerySelector("main form .hp-field input[name=Homepage]"));
        Assert.NotNull((await client.GetDocumentAsync(detail)).QuerySelector("#kommentieren .hp-field input[name=Homepage]"));
        Assert.NotNull((await client.GetDocumentAsync($"{detail}/melden")).QuerySelector("main form .hp-field input[name=Homepage]"));

        using var idea = await client.PostFormAsync("/ideen/neu", new()
        {
            ["Input.Title"] = "Billige Uhren kaufen",
            ["Input.Body"] = "Besuchen Sie unseren Laden für billige Uhren.",
            ["Input.FieldId"] = "bildung",
            ["Input.MunicipalityId"] = "mendig",
            ["Homepage"] = "http://spam.example",
        });
        using var comment = await client.PostFormAsync(detail, new() { ["Input.Comment"] = "Billige Uhren hier!", ["Homepage"] = "http://spam.example" }, "#kommentieren");
        using var report = await client.PostFormAsync($"{detail}/melden", new() { ["Input.Reason"] = "spam", ["Homepage"] = "http://spam.example" });

        Assert.All([idea, comment, report], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await using var connection = await connections.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM ideas WHERE title LIKE '%Uhren%'"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM idea_comments"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM reports"));

        using var person = await client.PostFormAsync(detail, new() { ["Input.Comment"] = "Gute Idee, ich unterstütze das." }, "#kommentieren");
        Assert.Equal(HttpStatusCode.Redirect, person.StatusCode);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM idea_comments"));
    }

    [Fact]
    public async Task Ballots_AboveTheConfiguredLimit_AreRefusedWithAGermanMessage_AndTheBallotStays()
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false", ["RateLimits:Ballot:PermitLimit"] = "2" });
        var vote = await site.OpenVoteAsync(VoteMethod.Approval);
        var (client, participantId) = await site.ParticipantClientAsync();
        async Task<HttpResponseMessage> ChooseAsync(int position)
        {
            var document = await client.GetDocumentAsync($"/abstimmungen/{vote.Id}");
            var fields = new Dictionary<string, string>();
            foreach (var input in document.QuerySelectorAll("input[type=hidden][name$='.OptionId']").OfType<AngleSharp.Html.Dom.IHtmlInputElement>())
            {
                if (input.Value == vote.OptionId(position).ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    fields[$"{input.Name![..^".OptionId".Length]}.Selected"] = "true";
                }
            }

            return await client.PostFormAsync($"/abstimmungen/{vote.Id}", fields);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await ChooseAsync(1)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ChooseAsync(2)).StatusCode);
        using var refused = await ChooseAsync(3);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("sehr oft abgestimmt", (await refused.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var stored = (await site.Get<BallotBox>().FindAsync(vote.Id, participantId))!;
        Assert.Equal([vote.OptionId(1), vote.OptionId(2)], stored.Choices.Select(c => c.OptionId).Order()); // the form keeps earlier marks
    }

    [Fact]
    public async Task OversizedBody_IsRefusedWith413()
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false", ["Limits:MaxRequestBodyBytes"] = "10000" });
        var client = site.CreateBrowserLikeClient();

        using var small = await client.PostFormAsync("/konto/anmelden", new() { ["Input.Email"] = "klein@example.org" });
        using var large = await client.PostFormAsync("/konto/anmelden", new() { ["Input.Email"] = "gross@example.org", ["Input.Filler"] = new string('x', 20_000) });

        Assert.Equal(HttpStatusCode.Redirect, small.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal("Anfrage zu groß", (await large.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Writes_AboveTheConfiguredLimit_GetA429WithAGermanPage()
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false", ["RateLimits:Writes:PermitLimit"] = "3", ["RateLimits:Writes:Window"] = "00:10:00" });
        var client = site.CreateBrowserLikeClient();

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.PostFormAsync("/konto/anmelden", new() { ["Input.Email"] = $"p{i}@example.org" });
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }

        using var refused = await client.PostFormAsync("/konto/anmelden", new() { ["Input.Email"] = "p9@example.org" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("Zu viele Anfragen", (await refused.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/konto/anmelden")).StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BehindAKnownProxy_TheLimitCountsEachVisitor_AndCookiesAreSecure_OtherwiseTheHeadersAreIgnored(bool proxyConfigured)
    {
        var settings = new Dictionary<string, string?> { ["Jobs:Server"] = "false", ["RateLimits:Writes:PermitLimit"] = "2", ["RateLimits:Writes:Window"] = "00:10:00" };
        if (proxyConfigured)
        {
            settings[$"{MYK10.Participation.Web.Hosting.ProxyHeaders.Section}:0"] = "127.0.0.1";
        }

        await using var site = new SiteFactory(settings).UseRealServer();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = site.ServerAddress };
        async Task<HttpResponseMessage> SwitchLanguageAsync(string visitor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/sprache")
            {
                Content = new FormUrlEncodedContent([new("Input.Culture", "de"), new("Input.ReturnUrl", "/")]),
            };
            request.Headers.Add("X-Forwarded-For", visitor);
            request.Headers.Add("X-Forwarded-Proto", "https");
            return await client.SendAsync(request);
        }

        using var first = await SwitchLanguageAsync("203.0.113.1");
        (await SwitchLanguageAsync("203.0.113.1")).Dispose();
        using var third = await SwitchLanguageAsync("203.0.113.1");
        using var other = await SwitchLanguageAsync("203.0.113.2");

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests), (first.StatusCode, third.StatusCode));
        Assert.Equal(proxyConfigured ? HttpStatusCode.Redirect : HttpStatusCode.TooManyRequests, other.StatusCode);
        Assert.Equal(proxyConfigured, first.Headers.GetValues("Set-Cookie").Single().Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task StaffSignIn_IsRateLimitedPerAddress()
    {
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false", ["RateLimits:StaffSignIn:PermitLimit"] = "2", ["Staff:MaxFailedAttempts"] = "100" });
        var email = await site.CreateStaffAsync(StaffRole.Moderator);
        var client = site.CreateBrowserLikeClient();

        for (var i = 0; i < 2; i++)
        {
            using var wrong = await client.PostFormAsync("/staff/anmelden", new() { ["Input.Email"] = email, ["Input.Password"] = "falsch-falsch-falsch" });
            Assert.DoesNotContain("Zu viele Anmeldeversuche", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var limited = await client.PostFormAsync("/staff/anmelden", new() { ["Input.Email"] = email, ["Input.Password"] = TestPasswords.Staff });
        Assert.Equal(HttpStatusCode.OK, limited.StatusCode);
        Assert.Contains("Zu viele Anmeldeversuche", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffWithSecondFactor_NeedsTheCurrentCodeAfterThePassword()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" }) { Clock = clock };
        var (email, secret) = await AdminWithSecondFactorAsync(site);
        var twoFactor = site.Get<TwoFactorService>();

        clock.Advance(TimeSpan.FromMinutes(1));
        var client = site.CreateBrowserLikeClient();
        using var password = await client.PostFormAsync("/staff/anmelden", new() { ["Input.Email"] = email, ["Input.Password"] = TestPasswords.Staff });
        Assert.Equal(HttpStatusCode.OK, password.StatusCode);
        var codeForm = await password.ReadDocumentAsync();
        var ticket = codeForm.QuerySelector("input[name='Input.Ticket']")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff")).StatusCode);

        // Each step submits the form of the page the last one answered with, as a browser does.
        using var wrong = await client.SubmitFormAsync(codeForm, "/staff/anmelden", new() { ["Input.Code"] = "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var retry = await wrong.ReadDocumentAsync();
        Assert.Equal("true", retry.QuerySelector("#Input_Code")!.GetAttribute("aria-invalid"));

        using var right = await client.SubmitFormAsync(retry, "/staff/anmelden/code", new() { ["Input.Code"] = twoFactor.CurrentCode(secret) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff")).StatusCode);

        clock.Advance(TwoFactorTicketValidity() + TimeSpan.FromSeconds(1));
        var late = site.CreateBrowserLikeClient();
        using var expired = await late.PostWithTokenAsync("/staff/anmelden", "/staff/anmelden/code", new() { ["Input.Ticket"] = ticket, ["Input.Code"] = twoFactor.CurrentCode(secret) });
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await late.GetAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task StaffSecondFactor_AnnouncesItsTimeLimit_AndTheSignInPageSaysWhenItRanOut()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" }) { Clock = clock };
        var (email, secret) = await AdminWithSecondFactorAsync(site);
        var client = site.CreateBrowserLikeClient();
        using var password = await client.PostFormAsync("/staff/anmelden", new() { ["Input.Email"] = email, ["Input.Password"] = TestPasswords.Staff });
        var codeForm = await password.ReadDocumentAsync();

        clock.Advance(TwoFactorTicketValidity() + TimeSpan.FromSeconds(1));
        using var late = await client.SubmitFormAsync(codeForm, "/staff/anmelden", new() { ["Input.Code"] = site.Get<TwoFactorService>().CurrentCode(secret) });
        var signIn = await client.GetDocumentAsync(late.Headers.Location!.OriginalString);

        Assert.Contains("innerhalb von 5 Minuten", codeForm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Equal("Die 5 Minuten für die Eingabe des Codes sind abgelaufen. Bitte melden Sie sich noch einmal mit Ihrem Passwort an.",
            signIn.QuerySelector("main .notice[role=status]")!.TextContent.Trim());
        Assert.NotNull(signIn.QuerySelector("main input[name='Input.Password']"));
    }

    [Fact]
    public async Task StaffSession_ItsIdleLimitIsAnnounced_AndTheSignInPageSaysWhenItEnded()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var site = new SiteFactory(new() { ["Jobs:Server"] = "false" }) { Clock = clock };
        var moderator = await site.StaffClientAsync(StaffRole.Moderator);
        var signIn = await site.CreateBrowserLikeClient().GetDocumentAsync("/staff/anmelden");

        clock.Advance(TimeSpan.FromMinutes(31));
        using var expired = await moderator.GetAsync("/moderation");
        var back = await moderator.GetDocumentAsync(expired.Headers.Location!.OriginalString);

        Assert.Contains("Nach 30 Minuten ohne Aktivität melden wir Sie aus Sicherheitsgründen ab", signIn.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(signIn.QuerySelector("main .notice"));
        Assert.Equal("/staff/anmelden", expired.Headers.Location!.AbsolutePath);
        Assert.Equal("Sie wurden nach 30 Minuten ohne Aktivität abgemeldet. Bitte melden Sie sich erneut an.", back.QuerySelector("main .notice[role=status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task StaffAddCommand_RefusesACommonPassword()
    {
        using var directory = new TempDirectory();
        var error = new StringWriter();
        var exit = await MYK10.Participation.Web.Cli.CommandLine.RunAsync(
            ["staff", "add", "--email", "admin@kvmyk.de", "--role", "admin"], new StringReader("Passwort123456\n"), new StringWriter(), error,
            new Dictionary<string, string?> { ["ConnectionStrings:Participation"] = $"Data Source={directory.File("participation.db")}" });

        Assert.NotEqual(0, exit);
        Assert.Contains("too easy to guess", error.ToString(), StringComparison.Ordinal);
    }

    private static TimeSpan TwoFactorTicketValidity() => MYK10.Participation.Web.Hosting.TwoFactorTicket.Validity;

    /// <summary>An admin who has turned on the second factor through its page: address and authenticator secret.</summary>
    private static async Task<(string Email, string Secret)> AdminWithSecondFactorAsync(SiteFactory site)
    {
        var admin = await site.StaffClientAsync(StaffRole.Admin);
        var enrol = await admin.GetDocumentAsync("/staff/zwei-faktor");
        var secret = enrol.QuerySelector("code.secret")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.StartsWith("otpauth://totp/", enrol.QuerySelector("main a[href^='otpauth:']")!.GetAttribute("href"), StringComparison.Ordinal);
        using var enabled = await admin.PostFormAsync("/staff/zwei-faktor", new() { ["Input.Code"] = site.Get<TwoFactorService>().CurrentCode(secret) });
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        return (await EmailOfAsync(site, secret), secret);
    }

    private static async Task<string> EmailOfAsync(SiteFactory site, string secret)
    {
        await using var connection = await site.Get<IDbConnectionFactory>().OpenAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT email FROM staff WHERE totp_secret = @Secret", new { Secret = secret }) ?? throw new InvalidOperationException();
    }
}
