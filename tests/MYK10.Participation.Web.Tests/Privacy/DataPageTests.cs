using AngleSharp.Dom;
using Dapper;
using MYK10.Participation.Ballots;
using MYK10.Participation.Data;
using MYK10.Participation.Ideas;
using MYK10.Participation.Strategy;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Tests.Ballots;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Privacy;

public sealed class DataPageTests(AccountPrivacyTests.Site site) : IClassFixture<AccountPrivacyTests.Site>
{
    [Fact]
    public async Task DataPage_LabelsEveryColumnInGerman_AndShowsCodesAsTheSitesWords()
    {
        var (client, person) = await site.ParticipantClientAsync(displayName: "Erika Daten", municipalityId: "mayen");
        var ideas = site.Get<IdeaService>();
        var own = await SubmitAsync(person, "Glasfaser für Mendig-Ost", "kommunikationsinfrastruktur");
        await site.Get<IDbConnectionFactory>().PublishAsync(own);
        var waiting = await SubmitAsync(person, "Mitfahrbänke in jedem Ortsteil", "verkehr-und-mobilitaet");
        var other = await SubmitAsync(await site.Get<IDbConnectionFactory>().ParticipantAsync(), "Eine fremde Idee zum Unterstützen", "tourismus");
        await site.Get<IDbConnectionFactory>().PublishAsync(other);
        await ideas.SetSupportAsync(person, other, true);
        var (_, comment) = await ideas.CommentAsync(person, other, "Sehr gute Idee!");
        await site.Get<MYK10.Participation.Comments.CommentService>().ReportAsync(person, MYK10.Participation.Comments.ReportTarget.Idea(other), "spam", "Werbung");
        var vote = await site.OpenVoteAsync(VoteMethod.Approval);
        await site.Get<BallotBox>().CastAsync(vote.Id, person, [new BallotChoice(vote.OptionId(1), 1)]);
        await MeasureCommentAsync(person);
        await SurveyParticipationAsync(person);

        var page = await client.GetDocumentAsync("/konto/daten");

        var main = page.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("Data.", main, StringComparison.Ordinal);
        var sections = page.QuerySelectorAll("main section").ToDictionary(s => s.QuerySelector("h2")!.TextContent, Rows);
        Assert.Equal(16, sections.Values.Sum(rows => rows.Count)); // every section has its rows; three mails (link, two receipts)
        var account = Assert.Single(sections["Konto"]);
        Assert.Equal(person.ToString(System.Globalization.CultureInfo.InvariantCulture), account["Kontonummer"]);
        Assert.Equal("Stadt Mayen", account["Wohnort"]);
        Assert.Equal("nein", Assert.Single(sections["Anmeldelinks"])["Angemeldet bleiben"]);
        Assert.All(sections["E-Mails an Sie"], mail => Assert.Contains(mail["Stand"], new[] { "wartet auf Versand", "versendet" }));

        var published = sections["Ihre Ideen"].Single(r => r["Titel"] == "Glasfaser für Mendig-Ost");
        Assert.Equal(own.ToString(System.Globalization.CultureInfo.InvariantCulture), published["Nummer der Idee"]);
        Assert.Equal("Kommunikationsinfrastruktur", published["Handlungsfeld"]);
        Assert.Equal("Verbandsgemeinde Mendig", published["Ort"]);
        Assert.Equal("Hauptstraße 1", published["Genauer Ort"]);
        Assert.Equal("veröffentlicht", published["Stand"]);
        var pending = sections["Ihre Ideen"].Single(r => r["Nummer der Idee"] == waiting.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("Verkehr und Mobilität", "wird geprüft", "–"), (pending["Handlungsfeld"], pending["Stand"], pending["Veröffentlicht am"]));

        Assert.Equal("Eine fremde Idee zum Unterstützen", Assert.Single(sections["Ideen, die Sie unterstützen"])["Titel der Idee"]);
        var comments = Assert.Single(sections["Ihre Kommentare"]);
        Assert.Equal((comment!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "sichtbar"), (comments["Nummer des Kommentars"], comments["Stand"]));
        var report = Assert.Single(sections["Ihre Meldungen"]);
        Assert.Equal(("Werbung oder Spam", "offen", "–"), (report["Grund"], report["Stand"], report["Nummer des Kommentars"]));
        Assert.Equal("Solarkataster für alle Dächer", Assert.Single(sections["Ihre Kommentare zu Maßnahmen"])["Text"]);
        Assert.Equal("16.11.2026", Assert.Single(sections["Umfragen, an denen Sie teilgenommen haben"])["Teilgenommen am"]);
        Assert.Matches("^[A-Z0-9-]{4,}$", Assert.Single(sections["Ihre Stimmzettel mit Belegnummer"])["Belegnummer"]);
        // What the person answered and chose belongs to them too (Art. 15), not only that they took part.
        var answer = Assert.Single(sections["Ihre Antworten in Umfragen, die nicht anonym sind"]);
        Assert.Equal(("Wie kommen Sie zur Arbeit?", "Womit fahren Sie?", "Mit dem Rufbus"), (answer["Umfrage"], answer["Frage"], answer["Antwort"]));
        var choice = Assert.Single(sections["Was Sie auf Ihren Stimmzetteln gewählt haben"]);
        Assert.Equal("1", choice["Stimme, Punkte oder Rang"]);

        string[] codes = ["kommunikationsinfrastruktur", "mendig", "pending", "published", "visible", "spam", "open", "sent", "0"];
        Assert.DoesNotContain(page.QuerySelectorAll("main dd").Select(dd => dd.TextContent.Trim()), codes.Contains);
    }

