using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using MYK10.Participation.Administration;
using MYK10.Participation.Data;
using MYK10.Participation.Moderation;

namespace MYK10.Participation.Surveys;

/// <summary>
/// Single-use invitation codes such as "K7M2Q-XP4RT": ten characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L), about 50 bits. Only their hashes are stored, so the list is shown once, when generated.
/// </summary>
public sealed class InvitationCodes(IDbConnectionFactory connections, TimeProvider clock)
{
    public const int MaxPerBatch = 5000;
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>Upper case, without spaces and hyphens: what people type is compared in this form.</summary>
    public static string Normalise(string code)
    {
        var builder = new StringBuilder(code.Length);
        foreach (var c in code)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>Makes <paramref name="count"/> new codes for a survey and returns them in printable form.</summary>
    public async Task<IReadOnlyList<string>> GenerateAsync(long surveyId, int count, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxPerBatch);
        const string sql = """
            INSERT INTO survey_codes (survey_id, code_hash, created_at) VALUES (@SurveyId, @Hash, @Now)
            ON CONFLICT (code_hash) DO NOTHING
            """;
        var codes = new List<string>(count);
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        while (codes.Count < count)
        {
            var code = NewCode();
            if (await connection.ExecuteAsync(sql, new { SurveyId = surveyId, Hash = SurveyResponder.Hash(Normalise(code)), Now = now }, transaction) == 1)
            {
                codes.Add(code);
            }
        }

        await AdminLog.WriteAsync(connection, transaction, actor, now, AdminActions.GenerateCodes, AdminTarget.Survey(surveyId),
            count.ToString(CultureInfo.InvariantCulture));
        transaction.Commit();
        return codes;
    }

    public async Task<(long Total, long Used)> CountAsync(long surveyId, CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT count(*) AS Total, coalesce(sum(used), 0) AS Used FROM survey_codes WHERE survey_id = @SurveyId";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<(long Total, long Used)>(sql, new { SurveyId = surveyId });
    }

    private static string NewCode()
    {
        Span<char> chars = stackalloc char[11];
        for (var i = 0; i < 11; i++)
        {
            chars[i] = i == 5 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }
}
