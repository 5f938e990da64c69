using Dapper;
using MYK10.Participation.Surveys;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Surveys;

public sealed class OneResponseTests
{
    private static AnswerSet Valid(GoldenSurvey survey) => survey.Answers(("place", "o1"), ("kids", "no"), ("age", "30"), ("consent", "1"));

    public static TheoryData<SurveyMode> Modes => [SurveyMode.Open, SurveyMode.Verified, SurveyMode.Codes];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task TwentyConcurrentSubmissions_OfOneRespondent_StoreExactlyOneResponse(SurveyMode mode)
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app, mode);
        await SurveyParticipants.CreateAsync(app, 4711);
        Respondent respondent = mode switch
        {
            SurveyMode.Open => new Respondent.Browser(SurveyResponder.NewToken()),
            SurveyMode.Verified => new Respondent.Participant(4711),
            _ => Respondent.Invitation.FromCode((await app.Get<InvitationCodes>().GenerateAsync(survey.Id, 1))[0]),
        };
        var responder = app.Get<SurveyResponder>();

        using var start = new ManualResetEventSlim();
        var submissions = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await responder.SubmitAsync(survey.Id, respondent, Valid(survey), null);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(submissions);

        Assert.Equal(1, results.Count(r => r.Status == SubmitStatus.Submitted));
        Assert.Equal(19, results.Count(r => r.Status == SubmitStatus.AlreadyAnswered));
        Assert.Equal(1, await app.Get<SurveyStore>().CountResponsesAsync(survey.Id));
        await using var connection = await app.Connections.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM survey_participations"));
        Assert.True(await responder.HasAnsweredAsync(survey.Id, respondent));
    }

    [Fact]
    public async Task DifferentParticipants_EachAnswerOnce()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app, SurveyMode.Verified);
        await SurveyParticipants.CreateAsync(app, 1, 2);
        var responder = app.Get<SurveyResponder>();

        var first = await responder.SubmitAsync(survey.Id, new Respondent.Participant(1), Valid(survey), "mayen");
        var second = await responder.SubmitAsync(survey.Id, new Respondent.Participant(2), Valid(survey), "mendig");
        var again = await responder.SubmitAsync(survey.Id, new Respondent.Participant(1), Valid(survey), "mayen");

        Assert.Equal([SubmitStatus.Submitted, SubmitStatus.Submitted, SubmitStatus.AlreadyAnswered], [first.Status, second.Status, again.Status]);
    }

    [Fact]
    public async Task InvitationCode_WorksOnce_TypedInAnyCaseAndWithSpaces_AndUnknownCodesAreRefused()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app, SurveyMode.Codes);
        var other = await GoldenSurvey.CreateAsync(app, SurveyMode.Codes);
        var codes = await app.Get<InvitationCodes>().GenerateAsync(survey.Id, 3);
        var responder = app.Get<SurveyResponder>();
        var typed = " " + codes[0].ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal) + " ";

        Assert.Equal(CodeState.Unused, await responder.CheckCodeAsync(survey.Id, typed));
        Assert.Equal(SubmitStatus.Submitted, (await responder.SubmitAsync(survey.Id, Respondent.Invitation.FromCode(typed), Valid(survey), null)).Status);
        Assert.Equal(CodeState.Used, await responder.CheckCodeAsync(survey.Id, codes[0]));
        Assert.Equal(SubmitStatus.AlreadyAnswered, (await responder.SubmitAsync(survey.Id, Respondent.Invitation.FromCode(codes[0]), Valid(survey), null)).Status);
        Assert.Equal(SubmitStatus.CodeNotValid, (await responder.SubmitAsync(survey.Id, Respondent.Invitation.FromCode("ABCDE-FGHJK"), Valid(survey), null)).Status);
        // A code belongs to its survey.
        Assert.Equal(SubmitStatus.CodeNotValid, (await responder.SubmitAsync(other.Id, Respondent.Invitation.FromCode(codes[1]), Valid(other), null)).Status);
        Assert.Equal(SubmitStatus.Submitted, (await responder.SubmitAsync(survey.Id, Respondent.Invitation.FromCode(codes[1]), Valid(survey), null)).Status);
        Assert.Equal((3L, 2L), await app.Get<InvitationCodes>().CountAsync(survey.Id));
    }

    [Fact]
    public async Task InvalidSubmission_DoesNotUseTheCode()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app, SurveyMode.Codes);
        var code = (await app.Get<InvitationCodes>().GenerateAsync(survey.Id, 1))[0];

        var result = await app.Get<SurveyResponder>().SubmitAsync(survey.Id, Respondent.Invitation.FromCode(code), new AnswerSet(), null);

        Assert.Equal(SubmitStatus.Invalid, result.Status);
        Assert.Equal(CodeState.Unused, await app.Get<SurveyResponder>().CheckCodeAsync(survey.Id, code));
    }

    [Fact]
    public async Task GeneratedCodes_AreDistinct_AndReadable()
    {
        await using var app = await SurveyApp.StartAsync();
        var survey = await GoldenSurvey.CreateAsync(app, SurveyMode.Codes);

        var codes = await app.Get<InvitationCodes>().GenerateAsync(survey.Id, 500);

        Assert.Equal(500, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$", c));
    }
}
