using AngleSharp.Html.Parser;
using MimeKit;
using MYK10.Participation.Digests;
using MYK10.Participation.Ideas;
using MYK10.Participation.Legal;
using MYK10.Participation.Mail;
using MYK10.Participation.Moderation;
using MYK10.Participation.Participants;
using MYK10.Participation.Privacy;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Tests.Privacy;

namespace MYK10.Participation.Tests.Mail;

public sealed class MailContentTests
{
    [Fact]
    public async Task EveryMailToCitizensAndCouncils_SaysWhoSendsItAndWhy_AndLinksTheImprint()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        Assert.All(await SendOneOfEachAsync(smtp), AssertFooter);
    }

    [Fact]
    public async Task EveryShortHtmlMail_HasLanguageTitleAndOneHeading()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var mails = (await SendOneOfEachAsync(smtp)).Where(m => m.Subject?.Contains("Wochenbericht", StringComparison.Ordinal) != true).ToList();

        Assert.NotEmpty(mails);
        Assert.All(mails, mail =>
        {
            var document = new HtmlParser().ParseDocument(mail.HtmlBody ?? string.Empty);
            Assert.Equal("de", document.DocumentElement.GetAttribute("lang"));
            Assert.False(string.IsNullOrWhiteSpace(document.Title), mail.Subject);
            Assert.Single(document.QuerySelectorAll("h1"));
        });
    }

    [Fact]
    public async Task AccessibilityFeedback_ForStaff_HasLanguageTitleAndOneHeading()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var settings = smtp.Settings();
        settings["Accessibility:FeedbackAddresses:0"] = "barrierefreiheit@kvmyk.de";
        await using var app = await TestApp.StartAsync(settings);
        await app.Get<AccessibilityFeedbackService>().SendAsync(new AccessibilityFeedback("Der Kontrast ist zu schwach.", "/ideen", "Erika", "erika@example.org"));

        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);

        var document = new HtmlParser().ParseDocument(Assert.Single(await smtp.WaitForAsync(1)).HtmlBody ?? string.Empty);
        Assert.Equal("de", document.DocumentElement.GetAttribute("lang"));
        Assert.False(string.IsNullOrWhiteSpace(document.Title));
        Assert.Single(document.QuerySelectorAll("h1"));
    }

    /// <summary>A sign-in link, an idea's confirmation, publication and answer (to its author and a supporter), a council digest, the phase-end notice and the moderators' reminder.</summary>
    private static async Task<IReadOnlyList<MimeMessage>> SendOneOfEachAsync(SmtpTestServer smtp)
    {
        await using var app = await TestApp.StartAsync(DigestTestData.Settings(smtp.Settings()));
        await app.Get<SignInLinkService>().RequestAsync("anmeldung@example.org", staySignedIn: false, returnUrl: null);
        var author = await app.Connections.ParticipantAsync(email: "autorin@example.org");
        var pending = (await app.Get<IdeaService>().SubmitAsync(author, new IdeaSubmission("Rufbus für Mendig", "Ein Rufbus per App würde allen helfen.", "verkehr-und-mobilitaet", "mendig", null))).IdeaId!.Value;
        var moderator = await app.ModeratorAsync();
        await app.Get<ModerationService>().PublishAsync(moderator, pending, 1, fieldId: null, municipalityId: null);
        var published = await app.PublishedIdeaAsync();
        var fan = await app.Connections.ParticipantAsync(email: "fan@example.org");
        await app.Get<ParticipantStore>().SetSupportedAnswerMailsAsync(fan, on: true);
        await app.Get<IdeaService>().SetSupportAsync(fan, published, true);
        await app.Get<ModerationService>().AnswerAsync(moderator, published, 1, "in_review", "Wir prüfen das.");
        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);
        var councilId = await app.CouncilAsync(recipients: ["rat@andernach.example.org"]);
        app.Clock.Set(DigestTestData.Monday0700.AddDays(7).AddSeconds(1));
        await app.Get<DigestRound>().RunScheduledAsync(councilId);
        await app.ConfirmedParticipantAsync("konto@example.org");
        var now = app.Clock.GetUtcNow();
        await app.Get<PhaseStore>().SetAsync(now.AddDays(-20), actor: null);
        Assert.True((await app.Get<RetentionJob>().ApplyAsync()).NoticesQueued > 0);
        await app.Get<IdeaService>().SubmitAsync(author, new IdeaSubmission("Sitzbänke am Laacher See", "Mehr Bänke für eine Pause am Ufer.", "tourismus", "mendig", null));
        Assert.Equal(1, (await app.Get<ModerationReminderJob>().ApplyAsync()).MailsQueued);

        await app.Get<OutboxJob>().RunAsync(CancellationToken.None);

        var mails = smtp.Received;
        string[] subjects = ["Ihr Anmeldelink", "Ihre Idee ist eingegangen", "Ihre Idee ist veröffentlicht", "Neue Antwort der Verwaltung zu Ihrer Idee", "Idee, die Sie unterstützen", "Wochenbericht", "wird am", "Moderation: 1 Idee zur Prüfung"];
        Assert.All(subjects, s => Assert.Contains(mails, m => m.Subject?.Contains(s, StringComparison.Ordinal) == true));
        return mails;
    }

    private static void AssertFooter(MimeMessage mail)
    {
        var text = mail.TextBody ?? string.Empty;
        var signature = text.LastIndexOf("\n-- \n", StringComparison.Ordinal);
        Assert.True(signature >= 0, $"no footer in \"{mail.Subject}\"");
        var footer = text[signature..];
        Assert.Contains("Absender: Kreisverwaltung Mayen-Koblenz, MYK10 Bürgerbeteiligung.", footer, StringComparison.Ordinal);
        Assert.Contains("Sie erhalten diese", footer, StringComparison.Ordinal);
        Assert.Contains("Impressum: https://beteiligung.example/impressum", footer, StringComparison.Ordinal);

        var document = new HtmlParser().ParseDocument(mail.HtmlBody ?? string.Empty);
        var last = document.Body!.QuerySelectorAll("p").Last();
        Assert.Contains("Absender: Kreisverwaltung Mayen-Koblenz, MYK10 Bürgerbeteiligung.", last.TextContent, StringComparison.Ordinal);
        Assert.Contains(last.QuerySelectorAll("a"), a => a.TextContent == "Impressum" && a.GetAttribute("href") == "https://beteiligung.example/impressum");
    }
}
