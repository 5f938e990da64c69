using AngleSharp.Html.Parser;
using Dapper;
using Hangfire;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Options;
using MYK10.Participation.Comments;
using MYK10.Participation.Hosting;
using MYK10.Participation.Ideas;
using MYK10.Participation.Jobs;
using MYK10.Participation.Moderation;
using MYK10.Participation.Staff;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Moderation;

public sealed class ModerationReminderTests
{
    [Fact]
    public async Task IdeasWait_EachActiveModeratorGetsOneMail_WithTheCountsTheOldestAndLinksToBothPages()
    {
        await using var app = await TestApp.StartAsync(DigestTestData.Settings());
        var anna = await app.ModeratorAsync("anna@kvmyk.de");
        var bert = await app.ModeratorAsync("bert@kvmyk.de");
        await AdminAsync(app, "admin@kvmyk.de");
        var first = app.Clock.GetUtcNow();
        await PendingIdeaAsync(app, "Rufbus für Mendig");
        app.Clock.Advance(TimeSpan.FromHours(20));
        await PendingIdeaAsync(app, "Sitzbänke am Laacher See");
        var reported = await app.PublishedIdeaAsync();
        foreach (var reporter in new[] { "melder1@example.org", "melder2@example.org" })
        {
            await app.Get<CommentService>().ReportAsync(await app.Connections.ParticipantAsync(email: reporter), ReportTarget.Idea(reported), "insult", null);
        }

        var report = await app.Get<ModerationReminderJob>().ApplyAsync();

        Assert.Equal(new ModerationReminderReport(2, 1, 2), report);
        var mails = await RemindersAsync(app);
        Assert.Equal(["anna@kvmyk.de", "bert@kvmyk.de"], mails.Select(m => m.To));
        Assert.Equal([$"moderation-reminder:{anna.Id}:2026-11-17", $"moderation-reminder:{bert.Id}:2026-11-17"], mails.Select(m => m.Key));
        var mail = mails[0];
        Assert.Equal("Moderation: 2 Ideen zur Prüfung, 1 offene Meldung", mail.Subject);
        // 16 November, 08:00 UTC is 09:00 in Berlin.
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero), first);
        Assert.Contains("2 Ideen warten auf Prüfung. Die älteste wartet seit 16.11.2026 09:00 Uhr.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Zur Warteschlange: https://beteiligung.example/moderation\n", mail.Text, StringComparison.Ordinal);
        Assert.Contains("1 gemeldeter Beitrag wartet auf eine Entscheidung.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Zu den Meldungen: https://beteiligung.example/moderation/meldungen", mail.Text, StringComparison.Ordinal);
        Assert.Contains("aktives Moderationskonto", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Administrator Ihr Konto deaktiviert", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Moderation:ReminderCron", mail.Text, StringComparison.Ordinal);

        var html = new HtmlParser().ParseDocument(mail.Html);
        Assert.Equal("de", html.DocumentElement.GetAttribute("lang"));
        Assert.Equal(mail.Subject, html.Title);
        Assert.Equal("In der Moderation wartet Arbeit", Assert.Single(html.QuerySelectorAll("h1")).TextContent);
        Assert.Contains(html.QuerySelectorAll("p"), p => p.TextContent.StartsWith("2 Ideen warten auf Prüfung. Die älteste wartet seit 16.11.2026 09:00 Uhr.", StringComparison.Ordinal));
        Assert.Equal(
            ["https://beteiligung.example/moderation", "https://beteiligung.example/moderation/meldungen", "https://beteiligung.example/impressum"],
            html.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task NothingWaits_NoMail()
    {
        await using var app = await TestApp.StartAsync(DigestTestData.Settings());
        await app.ModeratorAsync("anna@kvmyk.de");
        await AdminAsync(app, "admin@kvmyk.de");
        var published = await app.PublishedIdeaAsync();
        var moderator = await app.ModeratorAsync("bert@kvmyk.de");
        await app.Get<CommentService>().ReportAsync(await app.Connections.ParticipantAsync(), ReportTarget.Idea(published), "insult", null);
        await app.Get<ModerationService>().DismissReportsAsync(moderator, ReportTarget.Idea(published));

        var report = await app.Get<ModerationReminderJob>().ApplyAsync();

        Assert.Equal(new ModerationReminderReport(0, 0, 0), report);
        Assert.Empty(await RemindersAsync(app));
    }

    [Fact]
    public async Task OnlyReportsWait_TheModeratorsAreToldToo()
    {
        await using var app = await TestApp.StartAsync(DigestTestData.Settings());
        await app.ModeratorAsync("anna@kvmyk.de");
        var published = await app.PublishedIdeaAsync();
        await app.Get<CommentService>().ReportAsync(await app.Connections.ParticipantAsync(), ReportTarget.Idea(published), "insult", null);

        Assert.Equal(new ModerationReminderReport(0, 1, 1), await app.Get<ModerationReminderJob>().ApplyAsync());

        var mail = Assert.Single(await RemindersAsync(app));
        Assert.Equal("Moderation: 1 offene Meldung", mail.Subject);
        Assert.Contains("Keine Idee wartet auf Prüfung.", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeactivatedModerators_GetNothing_AndAdminsOnlyWhenNoModeratorIsActive()
    {
        await using var app = await TestApp.StartAsync(DigestTestData.Settings());
        var anna = await app.ModeratorAsync("anna@kvmyk.de");
        var bert = await app.ModeratorAsync("bert@kvmyk.de");
        await AdminAsync(app, "admin@kvmyk.de");
        var gone = await AdminAsync(app, "ehemals@kvmyk.de");
        var accounts = app.Get<StaffAccounts>();
        Assert.Equal(StaffChange.Done, await accounts.DeactivateAsync(bert.Id));
        Assert.Equal(StaffChange.Done, await accounts.DeactivateAsync(gone));
        await PendingIdeaAsync(app, "Rufbus für Mendig");
        var job = app.Get<ModerationReminderJob>();

        Assert.Equal(1, (await job.ApplyAsync()).MailsQueued);
        Assert.Equal(["anna@kvmyk.de"], (await RemindersAsync(app)).Select(m => m.To));

        Assert.Equal(StaffChange.Done, await accounts.DeactivateAsync(anna.Id));
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await job.ApplyAsync()).MailsQueued);

        var mail = (await RemindersAsync(app))[^1];
        Assert.Equal("admin@kvmyk.de", mail.To);
        Assert.Contains("kein Moderationskonto aktiv", mail.Text, StringComparison.Ordinal);
        Assert.Contains("aktives Administrationskonto", mail.Text, StringComparison.Ordinal);
        Assert.Contains("geht sie wieder nur an die Moderation", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondRunTheSameDay_QueuesNothing_TheNextBerlinDayAgain()
    {
        await using var app = await TestApp.StartAsync(DigestTestData.Settings());
        await app.ModeratorAsync("anna@kvmyk.de");
        await PendingIdeaAsync(app, "Rufbus für Mendig");
        var job = app.Get<ModerationReminderJob>();
        app.Clock.Set(new DateTimeOffset(2026, 11, 17, 7, 0, 0, TimeSpan.Zero));

        Assert.Equal(1, (await job.ApplyAsync()).MailsQueued);
        app.Clock.Set(new DateTimeOffset(2026, 11, 17, 22, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, (await job.ApplyAsync()).MailsQueued);
        // 23:00 UTC is midnight in Berlin: a new day there.
        app.Clock.Set(new DateTimeOffset(2026, 11, 17, 23, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, (await job.ApplyAsync()).MailsQueued);

        Assert.Equal(2, (await RemindersAsync(app)).Count);
    }

    [Fact]
    public async Task PublicHoliday_NothingIsSent_TheNextWorkingDayCountsWhatWaits()
    {
        await using var app = await TestApp.StartAsync(DigestTestData.Settings());
        await app.ModeratorAsync("anna@kvmyk.de");
        await PendingIdeaAsync(app, "Rufbus für Mendig");
        var job = app.Get<ModerationReminderJob>();

        // Friday, 25 December 2026, 08:00 in Berlin.
        app.Clock.Set(new DateTimeOffset(2026, 12, 25, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(new ModerationReminderReport(0, 0, 0, "1. Weihnachtsfeiertag"), await job.ApplyAsync());
        Assert.Empty(await RemindersAsync(app));

        // Monday, 28 December.
        app.Clock.Set(new DateTimeOffset(2026, 12, 28, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(new ModerationReminderReport(1, 0, 1), await job.ApplyAsync());
    }

    [Fact]
    public async Task RecurringJob_IsRegisteredOnWorkingDayMornings_AnotherScheduleReplacesIt_AnEmptySettingRemovesIt()
    {
        using var jobsDirectory = new TempDirectory();
        var storage = new SQLiteStorage(jobsDirectory.File("jobs.db"), new SQLiteStorageOptions());
        var manager = new RecurringJobManager(storage);

        await using (var app = await TestApp.StartAsync())
        {
            RecurringJobs.Register(manager, app.Get<IOptions<ModerationReminderOptions>>().Value);
        }

        var job = ReminderJob(storage);
        Assert.Equal("0 8 * * 1-5", job?.Cron);
        Assert.Equal("Europe/Berlin", job?.TimeZoneId);

        await using (var app = await TestApp.StartAsync(new() { ["Moderation:ReminderCron"] = "30 7 * * 1-5" }))
        {
            RecurringJobs.Register(manager, app.Get<IOptions<ModerationReminderOptions>>().Value);
        }

        Assert.Equal("30 7 * * 1-5", ReminderJob(storage)?.Cron);

        await using (var app = await TestApp.StartAsync(new() { ["Moderation:ReminderCron"] = "" }))
        {
            RecurringJobs.Register(manager, app.Get<IOptions<ModerationReminderOptions>>().Value);
        }

        Assert.Null(ReminderJob(storage));
        using var connection = storage.GetConnection();
        Assert.Contains(connection.GetRecurringJobs(), j => j.Id == RecurringJobs.Retention);
    }

    [Fact]
    public async Task AScheduleThatIsNoCronExpression_StopsStartUpWithAMessageNamingTheSetting()
    {
        using var jobsDirectory = new TempDirectory();
        var manager = new RecurringJobManager(new SQLiteStorage(jobsDirectory.File("jobs.db"), new SQLiteStorageOptions()));
        await using var app = await TestApp.StartAsync(new() { ["Moderation:ReminderCron"] = "jeden Morgen" });

        var error = Assert.Throws<SettingException>(() => RecurringJobs.Register(manager, app.Get<IOptions<ModerationReminderOptions>>().Value));

        Assert.StartsWith("Moderation:ReminderCron 'jeden Morgen' is not a cron expression", error.Message, StringComparison.Ordinal);
    }

    private static RecurringJobDto? ReminderJob(JobStorage storage)
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().SingleOrDefault(j => j.Id == RecurringJobs.ModerationReminder);
    }

    private static async Task<long> AdminAsync(TestApp app, string email) =>
        (await app.Get<StaffService>().AddAsync(email, StaffRole.Admin, "Verwaltung-Passwort-2026")).Id!.Value;

    private static async Task PendingIdeaAsync(TestApp app, string title)
    {
        var author = await app.Connections.ParticipantAsync();
        var result = await app.Get<IdeaService>().SubmitAsync(author, new IdeaSubmission(title, "Das würde vielen Menschen im Kreis helfen.", "verkehr-und-mobilitaet", "mendig", null));
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
    }

    private static async Task<IReadOnlyList<Reminder>> RemindersAsync(TestApp app)
    {
        await using var connection = await app.Connections.OpenAsync();
        return (await connection.QueryAsync<Reminder>("""
            SELECT to_address AS "To", dedupe_key AS "Key", subject AS Subject, text_body AS Text, html_body AS Html
            FROM mail_outbox WHERE dedupe_key LIKE 'moderation-reminder:%' ORDER BY id
            """)).AsList();
    }

    private sealed record Reminder(string To, string Key, string Subject, string Text, string Html);
}
