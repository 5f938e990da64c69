using MYK10.Participation.Participants;
using MYK10.Participation.Surveys;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Surveys;

/// <summary>Why a visitor cannot answer (yet), or <see cref="Answer"/>.</summary>
public enum SurveyGate
{
    Answer,
    NotFound,
    Closed,
    NotYetOpen,
    SignInNeeded,
    CodeNeeded,
    AlreadyAnswered,
}

/// <summary>Everything an answering page needs: the survey, the visitor's answers so far and who they answer as.</summary>
public sealed record SurveySessionState(SurveyDefinition? Definition, SurveyGate Gate, string? Token, AnswerSet Answers, Respondent? Respondent)
{
    public SurveyDefinition Survey => Definition ?? throw new InvalidOperationException("No survey.");
}

/// <summary>
/// The answering session of a browser: a random token in a cookie per survey keys the draft answers (and, in open
/// mode, is the respondent, so that one browser answers once). Verified mode answers as the signed-in participant,
/// codes mode as the code checked at the start.
/// </summary>
public sealed class SurveySession(SurveyStore store, SurveyResponder responder, ParticipantStore participants, TimeProvider clock)
{
    public static string CookieName(long surveyId) => $"myk10.umfrage.{surveyId}";

    public async Task<SurveySessionState> LoadAsync(HttpContext http, long surveyId, bool startSession)
    {
        var definition = await store.LoadAsync(surveyId, http.RequestAborted);
        var empty = new AnswerSet();
        if (definition is null || definition.Survey.Status == SurveyStatus.Draft)
        {
            return new SurveySessionState(null, SurveyGate.NotFound, null, empty, null);
        }

        var survey = definition.Survey;
        var now = clock.GetUtcNow();
        if (!survey.AcceptsAnswers(now))
        {
            var gate = survey.Status == SurveyStatus.Open && survey.OpensAt > now ? SurveyGate.NotYetOpen : SurveyGate.Closed;
            return new SurveySessionState(definition, gate, null, empty, null);
        }

        var token = http.Request.Cookies[CookieName(surveyId)];
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            token = null;
        }

        if (token is null && startSession)
        {
            token = SurveyResponder.NewToken();
            http.Response.Cookies.Append(CookieName(surveyId), token, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                Path = $"/umfragen/{surveyId}",
                MaxAge = TimeSpan.FromDays(60),
            });
        }

        var (answers, codeHash) = token is null ? (empty, null) : await responder.LoadDraftAsync(surveyId, token, http.RequestAborted);
        Respondent? respondent = survey.Mode switch
        {
            SurveyMode.Open => token is null ? null : new Respondent.Browser(token),
            SurveyMode.Verified => http.User.ParticipantId() is { } id && http.User.HasCompletedProfile()
                ? new Respondent.Participant(id) : null,
            _ => codeHash is null ? null : new Respondent.Invitation(codeHash),
        };
        if (respondent is null)
        {
            var gate = survey.Mode switch
            {
                SurveyMode.Verified => SurveyGate.SignInNeeded,
                SurveyMode.Codes => SurveyGate.CodeNeeded,
                _ => SurveyGate.Answer,
            };
            return new SurveySessionState(definition, gate, token, answers, null);
        }

        var answered = await responder.HasAnsweredAsync(surveyId, respondent, http.RequestAborted);
        return new SurveySessionState(definition, answered ? SurveyGate.AlreadyAnswered : SurveyGate.Answer, token, answers, respondent);
    }

    /// <summary>The municipality a verified participant gave in their profile.</summary>
    public async Task<string?> ParticipantMunicipalityAsync(Respondent? respondent) =>
        respondent is Respondent.Participant p ? (await participants.FindAsync(p.ParticipantId))?.MunicipalityId : null;
}
