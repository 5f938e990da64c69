using AngleSharp.Html.Parser;
using Dapper;
using MYK10.Participation.Ballots;
using MYK10.Participation.Digests;
using MYK10.Participation.Ideas;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Comments;

namespace MYK10.Participation.Tests.Digests;

public sealed class DigestContentTests
{
    private static readonly DateTimeOffset Start = DigestTestData.Monday0700;

    [Fact]
    public async Task ScheduledDigest_FromSeededDatabase_HasExactlyTheRightItems_GoldenText()
    {
        await using var app = await TestApp.StartAsync(DigestTestData.Settings());
        var councilId = await SeedAsync(app);

        app.Clock.Set(Start.AddDays(7).AddSeconds(30));
        var result = await app.Get<DigestRound>().RunScheduledAsync(councilId);

        Assert.Equal(DigestRoundOutcome.Sent, result.Outcome);
        var digest = (await app.Get<CouncilStore>().DigestsAsync(councilId)).Single();
        Assert.Equal("MYK10 Bürgerbeteiligung – Wochenbericht für Andernach, 16.–22. November 2026", digest.Subject);
        Assert.Equal(Golden, digest.TextBody.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task HtmlPart_IsAnAccessibleGermanDocument_TablesWithHeaders_NoRemoteContent()
    {
        await using var app = await TestApp.StartAsync(DigestTestData.Settings());
        var councilId = await SeedAsync(app);
        app.Clock.Set(Start.AddDays(7).AddSeconds(30));
        await app.Get<DigestRound>().RunScheduledAsync(councilId);
        var html = await app.ScalarAsync<string>("SELECT html_body FROM mail_outbox WHERE to_address = 'rat@andernach.example.org'");

        var document = new HtmlParser().ParseDocument(html);

        Assert.Equal("de", document.DocumentElement.GetAttribute("lang"));
        Assert.False(string.IsNullOrWhiteSpace(document.Title));
        Assert.Single(document.QuerySelectorAll("h1"));
        Assert.NotNull(document.QuerySelector("[role=main]"));
        var tables = document.QuerySelectorAll("table");
        Assert.Equal(3, tables.Length); // most supported, participation figures, moderation
        foreach (var table in tables)
        {
            Assert.False(string.IsNullOrWhiteSpace(table.QuerySelector("caption")?.TextContent), "every table has a caption");
            var columnHeaders = table.QuerySelectorAll("thead th");
            Assert.NotEmpty(columnHeaders);
            Assert.All(columnHeaders, th => Assert.Equal("col", th.GetAttribute("scope")));
            Assert.All(table.QuerySelectorAll("tbody tr"), row => Assert.Equal("row", row.QuerySelector("th")?.GetAttribute("scope")));
        }

        Assert.All(document.QuerySelectorAll("img"), img => Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("alt"))));
        Assert.All(document.QuerySelectorAll("[src]"), e => Assert.StartsWith("data:", e.GetAttribute("src"), StringComparison.Ordinal));
        Assert.Empty(document.QuerySelectorAll("link, script, style"));
        Assert.All(document.QuerySelectorAll("a"), a => Assert.False(string.IsNullOrWhiteSpace(a.TextContent), "links have text"));
        Assert.Contains(document.QuerySelectorAll("a"), a => a.TextContent == "Bericht abbestellen");
        var headings = document.QuerySelectorAll("h1, h2, h3").Select(h => int.Parse(h.TagName[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(headings.Zip(headings.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, "no skipped heading level"));
    }

    [Theory]
    [InlineData("2026-11-16T06:00:00Z", "2026-11-23T06:00:00Z", "16.–22. November 2026", "Wochenbericht")]
    [InlineData("2026-11-30T06:00:00Z", "2026-12-07T06:00:00Z", "30. November – 6. Dezember 2026", "Wochenbericht")]
    [InlineData("2026-12-28T06:00:00Z", "2027-01-04T06:00:00Z", "28. Dezember 2026 – 3. Januar 2027", "Wochenbericht")]
    [InlineData("2026-10-26T06:00:00Z", "2026-11-02T06:00:00Z", "26. Oktober – 1. November 2026", "Wochenbericht")]
    [InlineData("2026-11-01T06:00:00Z", "2026-12-01T06:00:00Z", "1.–30. November 2026", "Monatsbericht")]
    [InlineData("2026-11-25T06:00:00Z", "2026-11-26T06:00:00Z", "25. November 2026", "Tagesbericht")]
    [InlineData("2026-11-23T06:00:00Z", "2026-11-26T14:00:00Z", "23.–26. November 2026", "Bericht")]
    public void Subject_NamesTheReportedDays_InGerman(string start, string end, string days, string kind)
    {
        var period = new DigestPeriod(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(days, DigestFormat.DayRange(period));
        Assert.Equal(kind, DigestFormat.ReportKind(period));
    }

    [Fact]
    public void LatestOccurrence_WeeklyMondaySeven_IsInBerlinTime_AcrossDaylightSaving()
    {
        // Summer: 07:00 CEST is 05:00 UTC; winter: 07:00 CET is 06:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 10, 19, 5, 0, 0, TimeSpan.Zero), DigestRound.LatestOccurrence(Council.DefaultCron, new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero), DigestRound.LatestOccurrence(Council.DefaultCron, new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 6, 0, 0, TimeSpan.Zero), DigestRound.LatestOccurrence(Council.DefaultCron, new DateTimeOffset(2026, 11, 23, 5, 59, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task EmptyPeriod_SendsShortNoNewContributionsDigest()
    {
        await using var app = await TestApp.StartAsync(DigestTestData.Settings());
        var councilId = await app.CouncilAsync(recipients: ["rat@andernach.example.org"]);
        app.Clock.Set(Start.AddDays(7).AddMinutes(1));

        var result = await app.Get<DigestRound>().RunScheduledAsync(councilId);

        Assert.Equal(DigestRoundOutcome.Sent, result.Outcome);
        var text = await app.ScalarAsync<string>("SELECT text_body FROM mail_outbox");
        Assert.Contains("Im Berichtszeitraum gab es keine neuen Beiträge", text, StringComparison.Ordinal);
        Assert.DoesNotContain("== Neue Ideen ==", text, StringComparison.Ordinal);
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT is_empty FROM digests"));
    }

    [Fact]
    public async Task EmptyPeriod_CouncilOptedOut_StoresTheDigestButSendsNothing()
    {
        await using var app = await TestApp.StartAsync(DigestTestData.Settings());
        var councilId = await app.CouncilAsync(skipEmpty: true, recipients: ["rat@andernach.example.org"]);
        app.Clock.Set(Start.AddDays(7).AddMinutes(1));

        var result = await app.Get<DigestRound>().RunScheduledAsync(councilId);

        Assert.Equal(DigestRoundOutcome.StoredEmpty, result.Outcome);
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM mail_outbox"));
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM digests"));
    }

    [Fact]
    public async Task OneIdea_NothingWaiting_ReadsAsNaturalGerman()
    {
        await using var app = await TestApp.StartAsync(DigestTestData.Settings());
        var councilId = await app.CouncilAsync(recipients: ["rat@andernach.example.org"]);
        app.Clock.Set(Start.AddDays(1));
        await app.PublishedIdeaAsync("Sitzbänke am Rheinufer", municipality: "andernach");
        app.Clock.Set(Start.AddDays(7).AddMinutes(1));

        await app.Get<DigestRound>().RunScheduledAsync(councilId);

        var text = (await app.ScalarAsync<string>("SELECT text_body FROM digests")).ReplaceLineEndings("\n");
        Assert.Contains("== Moderation ==\n\nEs warten keine Ideen auf Prüfung.\nEs sind keine Meldungen offen.", text, StringComparison.Ordinal);
        var html = new HtmlParser().ParseDocument(await app.ScalarAsync<string>("SELECT html_body FROM digests"));
        Assert.Contains(html.QuerySelectorAll("caption"), c => c.TextContent == "Die Idee mit den meisten Unterstützer·innen in Andernach");
    }

    [Fact]
    public async Task ClosedYesNoVote_NamesWhatWasAccepted_NotTheOptionWithTheBestScore()
    {
        await using var app = await TestApp.StartAsync(DigestTestData.Settings());
        var councilId = await app.CouncilAsync(recipients: ["rat@andernach.example.org"]);
        var store = app.Get<VoteStore>();
        var draft = new VoteDraft("Glasfaser zuerst?", "Erklärung", "andernach", Start.AddDays(-7), Start.AddDays(3), VoteMethod.YesNoAbstain,
            [new OptionDraft("Glasfaser für Gewerbegebiete", "", null), new OptionDraft("Funkmasten an der B 256", "", null)]);
        var vote = (await store.FindAsync(await store.InsertAsync(draft, published: true, imported: false, Start.AddDays(-8))))!;
        app.Clock.Set(Start.AddDays(1));
        foreach (var (glasfaser, funk) in new[] { (1, -1), (-1, -1), (-1, 1) })
        {
            var voter = await app.Connections.ParticipantAsync();
            await app.ExecuteAsync("UPDATE participants SET municipality_id = 'andernach' WHERE id = @Id", new { Id = voter });
            var cast = await app.Get<BallotBox>().CastAsync(vote.Id, voter, [new BallotChoice(vote.Options[0].Id, glasfaser), new BallotChoice(vote.Options[1].Id, funk)]);
            Assert.True(cast.Succeeded);
        }

        app.Clock.Set(Start.AddDays(4));
        await app.Get<VoteTallyJob>().RunAsync(vote.Id, CancellationToken.None);
        app.Clock.Set(Start.AddDays(7).AddMinutes(1));

        await app.Get<DigestRound>().RunScheduledAsync(councilId);

        // Both measures got more No than Yes: the best-placed one was rejected too, and "Vorne: 1. …" read as if it had passed.
        var text = (await app.ScalarAsync<string>("SELECT text_body FROM digests")).ReplaceLineEndings("\n");
        Assert.Contains("beendet am 19.11.2026, Ergebnis veröffentlicht; 3 Stimmabgaben, davon 3 aus Andernach.\n  Keine Maßnahme wurde angenommen.\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Vorne", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountyDigest_CoversEveryMunicipality()
    {
        await using var app = await TestApp.StartAsync(DigestTestData.Settings());
        var councilId = await app.CouncilAsync("Kreistag Mayen-Koblenz", "kreis", recipients: ["kreistag@example.org"]);
        app.Clock.Set(Start.AddDays(1));
        await app.PublishedIdeaAsync("Rufbus per App in Mendig", municipality: "mendig");
        await app.PublishedIdeaAsync("Glasfaser für Bendorf", municipality: "bendorf");
        app.Clock.Set(Start.AddDays(7).AddMinutes(1));

        await app.Get<DigestRound>().RunScheduledAsync(councilId);

        var text = await app.ScalarAsync<string>("SELECT text_body FROM digests");
        Assert.Contains("Rufbus per App in Mendig", text, StringComparison.Ordinal);
        Assert.Contains("Glasfaser für Bendorf", text, StringComparison.Ordinal);
        Assert.Contains("Wochenbericht für Mayen-Koblenz", text, StringComparison.Ordinal);
        // The whole county counts everything: the note explains the columns only, no "Für Mayen-Koblenz zählen … nach dem Wohnort".
        Assert.Contains("Stimmabgaben: 0 (Zeitraum davor: 0, insgesamt: 0)\n\n„Zeitraum davor“ ist der gleich lange Zeitraum vor dem Berichtszeitraum, „insgesamt“ alles bis zu dessen Ende.\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var html = new HtmlParser().ParseDocument(await app.ScalarAsync<string>("SELECT html_body FROM digests"));
        Assert.StartsWith("„Zeitraum davor“", html.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent.StartsWith("Beteiligung in", StringComparison.Ordinal)).NextElementSibling?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SurveyResponsesOfTheDigestsOwnMorning_CountInTheTotalAtOnce_AndInTheNextPeriod()
    {
        await using var app = await TestApp.StartAsync(DigestTestData.Settings());
        var councilId = await app.CouncilAsync(recipients: ["rat@andernach.example.org"]);
        var survey = await app.ScalarAsync<long>("""
            INSERT INTO surveys (title, municipality_id, mode, created_at, updated_at) VALUES ('Breitband', 'andernach', 'open', @At, @At) RETURNING id
            """, new { At = Start });
        foreach (var day in new[] { "2026-11-18", "2026-11-23" })
        {
            await app.ExecuteAsync("INSERT INTO survey_responses (survey_id, submitted_on, municipality_id) VALUES (@Id, @Day, 'andernach')",
                new { Id = survey, Day = day });
        }

        // The week's digest is built on Monday 23 November just after 07:00; one response came in that morning.
        app.Clock.Set(Start.AddDays(7).AddSeconds(30));
        await app.Get<DigestRound>().RunScheduledAsync(councilId);
        app.Clock.Set(Start.AddDays(14).AddSeconds(30));
        await app.Get<DigestRound>().RunScheduledAsync(councilId);

        const string week = "SELECT text_body FROM digests ORDER BY period_start LIMIT 1 OFFSET @Offset";
        Assert.Contains("Umfrage-Antworten: 1 (Zeitraum davor: 0, insgesamt: 2)", await app.ScalarAsync<string>(week, new { Offset = 0 }), StringComparison.Ordinal);
        Assert.Contains("Umfrage-Antworten: 1 (Zeitraum davor: 1, insgesamt: 2)", await app.ScalarAsync<string>(week, new { Offset = 1 }), StringComparison.Ordinal);
    }

    /// <summary>
    /// Andernach, week of 16 November: two new ideas (Verkehr, Bildung), one older idea answered in the week, an idea of
    /// the week before, a Mendig idea (other area), a pending idea and an open report (moderation backlog).
    /// </summary>
    private static async Task<long> SeedAsync(TestApp app)
    {
        var councilId = await app.CouncilAsync(recipients: ["rat@andernach.example.org"]);
        await app.CouncilAsync("Verbandsgemeinderat Mendig", "mendig", recipients: ["rat@mendig.example.org"]);
        var ideas = app.Get<IdeaService>();
        var anna = await app.Connections.ParticipantAsync("Anna", "anna@example.org");
        var bernd = await app.Connections.ParticipantAsync("Bernd", "bernd@example.org");
        var clara = await app.Connections.ParticipantAsync("Clara", "clara@example.org");

        app.Clock.Set(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var answered = await app.PublishedIdeaAsync("Freies WLAN am Rheinufer", "Am Rheinufer in Andernach sollte es freies WLAN für Gäste und Einheimische geben.",
            "kommunikationsinfrastruktur", "andernach", anna, app.Clock.GetUtcNow());
        await ideas.SetSupportAsync(bernd, answered, true);
        await ideas.SetSupportAsync(clara, answered, true);

        app.Clock.Set(new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero));
        await app.PublishedIdeaAsync("Digitale Bürgersprechstunde", "Eine Videosprechstunde mit dem Bürgerbüro würde vielen Menschen Wege sparen.",
            "digitale-souveraenitaet", "andernach", bernd, app.Clock.GetUtcNow());

        app.Clock.Set(Start.AddDays(1).AddHours(4)); // Tue 17 Nov
        var rufbus = await app.PublishedIdeaAsync("Rufbus per App", "Ein Rufbus, den man per App oder Telefon bestellt, würde die Dörfer rund um Andernach besser anbinden. Gerade abends fährt heute kaum noch ein Bus, und ältere Menschen sind auf Angehörige angewiesen.",
            "verkehr-und-mobilitaet", "andernach", anna, app.Clock.GetUtcNow());
        await ideas.SetSupportAsync(bernd, rufbus, true);
        await ideas.CommentAsync(clara, rufbus, "Das würde ich sofort nutzen.");

        app.Clock.Set(Start.AddDays(2)); // Wed 18 Nov
        await app.ExecuteAsync(
            "UPDATE ideas SET answer_status = 'adopted', official_answer = @Answer, answered_at = @At WHERE id = @Id",
            new { Id = answered, At = app.Clock.GetUtcNow(), Answer = "Die Idee ist in den Entwurf der Digitalstrategie eingeflossen." });

        app.Clock.Set(Start.AddDays(4)); // Fri 20 Nov
        await app.PublishedIdeaAsync("Tablets für die Grundschule", "Die Grundschulen in Andernach brauchen Tablets für den Unterricht.",
            "bildung", "andernach", clara, app.Clock.GetUtcNow());
        await app.PublishedIdeaAsync("Rufbus für Mendig", "Auch in Mendig wäre ein Rufbus per App eine große Hilfe.",
            "verkehr-und-mobilitaet", "mendig", bernd, app.Clock.GetUtcNow());
        var pending = await ideas.SubmitAsync(bernd, new IdeaSubmission("Sensoren für Parkplätze", "Freie Parkplätze in der Innenstadt anzeigen lassen.", "verkehr-und-mobilitaet", "andernach", null));
        Assert.True(pending.Succeeded);
        await app.Get<CommentService>().ReportAsync(clara, ReportTarget.Idea(rufbus), "spam", null);

        await app.ExecuteAsync("""
            INSERT INTO participants (email, display_name, municipality_id, email_confirmed_at, created_at)
            VALUES ('dora@example.org', 'Dora', 'andernach', @In, @In), ('emil@example.org', 'Emil', 'andernach', @Before, @Before),
                   ('fritz@example.org', 'Fritz', 'mendig', @In, @In)
            """, new { In = Start.AddDays(3), Before = Start.AddDays(-3) });
        await SeedSurveysAsync(app);
        await SeedVotesAsync(app);
        return councilId;
    }

    /// <summary>
    /// A county-wide survey opened in the week, an Andernach survey closed and published in the week, a Mendig survey
    /// (other area) and a draft; responses of Andernach residents in the week, the week before and earlier.
    /// </summary>
    private static async Task SeedSurveysAsync(TestApp app)
    {
        async Task<long> SurveyAsync(string title, string area, DateTimeOffset created)
        {
            return await app.ScalarAsync<long>("""
                INSERT INTO surveys (title, municipality_id, mode, created_at, updated_at) VALUES (@Title, @Area, 'open', @At, @At) RETURNING id
                """, new { Title = title, Area = area, At = created });
        }

        // The database stamps opened_at, closed_at and results_published_at from these changes.
        Task ChangeAsync(long id, string set, DateTimeOffset at) =>
            app.ExecuteAsync($"UPDATE surveys SET {set}, updated_at = @At WHERE id = @Id", new { Id = id, At = at });

        Task RespondAsync(long id, string day, string? area) =>
            app.ExecuteAsync("INSERT INTO survey_responses (survey_id, submitted_on, municipality_id) VALUES (@Id, @Day, @Area)", new { Id = id, Day = day, Area = area });

        var mobility = await SurveyAsync("Mobilität im ländlichen Raum", "kreis", Start.AddDays(-6));
        var broadband = await SurveyAsync("Breitband in Andernach", "andernach", Start.AddDays(-14));
        var mendig = await SurveyAsync("Digitales Rathaus Mendig", "mendig", Start.AddDays(-6));
        await SurveyAsync("Entwurf: Schulwege", "andernach", Start.AddDays(1));

        await ChangeAsync(broadband, "status = 'open'", Start.AddDays(-14));
        await RespondAsync(broadband, "2026-11-05", "andernach");
        await RespondAsync(broadband, "2026-11-12", "andernach");
        await RespondAsync(broadband, "2026-11-17", null);
        await ChangeAsync(broadband, "status = 'closed'", Start.AddDays(4).AddHours(10)); // Fri 20 Nov
        await ChangeAsync(broadband, "results_published = 1", Start.AddDays(5).AddHours(3)); // Sat 21 Nov

        await ChangeAsync(mobility, "status = 'open'", Start.AddDays(2)); // Wed 18 Nov
        await RespondAsync(mobility, "2026-11-18", "andernach");
        await RespondAsync(mobility, "2026-11-19", "andernach");
        await RespondAsync(mobility, "2026-11-19", "mendig");

        await ChangeAsync(mendig, "status = 'open'", Start.AddDays(2));
        await RespondAsync(mendig, "2026-11-18", "mendig");
    }

    /// <summary>
    /// A county-wide approval vote that closed in the week (ballots of Andernach residents in the week and the week
    /// before, tallied by the real job), an Andernach vote that opened in the week and a Mendig vote (other area).
    /// </summary>
    private static async Task SeedVotesAsync(TestApp app)
    {
        var store = app.Get<VoteStore>();
        async Task<Vote> VoteAsync(string title, string area, DateTimeOffset opens, DateTimeOffset closes, params string[] options)
        {
            var draft = new VoteDraft(title, "Erklärung", area, opens, closes, VoteMethod.Approval,
                options.Select(o => new OptionDraft(o, "", null)).ToList(), MaxChoices: 2);
            return (await store.FindAsync(await store.InsertAsync(draft, published: true, imported: false, opens.AddDays(-1))))!;
        }

        async Task<long> VoterAsync(string area)
        {
            var id = await app.Connections.ParticipantAsync();
            await app.ExecuteAsync("UPDATE participants SET municipality_id = @Area WHERE id = @Id", new { Area = area, Id = id });
            return id;
        }

        var priorities = await VoteAsync("Welche Maßnahmen zuerst?", "kreis", Start.AddDays(-7), Start.AddDays(3).AddHours(12),
            "Rufbus am Abend", "Mitfahrbänke", "Glasfaser für Gewerbegebiete");
        var (rufbus, baenke, glasfaser) = (priorities.Options[0].Id, priorities.Options[1].Id, priorities.Options[2].Id);
        var box = app.Get<BallotBox>();
        async Task CastAsync(DateTimeOffset at, string area, params long[] approved)
        {
            app.Clock.Set(at);
            var cast = await box.CastAsync(priorities.Id, await VoterAsync(area), approved.Select(o => new BallotChoice(o, 1)).ToList());
            Assert.True(cast.Succeeded);
        }

        await CastAsync(Start.AddDays(-4), "andernach", rufbus, glasfaser);
        await CastAsync(Start.AddDays(1), "andernach", rufbus, baenke);
        await CastAsync(Start.AddDays(1), "andernach", rufbus);
        await CastAsync(Start.AddDays(1), "mendig", rufbus, glasfaser);
        app.Clock.Set(Start.AddDays(4));
        await app.Get<VoteTallyJob>().RunAsync(priorities.Id, CancellationToken.None);

        await VoteAsync("Bürgerbudget Andernach 2027", "andernach", Start.AddDays(5).AddHours(2), Start.AddDays(19), "Trinkwasserbrunnen", "Fahrradbügel");
        await VoteAsync("Bürgerbudget Mendig 2027", "mendig", Start.AddDays(5), Start.AddDays(19), "Sitzbänke", "Ladesäule");
    }

    private const string Golden = """
        MYK10 Bürgerbeteiligung
        Wochenbericht für Andernach
        16.–22. November 2026

        Guten Tag,

        dies ist die Zusammenfassung der Bürgerbeteiligung für Stadtrat Andernach vom 16.11.2026, 07:00 Uhr bis 23.11.2026, 07:00 Uhr.

        == Neue Ideen ==

        Bildung
        - Tablets für die Grundschule (0 Unterstützer·innen)
          Die Grundschulen in Andernach brauchen Tablets für den Unterricht.
          https://beteiligung.example/ideen/4

        Verkehr und Mobilität
        - Rufbus per App (1 Unterstützer·in)
          Ein Rufbus, den man per App oder Telefon bestellt, würde die Dörfer rund um Andernach besser anbinden. Gerade abends fährt heute kaum noch ein Bus, und ältere …
          https://beteiligung.example/ideen/3

        == Am meisten unterstützte Ideen ==

        1. Freies WLAN am Rheinufer (2 Unterstützer·innen, Kommunikationsinfrastruktur)
           https://beteiligung.example/ideen/1
        2. Rufbus per App (1 Unterstützer·in, Verkehr und Mobilität)
           https://beteiligung.example/ideen/3
        3. Digitale Bürgersprechstunde (0 Unterstützer·innen, Digitale Souveränität)
           https://beteiligung.example/ideen/2
        3. Tablets für die Grundschule (0 Unterstützer·innen, Bildung)
           https://beteiligung.example/ideen/4

        == Offizielle Antworten ==

        - Freies WLAN am Rheinufer (Stand: in die Strategie aufgenommen)
          Antwort: Die Idee ist in den Entwurf der Digitalstrategie eingeflossen.
          https://beteiligung.example/ideen/1

        == Umfragen ==

        - Breitband in Andernach
          beendet am 20.11.2026; Ergebnisse veröffentlicht am 21.11.2026; 3 Antworten, davon 2 aus Andernach.
          https://beteiligung.example/umfragen/2/ergebnisse
        - Mobilität im ländlichen Raum (ganzer Landkreis)
          gestartet am 18.11.2026; läuft noch; 3 Antworten, davon 2 aus Andernach.
          https://beteiligung.example/umfragen/1

        == Abstimmungen ==

        - Bürgerbudget Andernach 2027
          gestartet am 21.11.2026, läuft bis 05.12.2026; noch keine Stimmabgaben.
          https://beteiligung.example/abstimmungen/2
        - Welche Maßnahmen zuerst? (ganzer Landkreis)
          beendet am 19.11.2026, Ergebnis veröffentlicht; 4 Stimmabgaben, davon 3 aus Andernach.
          Ausgewählt: Rufbus am Abend
          https://beteiligung.example/abstimmungen/1/ergebnis

        == Beteiligung in Zahlen ==

        Neue Teilnehmende: 1 (Zeitraum davor: 1, insgesamt: 5)
        Neue Ideen: 2 (Zeitraum davor: 1, insgesamt: 4)
        Unterstützungen: 1 (Zeitraum davor: 0, insgesamt: 3)
        Kommentare: 1 (Zeitraum davor: 0, insgesamt: 1)
        Umfrage-Antworten: 2 (Zeitraum davor: 1, insgesamt: 4)
        Stimmabgaben: 2 (Zeitraum davor: 1, insgesamt: 3)

        Für Andernach zählen Ideen, Unterstützungen und Kommentare nach dem Ort der Idee, Teilnehmende, Umfrage-Antworten und Stimmabgaben nach dem Wohnort. „Zeitraum davor“ ist der gleich lange Zeitraum vor dem Berichtszeitraum, „insgesamt“ alles bis zu dessen Ende.

        == Moderation ==

        1 Idee wartet auf Prüfung, seit 3 Tagen.
        1 Meldung ist offen, seit 3 Tagen.

        """;
}
