using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Ballots;
using MYK10.Participation.Comments;
using MYK10.Participation.Data;
using MYK10.Participation.Demo;
using MYK10.Participation.Ideas;
using MYK10.Participation.Moderation;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Data;

/// <summary>
/// The rules of <c>sql/0091_integrity_guards.sql</c>: what the services never write, written by hand, is refused by the
/// database, and what they do write still goes through.
/// </summary>
public sealed class IntegrityGuardsTests
{
    private const string Now = "2026-11-20T08:00:00.0000000Z";

    [Fact]
    public async Task IdeaState_NeverGoesBack_AndModerationsMovesStillWork()
    {
        await using var app = await TestApp.StartAsync();
        var moderator = await app.ModeratorAsync();
        var service = app.Get<ModerationService>();
        var published = await app.PublishedIdeaAsync("Eine Idee, die veröffentlicht ist");
        var rejected = await PendingIdeaAsync(app, "Eine Idee, die abgelehnt wird");
        Assert.Equal(ModerationOutcome.Done, (await service.RejectAsync(moderator, rejected, 1, "off_topic", null)).Outcome);
        var merged = await PendingIdeaAsync(app, "Eine Idee, die zusammengeführt wird");
        Assert.Equal(ModerationOutcome.Done, (await service.MergeAsync(moderator, merged, 1, published)).Outcome);
        Assert.Equal(ModerationOutcome.Done, (await service.HideAsync(moderator, ReportTarget.Idea(published), "Beleidigend")).Outcome);
        Assert.Equal(ModerationOutcome.Done, (await service.RestoreAsync(moderator, published, 3, "Doch in Ordnung")).Outcome);

        await using var connection = await app.Connections.OpenAsync();
        foreach (var (id, to) in new[] { (published, "pending"), (published, "rejected"), (rejected, "published"), (rejected, "pending"), (merged, "published") })
        {
            var refused = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync(
                "UPDATE ideas SET state = @To, merged_into_id = NULL, published_at = coalesce(published_at, @Now) WHERE id = @Id", new { Id = id, To = to, Now }));
            Assert.Contains("state moves only", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(["published", "rejected", "merged"], await StatesAsync(connection, published, rejected, merged));
    }

    [Fact]
    public async Task MergedIdea_PointsOnlyToAnotherPublishedIdea()
    {
        await using var app = await TestApp.StartAsync();
        var published = await app.PublishedIdeaAsync("Eine Idee, die veröffentlicht ist");
        var pending = await PendingIdeaAsync(app, "Eine Idee, die noch wartet");
        var source = await app.PublishedIdeaAsync("Eine Idee, die zusammengeführt wird");
        const string merge = "UPDATE ideas SET state = 'merged', merged_into_id = @Target WHERE id = @Id";

        await using var connection = await app.Connections.OpenAsync();
        foreach (var target in new[] { source, pending })
        {
            var refused = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync(merge, new { Id = source, Target = target }));
            Assert.Contains("merged only into another, published idea", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(1, await connection.ExecuteAsync(merge, new { Id = source, Target = published }));
    }

    [Fact]
    public async Task OfficialAnswer_IsGivenToAPublishedIdea_WithStatusTextAndTime()
    {
        await using var app = await TestApp.StartAsync();
        var moderator = await app.ModeratorAsync();
        var published = await app.PublishedIdeaAsync();
        var pending = await PendingIdeaAsync(app, "Eine Idee, die noch wartet");
        Assert.Equal(ModerationOutcome.Done, (await app.Get<ModerationService>().AnswerAsync(moderator, published, 1, "in_review", "Wir prüfen das.")).Outcome);
        const string answer = "UPDATE ideas SET answer_status = @Status, official_answer = @Answer, answered_at = @At WHERE id = @Id";

        await using var connection = await app.Connections.OpenAsync();
        await RefusedAsync(() => connection.ExecuteAsync(answer, new { Id = pending, Status = "adopted", Answer = "Aufgenommen.", At = Now }), "given to a published idea");
        await RefusedAsync(() => connection.ExecuteAsync(answer, new { Id = published, Status = (string?)null, Answer = (string?)null, At = (string?)null }), "given to a published idea");
        await RefusedAsync(() => connection.ExecuteAsync(answer, new { Id = published, Status = "adopted", Answer = (string?)null, At = Now }), "given to a published idea");
        Assert.Equal(1, await connection.ExecuteAsync(answer, new { Id = published, Status = "adopted", Answer = "Aufgenommen.", At = Now }));
    }

    [Fact]
    public async Task Comment_IsWrittenOnAPublishedIdeaOnly()
    {
        await using var app = await TestApp.StartAsync();
        var author = await app.Connections.ParticipantAsync();
        var published = await app.PublishedIdeaAsync();
        var pending = await PendingIdeaAsync(app, "Eine Idee, die noch wartet");
        var hidden = await app.PublishedIdeaAsync("Eine Idee, die verborgen ist");
        Assert.Equal(ContributionOutcome.Done, (await app.Get<IdeaService>().CommentAsync(author, published, "Gute Idee!")).Outcome);
        await app.ExecuteAsync("UPDATE ideas SET state = 'hidden' WHERE id = @Id", new { Id = hidden });
        const string comment = "INSERT INTO idea_comments (idea_id, author_id, body, created_at) VALUES (@Idea, @Author, 'Von Hand', @Now)";

        await using var connection = await app.Connections.OpenAsync();
        foreach (var idea in new[] { pending, hidden })
        {
            await RefusedAsync(() => connection.ExecuteAsync(comment, new { Idea = idea, Author = author, Now }), "written on a published idea");
        }

        Assert.Equal(1, await connection.ExecuteAsync(comment, new { Idea = published, Author = author, Now }));
    }

    [Fact]
    public async Task SurveyStatus_MovesOnlyForward()
    {
        await using var app = await TestApp.StartAsync();
        await using var connection = await app.Connections.OpenAsync();
        var survey = await SurveyAsync(connection, "Umfrage");
        var unused = await SurveyAsync(connection, "Nie geöffnet");
        Task<int> SetAsync(long id, string status) => connection.ExecuteAsync("UPDATE surveys SET status = @Status, updated_at = @Now WHERE id = @Id", new { Id = id, Status = status, Now });

        await RefusedAsync(() => SetAsync(survey, "closed"), "status moves only");
        Assert.Equal(1, await SetAsync(survey, "open"));
        await RefusedAsync(() => SetAsync(survey, "draft"), "status moves only");
        await RefusedAsync(() => SetAsync(survey, "archived"), "status moves only");
        Assert.Equal(1, await SetAsync(survey, "closed"));
        await RefusedAsync(() => SetAsync(survey, "open"), "status moves only");
        Assert.Equal(1, await SetAsync(survey, "archived"));
        await RefusedAsync(() => SetAsync(survey, "closed"), "status moves only");
        Assert.Equal(1, await SetAsync(unused, "archived"));
    }

    [Fact]
    public async Task PublishedVote_StaysPublished()
    {
        await using var app = await TestApp.StartAsync();
        var service = app.Get<VoteService>();
        var now = app.Clock.GetUtcNow();
        var vote = (await service.CreateAsync(new VoteDraft("Was zuerst?", "Bitte wählen.", "kreis", now.AddDays(1), now.AddDays(8), VoteMethod.Approval,
            [new OptionDraft("Radweg", "", null), new OptionDraft("Bänke", "", null)], MaxChoices: 1))).Id!.Value;
        await service.PublishAsync(vote);

        await using var connection = await app.Connections.OpenAsync();
        await RefusedAsync(() => connection.ExecuteAsync("UPDATE votes SET status = 'draft' WHERE id = @Id", new { Id = vote }), "published vote stays published");
        Assert.Equal("published", await connection.ExecuteScalarAsync<string>("SELECT status FROM votes WHERE id = @Id", new { Id = vote }));
    }

    [Fact]
    public async Task Report_IsDecidedOnce_WithTheTimeOfTheDecision()
    {
        await using var app = await TestApp.StartAsync();
        var moderator = await app.ModeratorAsync();
        var idea = await app.PublishedIdeaAsync();
        var other = await app.PublishedIdeaAsync("Eine andere gemeldete Idee");
        var comments = app.Get<CommentService>();
        Assert.Equal(ContributionOutcome.Done, await comments.ReportAsync(await app.Connections.ParticipantAsync(), ReportTarget.Idea(idea), "spam", null));
        Assert.Equal(ContributionOutcome.Done, await comments.ReportAsync(await app.Connections.ParticipantAsync(), ReportTarget.Idea(other), "spam", null));
        Assert.Equal(ModerationOutcome.Done, (await app.Get<ModerationService>().DismissReportsAsync(moderator, ReportTarget.Idea(idea))).Outcome);

        await using var connection = await app.Connections.OpenAsync();
        await RefusedAsync(() => connection.ExecuteAsync("UPDATE reports SET state = 'open', decided_at = NULL WHERE idea_id = @Id", new { Id = idea }), "decided once");
        await RefusedAsync(() => connection.ExecuteAsync("UPDATE reports SET state = 'upheld' WHERE idea_id = @Id", new { Id = idea }), "decided once");
        await RefusedAsync(() => connection.ExecuteAsync("UPDATE reports SET state = 'upheld' WHERE idea_id = @Id", new { Id = other }), "decided once");
        Assert.Equal(1, await connection.ExecuteAsync("UPDATE reports SET state = 'upheld', decided_at = @Now WHERE idea_id = @Id", new { Id = other, Now }));
    }

    [Fact]
    public async Task SurveyQuestionsAndConditions_StayWithinTheirSurvey()
    {
        await using var app = await TestApp.StartAsync();
        await using var connection = await app.Connections.OpenAsync();
        var survey = await SurveyAsync(connection, "Umfrage");
        var other = await SurveyAsync(connection, "Andere Umfrage");
        var (page, question) = await PageWithQuestionAsync(connection, survey, 1);
        var (otherPage, otherQuestion) = await PageWithQuestionAsync(connection, other, 1);
        const string insertQuestion = "INSERT INTO survey_questions (survey_id, page_id, position, kind, text) VALUES (@Survey, @Page, 2, 'short_text', 'Noch eine Frage?')";
        const string insertCondition = """
            INSERT INTO survey_conditions (survey_id, page_id, question_id, source_question_id, operator)
            VALUES (@Survey, @Page, @Question, @Source, 'answered')
            """;

        await RefusedAsync(() => connection.ExecuteAsync(insertQuestion, new { Survey = survey, Page = otherPage }), "page of its own survey");
        await RefusedAsync(() => connection.ExecuteAsync("UPDATE survey_questions SET page_id = @Page WHERE id = @Id", new { Id = question, Page = otherPage }), "page of its own survey");
        await RefusedAsync(() => connection.ExecuteAsync(insertCondition, new { Survey = survey, Page = (long?)null, Question = (long?)question, Source = otherQuestion }), "its own survey");
        await RefusedAsync(() => connection.ExecuteAsync(insertCondition, new { Survey = survey, Page = (long?)otherPage, Question = (long?)null, Source = question }), "its own survey");
        await RefusedAsync(() => connection.ExecuteAsync(insertCondition, new { Survey = survey, Page = (long?)null, Question = (long?)otherQuestion, Source = question }), "its own survey");

        Assert.Equal(1, await connection.ExecuteAsync(insertQuestion, new { Survey = survey, Page = page }));
        var (secondPage, _) = await PageWithQuestionAsync(connection, survey, 2);
        Assert.Equal(1, await connection.ExecuteAsync(insertCondition, new { Survey = survey, Page = (long?)secondPage, Question = (long?)null, Source = question }));
        await RefusedAsync(() => connection.ExecuteAsync("UPDATE survey_conditions SET source_question_id = @Source WHERE page_id = @Page", new { Source = otherQuestion, Page = secondPage }), "its own survey");
    }

    [Fact]
    public async Task AnsweredQuestionsAndChosenOptions_AreNotDeletedAlone_ButGoWithTheirSurveyOrVote()
    {
        await using var app = await TestApp.StartAsync();
        await using var connection = await app.Connections.OpenAsync();
        var survey = await SurveyAsync(connection, "Umfrage");
        var (page, answered) = await PageWithQuestionAsync(connection, survey, 1);
        var unanswered = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO survey_questions (survey_id, page_id, position, kind, text) VALUES (@Survey, @Page, 2, 'short_text', 'Unbeantwortet?') RETURNING id", new { Survey = survey, Page = page });
        await AnswerAsync(connection, survey, answered);
        var (vote, chosen, unchosen) = await VoteWithBallotAsync(connection);

        await RefusedAsync(() => connection.ExecuteAsync("DELETE FROM survey_questions WHERE id = @Id", new { Id = answered }), "with answers is not deleted");
        await RefusedAsync(() => connection.ExecuteAsync("DELETE FROM survey_pages WHERE id = @Id", new { Id = page }), "with answers is not deleted");
        await RefusedAsync(() => connection.ExecuteAsync("DELETE FROM vote_options WHERE vote_id = @Id", new { Id = vote }), "chosen on a ballot is not deleted");
        Assert.Equal(1, await connection.ExecuteAsync("DELETE FROM survey_questions WHERE id = @Id", new { Id = unanswered }));
        Assert.Equal(1, await connection.ExecuteAsync("DELETE FROM vote_options WHERE id = @Id", new { Id = unchosen }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM survey_answers"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM ballot_choices WHERE option_id = @Id", new { Id = chosen }));

        Assert.Equal(1, await connection.ExecuteAsync("DELETE FROM surveys WHERE id = @Id", new { Id = survey }));
        Assert.Equal(1, await connection.ExecuteAsync("DELETE FROM votes WHERE id = @Id", new { Id = vote }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT (SELECT count(*) FROM survey_answers) + (SELECT count(*) FROM ballot_choices)"));
    }

    [Fact]
    public async Task Migration_KeepsEveryExistingRow_AndGuardsFromThenOn()
    {
        await using var app = await TestApp.StartAsync(migrate: false);
        await app.MigrateBeforeAsync("0091");
        var published = await app.PublishedIdeaAsync("Eine Idee von vorher");
        long survey, answered;
        long vote;
        await using (var connection = await app.Connections.OpenAsync())
        {
            survey = await SurveyAsync(connection, "Umfrage von vorher");
            (_, answered) = await PageWithQuestionAsync(connection, survey, 1);
            await AnswerAsync(connection, survey, answered);
            await connection.ExecuteAsync("UPDATE surveys SET status = 'open', updated_at = @Now WHERE id = @Id", new { Id = survey, Now });
            (vote, _, _) = await VoteWithBallotAsync(connection);
            // Before the migration nothing stopped this: it stays as it is.
            await connection.ExecuteAsync("UPDATE ideas SET state = 'pending' WHERE id = @Id", new { Id = published });
        }

        await app.Get<Migrator>().MigrateAsync();

        await using var migrated = await app.Connections.OpenAsync();
        Assert.Equal(["pending"], await StatesAsync(migrated, published));
        Assert.Equal((1L, 1L), await migrated.QuerySingleAsync<(long, long)>("SELECT (SELECT count(*) FROM survey_answers), (SELECT count(*) FROM ballot_choices)"));
        await RefusedAsync(() => migrated.ExecuteAsync("UPDATE surveys SET status = 'draft' WHERE id = @Id", new { Id = survey }), "status moves only");
        await RefusedAsync(() => migrated.ExecuteAsync("DELETE FROM survey_questions WHERE id = @Id", new { Id = answered }), "with answers is not deleted");
        await RefusedAsync(() => migrated.ExecuteAsync("DELETE FROM vote_options WHERE vote_id = @Id", new { Id = vote }), "chosen on a ballot is not deleted");
        Assert.Equal(1, await migrated.ExecuteAsync("UPDATE ideas SET state = 'published' WHERE id = @Id", new { Id = published }));
        await RefusedAsync(() => migrated.ExecuteAsync("UPDATE ideas SET state = 'pending' WHERE id = @Id", new { Id = published }), "state moves only");
    }

    [Fact]
    public async Task Migration_RunsOnTheDemoData()
    {
        await using var app = await TestApp.StartAsync(migrate: false);
        await app.MigrateBeforeAsync("0091");
        Assert.True((await app.Get<DemoSeeder>().SeedAsync()).Seeded);
        await using (var connection = await app.Connections.OpenAsync())
        {
            Assert.Empty(await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE name LIKE '%moves_forward'"));
        }

        await app.Get<Migrator>().MigrateAsync();

        await using var migrated = await app.Connections.OpenAsync();
        Assert.Equal(2, await migrated.ExecuteScalarAsync<long>("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%moves_forward'"));
        Assert.Equal(0, await migrated.ExecuteScalarAsync<long>("SELECT count(*) FROM pragma_foreign_key_check"));
    }

    private static async Task RefusedAsync(Func<Task> write, string because)
    {
        var refused = await Assert.ThrowsAsync<SqliteException>(write);
        Assert.Contains(because, refused.Message, StringComparison.Ordinal);
    }

    private static async Task<long> PendingIdeaAsync(TestApp app, string title)
    {
        var result = await app.Get<IdeaService>().SubmitAsync(await app.Connections.ParticipantAsync(),
            new IdeaSubmission(title, "Ein Text, der lang genug für eine Idee ist.", "energie", "mayen", null));
        return result.IdeaId!.Value;
    }

    private static async Task<string[]> StatesAsync(SqliteConnection connection, params long[] ids)
    {
        var states = new List<string>();
        foreach (var id in ids)
        {
            states.Add(await connection.ExecuteScalarAsync<string>("SELECT state FROM ideas WHERE id = @Id", new { Id = id }) ?? "");
        }

        return [.. states];
    }

    private static Task<long> SurveyAsync(SqliteConnection connection, string title) =>
        connection.ExecuteScalarAsync<long>("""
            INSERT INTO surveys (title, municipality_id, mode, created_at, updated_at) VALUES (@Title, 'kreis', 'open', @Now, @Now) RETURNING id
            """, new { Title = title, Now });

    private static async Task<(long Page, long Question)> PageWithQuestionAsync(SqliteConnection connection, long survey, int position)
    {
        var page = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO survey_pages (survey_id, position) VALUES (@Survey, @Position) RETURNING id", new { Survey = survey, Position = position });
        var question = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO survey_questions (survey_id, page_id, position, kind, text) VALUES (@Survey, @Page, 1, 'short_text', 'Was meinen Sie?') RETURNING id",
            new { Survey = survey, Page = page });
        return (page, question);
    }

    private static async Task AnswerAsync(SqliteConnection connection, long survey, long question)
    {
        var response = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO survey_responses (survey_id, submitted_on) VALUES (@Survey, '2026-11-20') RETURNING id", new { Survey = survey });
        await connection.ExecuteAsync("INSERT INTO survey_answers (response_id, question_id, value) VALUES (@Response, @Question, 'Gut')",
            new { Response = response, Question = question });
    }

    private static async Task<(long Vote, long Chosen, long Unchosen)> VoteWithBallotAsync(SqliteConnection connection)
    {
        var vote = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO votes (title, opens_at, closes_at, method, max_choices, status, created_at, updated_at)
            VALUES ('Abstimmung', @Now, @Now, 'approval', 1, 'published', @Now, @Now) RETURNING id
            """, new { Now });
        var chosen = await connection.ExecuteScalarAsync<long>("INSERT INTO vote_options (vote_id, title, position) VALUES (@Vote, 'Radweg', 1) RETURNING id", new { Vote = vote });
        var unchosen = await connection.ExecuteScalarAsync<long>("INSERT INTO vote_options (vote_id, title, position) VALUES (@Vote, 'Bänke', 2) RETURNING id", new { Vote = vote });
        var ballot = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO ballots (vote_id, receipt_code, cast_at) VALUES (@Vote, 'QUITTUNG-1', @Now) RETURNING id", new { Vote = vote, Now });
        await connection.ExecuteAsync("INSERT INTO ballot_choices (ballot_id, option_id, value) VALUES (@Ballot, @Option, 1)", new { Ballot = ballot, Option = chosen });
        return (vote, chosen, unchosen);
    }
}
