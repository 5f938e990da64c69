using Dapper;
using MYK10.Participation.Surveys;

namespace MYK10.Participation.Tests.Surveys;

public sealed class AnonymityTests
{
    private static AnswerSet Valid(GoldenSurvey survey) => survey.Answers(("place", "o1"), ("kids", "no"), ("age", "30"), ("consent", "1"));

    [Fact]
    public async Task AnonymousResponses_CarryNothingThatJoinsThemToParticipantOrCode()
    {
        await using var app = await SurveyApp.StartAsync();
        var verified = await GoldenSurvey.CreateAsync(app, SurveyMode.Verified);
        var coded = await GoldenSurvey.CreateAsync(app, SurveyMode.Codes);
        var code = (await app.Get<InvitationCodes>().GenerateAsync(coded.Id, 1))[0];
        var responder = app.Get<SurveyResponder>();
        app.Clock.Set(new DateTimeOffset(2026, 11, 16, 14, 37, 12, TimeSpan.Zero));
        const long participantId = 987_654;
        await SurveyParticipants.CreateAsync(app, participantId);

        Assert.True((await responder.SubmitAsync(verified.Id, new Respondent.Participant(participantId), Valid(verified), "mayen")).Succeeded);
        Assert.True((await responder.SubmitAsync(coded.Id, Respondent.Invitation.FromCode(code), Valid(coded), null)).Succeeded);

        await using var connection = await app.Connections.OpenAsync();
        // The schema: a response has only these columns, an answer only these.
        Assert.Equal(["id", "survey_id", "submitted_on", "municipality_id"], await ColumnsAsync(connection, "survey_responses"));
        Assert.Equal(["response_id", "question_id", "item", "value", "published"], await ColumnsAsync(connection, "survey_answers"));

        // The participation records hold no response id, and only the day.
        var participations = (await connection.QueryAsync<(long? ResponseId, string Day)>(
            "SELECT response_id, participated_on FROM survey_participations")).ToList();
        Assert.Equal(2, participations.Count);
        Assert.All(participations, p => Assert.Null(p.ResponseId));
        Assert.All(participations, p => Assert.Equal("2026-11-16", p.Day));

        // No stored value of a response or answer equals the participant id, the code, its hash or id, or an exact time.
        var codeRow = await connection.QuerySingleAsync<(long Id, string Hash)>("SELECT id, code_hash FROM survey_codes");
        var forbidden = new[] { participantId.ToString(System.Globalization.CultureInfo.InvariantCulture), code, InvitationCodes.Normalise(code), codeRow.Hash, "14:37" };
        var values = (await connection.QueryAsync<string>("""
            SELECT CAST(id AS TEXT) FROM survey_responses UNION ALL SELECT submitted_on FROM survey_responses
            UNION ALL SELECT coalesce(municipality_id, '') FROM survey_responses
            UNION ALL SELECT value FROM survey_answers UNION ALL SELECT item FROM survey_answers
            """)).ToList();
        Assert.DoesNotContain(values, v => forbidden.Any(f => v.Contains(f, StringComparison.OrdinalIgnoreCase)));
        Assert.All(await connection.QueryAsync<long>("SELECT id FROM survey_responses"), id => Assert.NotEqual(codeRow.Id, id));

        // The response ids are random (not the sequence of participation rows).
        Assert.All(await connection.QueryAsync<long>("SELECT id FROM survey_responses"), id => Assert.True(id > 1 << 20, $"response id {id} looks sequential"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM survey_drafts"));
    }

    [Fact]
    public async Task NonAnonymousSurvey_LinksTheParticipationToTheResponse()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app, SurveyMode.Verified, anonymous: false);
        await SurveyParticipants.CreateAsync(app, 5);

        Assert.True((await app.Get<SurveyResponder>().SubmitAsync(survey.Id, new Respondent.Participant(5), Valid(survey), null)).Succeeded);

        await using var connection = await app.Connections.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM survey_participations p JOIN survey_responses r ON r.id = p.response_id WHERE p.participant_id = 5
            """));
    }

    private static async Task<List<string>> ColumnsAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string table) =>
        (await connection.QueryAsync<string>("SELECT name FROM pragma_table_info(@Table) ORDER BY cid", new { Table = table })).ToList();
}
