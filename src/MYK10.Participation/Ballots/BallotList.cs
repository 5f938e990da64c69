using Dapper;
using MYK10.Participation.Data;

namespace MYK10.Participation.Ballots;

/// <summary>One page of a vote's published ballots, in receipt-code order, and how many there are.</summary>
public sealed record BallotPage(IReadOnlyList<AnonymousBallot> Ballots, long Total, int Page, int PageSize)
{
    public int PageCount => Pages(Total, PageSize);

    /// <summary>How many pages of this size the ballots fill; one, when there are none.</summary>
    public static int Pages(long total, int pageSize) => (int)Math.Max(1, (total + pageSize - 1) / pageSize);
}

/// <summary>
/// Reads the published ballots of a vote a page at a time, and one ballot by its receipt code: a result page of a
/// vote with a hundred thousand ballots must not carry them all (the downloads do).
/// </summary>
public sealed class BallotList(IDbConnectionFactory connections)
{
    public const int PageSize = 100;

    public async Task<BallotPage> PageAsync(long voteId, int page, CancellationToken cancellationToken = default)
    {
        const string ballotsSql = """
            SELECT id AS Id, receipt_code AS ReceiptCode, municipality_id AS MunicipalityId, external_voter_id AS ExternalVoterId
            FROM ballots WHERE vote_id = @VoteId ORDER BY receipt_code LIMIT @Limit OFFSET @Offset
            """;
        const string countSql = "SELECT count(*) FROM ballots WHERE vote_id = @VoteId";
        page = Math.Max(1, page);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var total = await connection.ExecuteScalarAsync<long>(countSql, new { VoteId = voteId }, transaction);
        // A page beyond the last (a number typed into the address) shows the last page, not an empty list "page 999 of 2".
        page = Math.Min(page, BallotPage.Pages(total, PageSize));
        var rows = (await connection.QueryAsync<BallotRow>(ballotsSql, new { VoteId = voteId, Limit = PageSize, Offset = (long)(page - 1) * PageSize }, transaction)).AsList();
        return new BallotPage(await WithChoicesAsync(connection, transaction, rows), total, page, PageSize);
    }

    /// <summary>The ballot with this receipt code in this vote, or null.</summary>
    public async Task<AnonymousBallot?> FindAsync(long voteId, string receiptCode, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT id AS Id, receipt_code AS ReceiptCode, municipality_id AS MunicipalityId, external_voter_id AS ExternalVoterId
            FROM ballots WHERE vote_id = @VoteId AND receipt_code = @Code
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var rows = (await connection.QueryAsync<BallotRow>(sql, new { VoteId = voteId, Code = receiptCode }, transaction)).AsList();
        return (await WithChoicesAsync(connection, transaction, rows)).SingleOrDefault();
    }

    private static async Task<IReadOnlyList<AnonymousBallot>> WithChoicesAsync(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, List<BallotRow> rows)
    {
        const string choicesSql = """
            SELECT ballot_id AS BallotId, option_id AS OptionId, value AS Value
            FROM ballot_choices WHERE ballot_id IN (SELECT value FROM json_each(@Ids))
            ORDER BY ballot_id, value, option_id
            """;
        var ids = System.Text.Json.JsonSerializer.Serialize(rows.Select(r => r.Id));
        var choices = (await connection.QueryAsync<ChoiceRow>(choicesSql, new { Ids = ids }, transaction))
            .ToLookup(c => c.BallotId, c => new BallotChoice(c.OptionId, (int)c.Value));
        return rows.Select(b => new AnonymousBallot(b.Id, b.ReceiptCode, b.MunicipalityId, b.ExternalVoterId, choices[b.Id].ToList())).ToList();
    }

    // Classes, not positional records: with no rows SQLite reports expression columns as blobs, which no constructor matches.
    private sealed class BallotRow
    {
        public long Id { get; init; }

        public string ReceiptCode { get; init; } = "";

        public string? MunicipalityId { get; init; }

        public string? ExternalVoterId { get; init; }
    }

    private sealed class ChoiceRow
    {
        public long BallotId { get; init; }

        public long OptionId { get; init; }

        public long Value { get; init; }
    }
}
