using System.Diagnostics;
using AngleSharp.Html.Parser;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using MYK10.Participation.Ideas;
using MYK10.Participation.Mail;
using MYK10.Participation.Moderation;
using MYK10.Participation.Participants;
using MYK10.Participation.Privacy;
using MYK10.Participation.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MYK10.Participation.Tests.Moderation;

public sealed class SupporterAnswerMailTests(ITestOutputHelper output)
{
    private const string SupporterSubject = "Neue Antwort der Verwaltung zu einer Idee, die Sie unterstützen";
    private const string AuthorSubject = "Neue Antwort der Verwaltung zu Ihrer Idee";

    [Fact]
    public async Task Answer_MailsSupportersUnlessTheySwitchedItOff_OncePerAnswerVersion_AndNobodyElse()
    {
        await using var app = await TestApp.StartAsync();
        var moderator = await app.ModeratorAsync();
        var author = await SupporterAsync(app, "autorin@example.org", on: true);
        var idea = await app.PublishedIdeaAsync(authorId: author);
        // A merge can leave the author among the supporters of their own idea: they still get only the author's mail.
        await using (var connection = await app.Connections.OpenAsync())
        {
            await connection.ExecuteAsync("INSERT INTO idea_supports (idea_id, participant_id, created_at) VALUES (@Idea, @Author, '2026-11-02T00:00:00.0000000Z')", new { Idea = idea, Author = author });
        }

        foreach (var (email, on) in new[] { ("an1@example.org", true), ("an2@example.org", true), ("aus@example.org", false) })
        {
            await app.Get<IdeaService>().SetSupportAsync(await SupporterAsync(app, email, on), idea, true);
        }

        // A participant who never touched the setting hears of the answer: it is on unless switched off.
        await app.Get<IdeaService>().SetSupportAsync(await app.Connections.ParticipantAsync(email: "vorgabe@example.org"), idea, true);
        var unconfirmed = await SupporterAsync(app, "unbestaetigt@example.org", on: true, confirmed: false);
        await app.Get<IdeaService>().SetSupportAsync(unconfirmed, idea, true);
        var deleted = await SupporterAsync(app, "geloescht@example.org", on: true);
        await app.Get<IdeaService>().SetSupportAsync(deleted, idea, true);
        Assert.True(await app.Get<PersonalDataService>().DeleteAccountAsync(deleted));
        var service = app.Get<ModerationService>();

        Assert.Equal(ModerationOutcome.Done, (await service.AnswerAsync(moderator, idea, 1, "in_review", "Wir prüfen das.")).Outcome);
        Assert.Equal(ModerationOutcome.AlreadyDone, (await service.AnswerAsync(moderator, idea, 1, "in_review", "Wir prüfen das.")).Outcome);

        Assert.Equal(
            [("an1@example.org", SupporterSubject), ("an2@example.org", SupporterSubject), ("autorin@example.org", AuthorSubject), ("vorgabe@example.org", SupporterSubject)],
            await QueuedAsync(app));

        Assert.Equal(ModerationOutcome.Done, (await service.AnswerAsync(moderator, idea, 2, "adopted", "Die Idee ist Teil der Strategie.")).Outcome);

        var queued = await QueuedAsync(app);
        Assert.Equal(2, queued.Count(q => q == ("an1@example.org", SupporterSubject)));
        Assert.Equal(2, queued.Count(q => q == ("an2@example.org", SupporterSubject)));
        Assert.Equal(2, queued.Count(q => q == ("autorin@example.org", AuthorSubject)));
        Assert.Equal(2, queued.Count(q => q == ("vorgabe@example.org", SupporterSubject)));
        Assert.Equal(8, queued.Count);
    }

    [Fact]
    public async Task SupporterMail_OfOneAnswerVersion_EntersTheOutboxOnce()
    {
        await using var app = await TestApp.StartAsync();
        OutgoingMail Mail(long version) => ModerationMails.AnsweredToSupporter("an@example.org", 7, 3, version, "Rufbus", "in_review", "Wir prüfen das.", [], "https://beteiligung.example/ideen/3", "https://beteiligung.example/konto#benachrichtigungen", "https://beteiligung.example/impressum");

        Assert.True(await app.EnqueueAsync(Mail(2)));
        Assert.False(await app.EnqueueAsync(Mail(2)));
        Assert.True(await app.EnqueueAsync(Mail(3)));
    }

