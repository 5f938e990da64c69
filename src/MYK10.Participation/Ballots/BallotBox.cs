using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Data;

namespace MYK10.Participation.Ballots;

/// <param name="ReceiptCode">The ballot's receipt code; null when refused.</param>
/// <param name="Replaced">The participant had voted before and this ballot changed the earlier one's choices.</param>
public sealed record CastResult(string? ReceiptCode, IReadOnlyList<BallotProblem> Problems, bool Replaced)
{
    public bool Succeeded => ReceiptCode is not null;

    public static CastResult Refused(params BallotProblem[] problems) => new(null, problems, false);
}

/// <summary>Casting and changing participants' ballots.</summary>
public sealed class BallotBox(IDbConnectionFactory connections, VoteStore store, TimeProvider clock)
{
    /// <summary>
    /// Stores the participant's ballot, or replaces their earlier one, in one transaction: the choices are checked
    /// first, the vote is checked open inside the transaction, and the UNIQUE (vote, participant) index makes
    /// concurrent submissions end in one ballot. A refused ballot stores nothing and leaves an earlier one intact.
    /// The receipt code stays the same when a ballot is changed.
    /// </summary>
    public async Task<CastResult> CastAsync(long voteId, long participantId, IReadOnlyList<BallotChoice> choices, CancellationToken cancellationToken = default)
    {
        var vote = await store.FindAsync(voteId, cancellationToken);
        return vote is null ? CastResult.Refused(BallotProblem.VoteNotOpen) : await CastAsync(vote, participantId, choices, cancellationToken);
    }

    /// <summary>As <see cref="CastAsync(long, long, IReadOnlyList{BallotChoice}, CancellationToken)"/>, for a vote the caller has just read.</summary>
    public async Task<CastResult> CastAsync(Vote vote, long participantId, IReadOnlyList<BallotChoice> choices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(choices);
        var voteId = vote.Id;
        if (!vote.IsOpen(clock.GetUtcNow()))
        {
            return CastResult.Refused(BallotProblem.VoteNotOpen);
        }

        var problems = BallotRules.Check(vote.Rules, vote.Costs, choices);
        if (problems.Count > 0)
        {
            return new CastResult(null, problems, false);
        }

        const string participantSql = "SELECT 1 AS Found, municipality_id AS MunicipalityId FROM participants WHERE id = @Id AND deleted_at IS NULL";
        const string openSql = "SELECT COUNT(*) FROM votes WHERE id = @Id AND status = 'published' AND opens_at <= @Now AND closes_at > @Now";
        const string upsertBallot = """
            INSERT INTO ballots (vote_id, participant_id, receipt_code, municipality_id, cast_at)
            VALUES (@VoteId, @ParticipantId, @ReceiptCode, @MunicipalityId, @Now)
            ON CONFLICT (vote_id, participant_id) DO UPDATE SET municipality_id = excluded.municipality_id, cast_at = excluded.cast_at
            RETURNING id AS Id, receipt_code AS ReceiptCode
            """;
        const string clearChoices = "DELETE FROM ballot_choices WHERE ballot_id = @BallotId RETURNING option_id AS OptionId, value AS Value";

        await using var connection = await connections.OpenWriterAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var now = clock.GetUtcNow();
        var participant = await connection.QuerySingleOrDefaultAsync<(long Found, string? MunicipalityId)>(participantSql, new { Id = participantId }, transaction);
        if (participant.Found == 0)
        {
            return CastResult.Refused(BallotProblem.UnknownParticipant);
        }

        if (vote.AudienceId != "kreis" && participant.MunicipalityId != vote.AudienceId)
        {
            return CastResult.Refused(BallotProblem.NotInAudience);
        }

        // Checked again inside the write transaction: a ballot arriving as the vote closes is refused, not counted.
        if (await connection.ExecuteScalarAsync<long>(openSql, new { Id = voteId, Now = now }, transaction) == 0)
        {
            return CastResult.Refused(BallotProblem.VoteNotOpen);
        }

        var newCode = VoteStore.NewReceiptCode();
        var ballot = await connection.QuerySingleAsync<(long Id, string ReceiptCode)>(upsertBallot, new
        {
            VoteId = voteId,
            ParticipantId = participantId,
            ReceiptCode = newCode,
            participant.MunicipalityId,
            Now = now,
        }, transaction);
        var earlier = await connection.QueryAsync<(long OptionId, long Value)>(clearChoices, new { BallotId = ballot.Id }, transaction);
        if (ballot.ReceiptCode != newCode
            && earlier.Select(c => (c.OptionId, (int)c.Value)).Order().SequenceEqual(choices.Select(c => (c.OptionId, c.Value)).Order()))
        {
            // The same choices sent again (a second click, the form resent): the earlier ballot stands as it was, with
            // its time of casting, which the councils' digests count by.
            transaction.Rollback();
            return new CastResult(ballot.ReceiptCode, [], false);
        }

        try
        {
            await VoteStore.InsertChoicesAsync(connection, transaction, ballot.Id, choices);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19 && ex.Message.Contains("FOREIGN KEY", StringComparison.Ordinal))
        {
            // The options changed between reading the vote and writing (staff edited a vote without ballots).
            transaction.Rollback();
            return CastResult.Refused(BallotProblem.UnknownOption);
        }

        transaction.Commit();
        return new CastResult(ballot.ReceiptCode, [], ballot.ReceiptCode != newCode);
    }

    /// <summary>The votes among <paramref name="voteIds"/> in which the participant has cast a ballot.</summary>
    public async Task<IReadOnlySet<long>> CastInAsync(long participantId, IReadOnlyCollection<long> voteIds, CancellationToken cancellationToken = default)
    {
        // By vote: the ballots' unique index starts with the vote, so each vote is one lookup, not a scan of all ballots.
        const string sql = "SELECT vote_id FROM ballots WHERE vote_id IN @VoteIds AND participant_id = @ParticipantId";
        if (voteIds.Count == 0)
        {
            return new HashSet<long>();
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition(sql, new { VoteIds = voteIds, ParticipantId = participantId }, cancellationToken: cancellationToken))).ToHashSet();
    }

    /// <summary>The participant's own ballot in a vote, or null.</summary>
    public async Task<AnonymousBallot?> FindAsync(long voteId, long participantId, CancellationToken cancellationToken = default)
    {
        const string ballotSql = """
            SELECT id AS Id, receipt_code AS ReceiptCode, municipality_id AS MunicipalityId
            FROM ballots WHERE vote_id = @VoteId AND participant_id = @ParticipantId
            """;
        const string choicesSql = "SELECT option_id AS OptionId, value AS Value FROM ballot_choices WHERE ballot_id = @BallotId ORDER BY value, option_id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(long Id, string ReceiptCode, string? MunicipalityId)>(
            ballotSql, new { VoteId = voteId, ParticipantId = participantId });
        if (row.Id == 0)
        {
            return null;
        }

        var choices = await connection.QueryAsync<(long OptionId, long Value)>(choicesSql, new { BallotId = row.Id });
        return new AnonymousBallot(row.Id, row.ReceiptCode, row.MunicipalityId, null,
            choices.Select(c => new BallotChoice(c.OptionId, (int)c.Value)).ToList());
    }

    /// <summary>
    /// The options in an order of their own for each participant, the same on every visit, so that no option
    /// profits from standing first for everyone.
    /// </summary>
    public static IReadOnlyList<VoteOption> OrderFor(Vote vote, long participantId)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return vote.Options
            .OrderBy(o => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{vote.Id}:{participantId}:{o.Id}"))), StringComparer.Ordinal)
            .ToList();
    }
}
