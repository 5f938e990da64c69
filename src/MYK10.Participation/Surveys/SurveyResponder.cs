using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Data;
using MYK10.Participation.Time;

namespace MYK10.Participation.Surveys;

/// <summary>Who answers, as the survey's participation mode requires.</summary>
public abstract record Respondent
{
    /// <summary>Open mode: the random token of the browser (cookie); one response per token.</summary>
    public sealed record Browser(string Token) : Respondent;

    /// <summary>Verified mode: a signed-in participant; one response each.</summary>
    public sealed record Participant(long ParticipantId) : Respondent;

    /// <summary>Codes mode: an invitation code (kept as its hash); it answers once.</summary>
    public sealed record Invitation(string CodeHash) : Respondent
    {
        public static Invitation FromCode(string code) => new(SurveyResponder.Hash(InvitationCodes.Normalise(code)));
    }

    internal SurveyMode Mode => this switch
    {
        Browser => SurveyMode.Open,
        Participant => SurveyMode.Verified,
        _ => SurveyMode.Codes,
    };
}

public enum SubmitStatus
{
    Submitted,
    Invalid,
    AlreadyAnswered,
    CodeNotValid,
    NotOpen,
    WrongMode,
    NotFound,
}

public sealed record SubmitResult(SubmitStatus Status, IReadOnlyList<AnswerError> Errors)
{
    public bool Succeeded => Status == SubmitStatus.Submitted;
}

public enum CodeState
{
    Unknown,
    Unused,
    Used,
}

/// <summary>Answering a survey: answers kept between pages, and the submission with its one-response rule.</summary>
public sealed class SurveyResponder(IDbConnectionFactory connections, SurveyStore surveys, TimeProvider clock)
{
    private const int SqliteConstraint = 19;