    [Fact]
    public async Task SupporterMail_NamesIdeaStatusAnswerAndLinks_InTextAndEncodedHtml()
    {
        await using var app = await TestApp.StartAsync(new() { ["Site:BaseUrl"] = "https://beteiligung.example" });
        var moderator = await app.ModeratorAsync();
        var idea = await app.PublishedIdeaAsync(title: "Rad & Bahn <b>Mendig</b>");
        await app.Get<IdeaService>().SetSupportAsync(await SupporterAsync(app, "an@example.org", on: true), idea, true);

        await app.Get<ModerationService>().AnswerAsync(moderator, idea, 1, "not_feasible", "Leider nicht <i>machbar</i> & zu teuer.");

        await using var connection = await app.Connections.OpenAsync();
        var (text, html) = await connection.QuerySingleAsync<(string, string)>(
            "SELECT text_body, html_body FROM mail_outbox WHERE to_address = 'an@example.org'");
        Assert.Contains("„Rad & Bahn <b>Mendig</b>“", text, StringComparison.Ordinal);
        Assert.Contains("Neuer Stand: nicht umsetzbar", text, StringComparison.Ordinal);
        Assert.Contains("Leider nicht <i>machbar</i> & zu teuer.", text, StringComparison.Ordinal);
        Assert.Contains($"https://beteiligung.example/ideen/{idea}", text, StringComparison.Ordinal);
        Assert.Contains("jederzeit ausschalten: https://beteiligung.example/konto#benachrichtigungen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        var document = new HtmlParser().ParseDocument(html);
        Assert.Contains(document.QuerySelectorAll("p"), p => p.TextContent.Contains("„Rad & Bahn <b>Mendig</b>“", StringComparison.Ordinal));
        Assert.Contains(document.QuerySelectorAll("p"), p => p.TextContent == "Leider nicht <i>machbar</i> & zu teuer.");
        Assert.Contains(document.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"https://beteiligung.example/ideen/{idea}");
        Assert.Contains(document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://beteiligung.example/konto#benachrichtigungen" && a.TextContent == "Benachrichtigungen ausschalten");
    }

    [Fact]
    public async Task Answer_WithThousandsOfSupporters_QueuesOneMailEach_AndSignalsTheOutboxOnce()
    {
        var signal = new CountingSignal();
        await using var app = await TestApp.StartAsync(configure: services => services.AddSingleton<IOutboxSignal>(signal));
        var moderator = await app.ModeratorAsync();
        var idea = await app.PublishedIdeaAsync();
        const int supporters = 3000;
        await using (var connection = await app.Connections.OpenAsync())
        await using (var transaction = connection.BeginTransaction())
        {
            // Every third supporter has the mail off.
            await connection.ExecuteAsync("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @Count)
                INSERT INTO participants (email, email_confirmed_at, created_at, supported_answer_mails)
                SELECT 'fan' || i || '@example.org', '2026-11-01T00:00:00.0000000Z', '2026-11-01T00:00:00.0000000Z', i % 3 <> 0 FROM n
                """, new { Count = supporters }, transaction);
            await connection.ExecuteAsync("""
                INSERT INTO idea_supports (idea_id, participant_id, created_at)
                SELECT @Idea, id, '2026-11-02T00:00:00.0000000Z' FROM participants WHERE email LIKE 'fan%'
                """, new { Idea = idea }, transaction);
            await connection.ExecuteAsync("UPDATE ideas SET supporters = @Count WHERE id = @Idea", new { Idea = idea, Count = supporters }, transaction);
            await transaction.CommitAsync();
        }

        var signalsBefore = signal.Count;
        var watch = Stopwatch.StartNew();
        Assert.Equal(ModerationOutcome.Done, (await app.Get<ModerationService>().AnswerAsync(moderator, idea, 1, "implemented", "Ist umgesetzt.")).Outcome);
        output.WriteLine($"answer with {supporters} supporters: {watch.ElapsedMilliseconds} ms");

        var queued = await QueuedAsync(app);
        Assert.Equal(supporters - (supporters / 3), queued.Count(q => q.Subject == SupporterSubject));
        Assert.Equal(queued.Count, queued.Distinct().Count());
        Assert.Equal(signalsBefore + 1, signal.Count);
    }

    private static async Task<long> SupporterAsync(TestApp app, string email, bool on, bool confirmed = true)
    {
        var id = await app.Connections.ParticipantAsync(email: email);
        await using var connection = await app.Connections.OpenAsync();
        await connection.ExecuteAsync(
            "UPDATE participants SET supported_answer_mails = @On, email_confirmed_at = CASE WHEN @Confirmed THEN email_confirmed_at END WHERE id = @Id",
            new { Id = id, On = on ? 1 : 0, Confirmed = confirmed });
        return id;
    }

    private static async Task<List<(string To, string Subject)>> QueuedAsync(TestApp app)
    {
        await using var connection = await app.Connections.OpenAsync();
        return (await connection.QueryAsync<(string, string)>(
            "SELECT to_address, subject FROM mail_outbox WHERE subject LIKE 'Neue Antwort%' ORDER BY to_address, id")).ToList();
    }

    private sealed class CountingSignal : IOutboxSignal
    {
        public int Count { get; private set; }

        public void MailQueued() => Count++;
    }
}