    [Fact]
    public async Task DataPage_InEnglish_NamesTheFieldOfActionInEnglish()
    {
        var (client, person) = await site.ParticipantClientAsync();
        await SubmitAsync(person, "Glasfaser für Kruft", "kommunikationsinfrastruktur");
        await client.PostFormAsync("/", new() { ["Input.Culture"] = "en", ["Input.ReturnUrl"] = "/" }, "form.language-switch");

        var main = (await client.GetDocumentAsync("/konto/daten")).QuerySelector("main")!.TextContent;

        Assert.Contains("Communications infrastructure", main, StringComparison.Ordinal);
        Assert.DoesNotContain("Kommunikationsinfrastruktur", main, StringComparison.Ordinal);
    }

    private static List<Dictionary<string, string>> Rows(IElement section) => section.QuerySelectorAll("dl")
        .Select(dl => dl.QuerySelectorAll("dt").Zip(dl.QuerySelectorAll("dd"))
            .ToDictionary(p => p.First.TextContent.Trim(), p => p.Second.TextContent.Trim()))
        .ToList();

    private async Task<long> SubmitAsync(long author, string title, string field)
    {
        var result = await site.Get<IdeaService>().SubmitAsync(author,
            new IdeaSubmission(title, "Eine ausführliche Beschreibung der Idee für die Region.", field, "mendig", "Hauptstraße 1"));
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return result.IdeaId!.Value;
    }

    private async Task MeasureCommentAsync(long person)
    {
        var strategy = site.Get<StrategyService>();
        var goal = (await strategy.SaveGoalAsync(null, new GoalInput("energie", "Energie", "", 0))).Id!.Value;
        var measure = (await strategy.SaveMeasureAsync(null, new MeasureInput(goal, "Solarkataster", "Alle Dächer", null, 30000, null, "discussion", [], 0, null), null)).Id!.Value;
        Assert.Equal(MYK10.Participation.Ideas.ContributionOutcome.Done, (await strategy.CommentAsync(person, measure, "Solarkataster für alle Dächer")).Outcome);
    }

    private async Task SurveyParticipationAsync(long person)
    {
        await using var connection = await site.Get<IDbConnectionFactory>().OpenAsync();
        await connection.ExecuteAsync("""
            INSERT INTO surveys (id, title, municipality_id, mode, status, anonymous, created_at, updated_at)
            VALUES (4711, 'Wie kommen Sie zur Arbeit?', 'kreis', 'verified', 'open', 0, '2026-11-01T00:00:00.0000000Z', '2026-11-01T00:00:00.0000000Z');
            INSERT INTO survey_pages (id, survey_id, position) VALUES (4711, 4711, 1);
            INSERT INTO survey_questions (id, survey_id, page_id, position, kind, text) VALUES (4711, 4711, 4711, 1, 'short_text', 'Womit fahren Sie?');
            INSERT INTO survey_responses (id, survey_id, submitted_on) VALUES (4711, 4711, '2026-11-16');
            INSERT INTO survey_answers (response_id, question_id, value) VALUES (4711, 4711, 'Mit dem Rufbus');
            INSERT INTO survey_participations (survey_id, participant_id, response_id, participated_on) VALUES (4711, @Person, 4711, '2026-11-16');
            """, new { Person = person });
    }
}