    /// <summary>A new random token for a browser's draft (and, in open mode, its one response).</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public async Task<(AnswerSet Answers, string? CodeHash)> LoadDraftAsync(long surveyId, string token, CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT answers_json AS AnswersJson, code_hash AS CodeHash FROM survey_drafts WHERE token_hash = @Hash AND survey_id = @SurveyId";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string AnswersJson, string? CodeHash)>(sql, new { Hash = Hash(token), SurveyId = surveyId });
        return row.AnswersJson is null ? (new AnswerSet(), null) : (AnswerSet.FromJson(row.AnswersJson), row.CodeHash);
    }

    public async Task SaveDraftAsync(long surveyId, string token, AnswerSet answers, string? code = null, CancellationToken cancellationToken = default)
    {
        const string sql = """
            INSERT INTO survey_drafts (token_hash, survey_id, answers_json, code_hash, updated_at)
            VALUES (@Hash, @SurveyId, @Answers, @CodeHash, @Now)
            ON CONFLICT (token_hash) DO UPDATE SET answers_json = excluded.answers_json,
                code_hash = coalesce(excluded.code_hash, survey_drafts.code_hash), updated_at = excluded.updated_at
            WHERE survey_drafts.survey_id = excluded.survey_id
            """;
        await using var connection = await connections.OpenWriterAsync(cancellationToken);
        await connection.ExecuteAsync(sql, new
        {
            Hash = Hash(token),
            SurveyId = surveyId,
            Answers = answers.ToJson(),
            CodeHash = code is null ? null : Hash(InvitationCodes.Normalise(code)),
            Now = clock.GetUtcNow(),
        });
    }

    public async Task<CodeState> CheckCodeAsync(long surveyId, string code, CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT used FROM survey_codes WHERE survey_id = @SurveyId AND code_hash = @Hash";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var used = await connection.ExecuteScalarAsync<long?>(sql, new { SurveyId = surveyId, Hash = Hash(InvitationCodes.Normalise(code)) });
        return used switch
        {
            null => CodeState.Unknown,
            0 => CodeState.Unused,
            _ => CodeState.Used,
        };
    }

    /// <summary>
    /// Which of <paramref name="surveyIds"/> the participant has answered as themselves: verified surveys. Open surveys
    /// are answered per browser, surveys with codes per code; neither is linked to the account.
    /// </summary>
    public async Task<IReadOnlySet<long>> AnsweredByAsync(long participantId, IReadOnlyCollection<long> surveyIds, CancellationToken cancellationToken = default)
    {
        // By survey: the unique index (survey_id, participant_id) makes each survey one lookup.
        const string sql = "SELECT survey_id FROM survey_participations WHERE survey_id IN @SurveyIds AND participant_id = @ParticipantId";
        if (surveyIds.Count == 0)
        {
            return new HashSet<long>();
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition(sql, new { SurveyIds = surveyIds, ParticipantId = participantId }, cancellationToken: cancellationToken))).ToHashSet();
    }

    /// <summary>True when this respondent has already answered the survey.</summary>
    public async Task<bool> HasAnsweredAsync(long surveyId, Respondent respondent, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT EXISTS (
                SELECT 1 FROM survey_participations p LEFT JOIN survey_codes c ON c.id = p.code_id
                WHERE p.survey_id = @SurveyId
                  AND (p.participant_id = @ParticipantId OR p.token_hash = @TokenHash OR c.code_hash = @CodeHash))
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(sql, RespondentParameters(surveyId, respondent)) == 1;
    }

    /// <summary>
    /// Validates all visible answers (hidden ones are dropped first) and stores the response in one transaction.
    /// The UNIQUE constraints of <c>survey_participations</c> decide the one-response rule, also under concurrency.
    /// </summary>
    public async Task<SubmitResult> SubmitAsync(long surveyId, Respondent respondent, AnswerSet answers, string? respondentMunicipalityId,
        string? draftToken = null, CancellationToken cancellationToken = default)
    {
        var definition = await surveys.LoadAsync(surveyId, cancellationToken);
        if (definition is null)
        {
            return new SubmitResult(SubmitStatus.NotFound, []);
        }

        var now = clock.GetUtcNow();
        if (!definition.Survey.AcceptsAnswers(now))
        {
            return new SubmitResult(SubmitStatus.NotOpen, []);
        }

        if (definition.Survey.Mode != respondent.Mode)
        {
            return new SubmitResult(SubmitStatus.WrongMode, []);
        }

        var check = SurveyValidation.Check(definition, answers);
        if (check.Errors.Count > 0)
        {
            return new SubmitResult(SubmitStatus.Invalid, check.Errors);
        }

        var kept = check.Answers;

        var day = BerlinTime.ToBerlin(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var connection = await connections.OpenWriterAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        try
        {
            var participationId = await RecordParticipationAsync(connection, transaction, surveyId, respondent, day);
            if (participationId is null)
            {
                return new SubmitResult(await CodeFailureAsync(connection, transaction, surveyId, respondent), []);
            }

            var responseId = await InsertResponseAsync(connection, transaction, surveyId, day, respondentMunicipalityId);
            if (!definition.Survey.Anonymous)
            {
                await connection.ExecuteAsync("UPDATE survey_participations SET response_id = @ResponseId WHERE id = @Id",
                    new { ResponseId = responseId, Id = participationId }, transaction);
            }

            const string insertAnswer = """
                INSERT INTO survey_answers (response_id, question_id, item, value) VALUES (@ResponseId, @QuestionId, @Item, @Value)
                """;
            var rows = kept.QuestionIds.SelectMany(q => kept.Get(q).Select(a => new { ResponseId = responseId, QuestionId = q, Item = a.Key, a.Value }));
            await connection.ExecuteAsync(insertAnswer, rows, transaction);
            if (draftToken is not null)
            {
                await connection.ExecuteAsync("DELETE FROM survey_drafts WHERE token_hash = @Hash", new { Hash = Hash(draftToken) }, transaction);
            }

            transaction.Commit();
            return new SubmitResult(SubmitStatus.Submitted, []);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint && ex.Message.Contains("UNIQUE", StringComparison.Ordinal))
        {
            transaction.Rollback();
            return new SubmitResult(SubmitStatus.AlreadyAnswered, []);
        }
    }

    private static async Task<long?> RecordParticipationAsync(SqliteConnection connection, SqliteTransaction transaction, long surveyId, Respondent respondent, string day)
    {
        long? codeId = null;
        if (respondent is Respondent.Invitation invitation)
        {
            const string useCode = """
                UPDATE survey_codes SET used = 1 WHERE survey_id = @SurveyId AND code_hash = @Hash AND used = 0 RETURNING id
                """;
            codeId = await connection.ExecuteScalarAsync<long?>(useCode, new { SurveyId = surveyId, Hash = invitation.CodeHash }, transaction);
            if (codeId is null)
            {
                return null;
            }
        }

        const string insert = """
            INSERT INTO survey_participations (survey_id, participant_id, code_id, token_hash, participated_on)
            VALUES (@SurveyId, @ParticipantId, @CodeId, @TokenHash, @Day)
            RETURNING id
            """;
        return await connection.ExecuteScalarAsync<long>(insert, new
        {
            SurveyId = surveyId,
            ParticipantId = (respondent as Respondent.Participant)?.ParticipantId,
            CodeId = codeId,
            TokenHash = respondent is Respondent.Browser browser ? Hash(browser.Token) : null,
            Day = day,
        }, transaction);
    }

    private static async Task<SubmitStatus> CodeFailureAsync(SqliteConnection connection, SqliteTransaction transaction, long surveyId, Respondent respondent)
    {
        var used = await connection.ExecuteScalarAsync<long?>("SELECT used FROM survey_codes WHERE survey_id = @SurveyId AND code_hash = @Hash",
            new { SurveyId = surveyId, Hash = ((Respondent.Invitation)respondent).CodeHash }, transaction);
        return used == 1 ? SubmitStatus.AlreadyAnswered : SubmitStatus.CodeNotValid;
    }

    /// <summary>A random id (below 2^53, safe in JSON), so that ids carry no order of submission.</summary>
    private static async Task<long> InsertResponseAsync(SqliteConnection connection, SqliteTransaction transaction, long surveyId, string day, string? municipalityId)
    {
        const string sql = """
            INSERT INTO survey_responses (id, survey_id, submitted_on, municipality_id) VALUES (@Id, @SurveyId, @Day, @MunicipalityId)
            ON CONFLICT (id) DO NOTHING
            """;
        while (true)
        {
            var id = (long)(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 11);
            if (id == 0)
            {
                continue;
            }

            if (await connection.ExecuteAsync(sql, new { Id = id, SurveyId = surveyId, Day = day, MunicipalityId = municipalityId }, transaction) == 1)
            {
                return id;
            }
        }
    }

    private static object RespondentParameters(long surveyId, Respondent respondent) => new
    {
        SurveyId = surveyId,
        ParticipantId = (respondent as Respondent.Participant)?.ParticipantId,
        TokenHash = respondent is Respondent.Browser browser ? Hash(browser.Token) : null,
        CodeHash = (respondent as Respondent.Invitation)?.CodeHash,
    };
}
