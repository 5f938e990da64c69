using System.Data;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Administration;
using MYK10.Participation.Data;
using MYK10.Participation.Moderation;

namespace MYK10.Participation.Ballots;

/// <summary>An anonymous ballot as published: its receipt code, where the voter lives, the marks.</summary>
public sealed record AnonymousBallot(long Id, string ReceiptCode, string? MunicipalityId, string? ExternalVoterId, IReadOnlyList<BallotChoice> Choices);

/// <summary>The stored tally of a vote, as the tally job last computed it.</summary>
public sealed record StoredTally(TallyResult Result, IReadOnlyDictionary<string, long> ParticipationByMunicipality, DateTimeOffset ComputedAt);

/// <summary>Dapper access to votes, options, ballots and tallies.</summary>
public sealed class VoteStore(IDbConnectionFactory connections)
{
    private const string ReceiptAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const string UnknownMunicipality = "unbekannt";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record VoteRow(
        long Id, string Title, string Explanation, string AudienceId, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string Method,
        long? MaxChoices, long? TotalPoints, long? MaxPointsPerOption, long? Budget, long? MinBudgetSharePercent, string? AllocationRule,
        string ResultVisibility, string Status, string Source);

    private sealed record OptionRow(long Id, long VoteId, string Title, string Description, long? Cost, long Position);

    private const string VoteColumns = """
        id AS Id, title AS Title, explanation AS Explanation, audience_id AS AudienceId, opens_at AS OpensAt, closes_at AS ClosesAt,
        method AS Method, max_choices AS MaxChoices, total_points AS TotalPoints, max_points_per_option AS MaxPointsPerOption,
        budget AS Budget, min_budget_share_percent AS MinBudgetSharePercent, allocation_rule AS AllocationRule,
        result_visibility AS ResultVisibility, status AS Status, source AS Source
        """;

    /// <summary>A fresh receipt code such as <c>K7QM-3XPA-RT9E</c>: 12 characters of an alphabet without look-alikes (about 59 bits).</summary>
    public static string NewReceiptCode()
    {
        Span<char> code = stackalloc char[14];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = i is 4 or 9 ? '-' : ReceiptAlphabet[RandomNumberGenerator.GetInt32(ReceiptAlphabet.Length)];
        }

        return new string(code);
    }

    /// <summary>
    /// A receipt code as a voter may type it (lower case, spaces, without or with other dashes) in the form it is stored:
    /// twelve letters of the alphabet get their dashes back; anything else (an imported file's code) is only trimmed.
    /// </summary>
    public static string NormaliseReceiptCode(string typed)
    {
        var compact = new string(typed.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '–' or '‐')).Select(char.ToUpperInvariant).ToArray());
        return compact.Length == 12 && compact.All(c => ReceiptAlphabet.Contains(c, StringComparison.Ordinal))
            ? $"{compact[..4]}-{compact[4..8]}-{compact[8..]}"
            : typed.Trim().ToUpperInvariant();
    }

    public async Task<long> InsertAsync(VoteDraft draft, bool published, bool imported, DateTimeOffset now, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var id = await InsertAsync(connection, transaction, draft, published, imported, now);
        await AdminLog.WriteAsync(connection, transaction, actor, now, AdminActions.Create, AdminTarget.Vote(id), draft.Title);
        transaction.Commit();
        return id;
    }

    internal static async Task<long> InsertAsync(SqliteConnection connection, IDbTransaction transaction, VoteDraft draft, bool published, bool imported, DateTimeOffset now)
    {
        const string sql = """
            INSERT INTO votes (title, explanation, audience_id, opens_at, closes_at, method, max_choices, total_points,
                               max_points_per_option, budget, min_budget_share_percent, allocation_rule, result_visibility,
                               status, source, created_at, updated_at)
            VALUES (@Title, @Explanation, @AudienceId, @OpensAt, @ClosesAt, @Method, @MaxChoices, @TotalPoints,
                    @MaxPointsPerOption, @Budget, @MinBudgetSharePercent, @Rule, @Visibility,
                    @Status, @Source, @Now, @Now)
            RETURNING id
            """;
        var id = await connection.ExecuteScalarAsync<long>(sql, Parameters(draft, now, new
        {
            Status = published ? "published" : "draft",
            Source = imported ? "import" : "site",
        }), transaction);
        await InsertOptionsAsync(connection, transaction, id, draft.Options, externalIds: null);
        return id;
    }

    internal static async Task<IReadOnlyList<long>> InsertOptionsAsync(SqliteConnection connection, IDbTransaction transaction, long voteId,
        IReadOnlyList<OptionDraft> options, IReadOnlyList<string>? externalIds)
    {
        const string sql = """
            INSERT INTO vote_options (vote_id, title, description, cost, position, external_id)
            VALUES (@VoteId, @Title, @Description, @Cost, @Position, @ExternalId)
            RETURNING id
            """;
        const string linkIdea = "INSERT INTO vote_option_ideas (option_id, idea_id) VALUES (@OptionId, @IdeaId)";
        const string linkMeasure = """
            INSERT INTO vote_option_measures (option_id, measure_id)
            SELECT @OptionId, id FROM strategy_measures WHERE id = @MeasureId
            """;
        var ids = new List<long>(options.Count);
        for (var i = 0; i < options.Count; i++)
        {
            var optionId = await connection.ExecuteScalarAsync<long>(sql, new
            {
                VoteId = voteId,
                Title = options[i].Title.Trim(),
                Description = options[i].Description.Trim(),
                options[i].Cost,
                Position = i + 1,
                ExternalId = externalIds?[i],
            }, transaction);
            await connection.ExecuteAsync(linkIdea, options[i].Ideas.Distinct().Select(idea => new { OptionId = optionId, IdeaId = idea }), transaction);
            if (options[i].MeasureId is { } measureId)
            {
                await connection.ExecuteAsync(linkMeasure, new { OptionId = optionId, MeasureId = measureId }, transaction);
            }

            ids.Add(optionId);
        }

        return ids;
    }

    internal static Task<IEnumerable<long>> OptionIdsAsync(SqliteConnection connection, IDbTransaction transaction, long voteId) =>
        connection.QueryAsync<long>("SELECT id FROM vote_options WHERE vote_id = @VoteId ORDER BY position", new { VoteId = voteId }, transaction);

    private static DynamicParameters Parameters(VoteDraft draft, DateTimeOffset now, object extra)
    {
        var parameters = new DynamicParameters(extra);
        parameters.AddDynamicParams(new
        {
            Title = draft.Title.Trim(),
            Explanation = draft.Explanation.Trim(),
            draft.AudienceId,
            draft.OpensAt,
            draft.ClosesAt,
            Method = draft.Method.ToText(),
            draft.MaxChoices,
            draft.TotalPoints,
            draft.MaxPointsPerOption,
            draft.Budget,
            draft.MinBudgetSharePercent,
            Rule = draft.Rule?.ToText(),
            Visibility = draft.Visibility.ToText(),
            Now = now,
        });
        return parameters;
    }

    /// <summary>Replaces a vote's settings and options; refused (false) once it has ballots.</summary>
    public async Task<bool> UpdateAsync(long id, VoteDraft draft, DateTimeOffset now, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        const string sql = """
            UPDATE votes
            SET title = @Title, explanation = @Explanation, audience_id = @AudienceId, opens_at = @OpensAt, closes_at = @ClosesAt,
                method = @Method, max_choices = @MaxChoices, total_points = @TotalPoints, max_points_per_option = @MaxPointsPerOption,
                budget = @Budget, min_budget_share_percent = @MinBudgetSharePercent, allocation_rule = @Rule,
                result_visibility = @Visibility, updated_at = @Now
            WHERE id = @Id AND source = 'site' AND NOT EXISTS (SELECT 1 FROM ballots WHERE vote_id = @Id)
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        if (await connection.ExecuteAsync(sql, Parameters(draft, now, new { Id = id }), transaction) == 0)
        {
            return false;
        }

        await connection.ExecuteAsync("DELETE FROM vote_options WHERE vote_id = @Id", new { Id = id }, transaction);
        await InsertOptionsAsync(connection, transaction, id, draft.Options, externalIds: null);
        await AdminLog.WriteAsync(connection, transaction, actor, now, AdminActions.Update, AdminTarget.Vote(id), draft.Title);
        transaction.Commit();
        return true;
    }

    public async Task<bool> PublishAsync(long id, DateTimeOffset now, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        const string sql = "UPDATE votes SET status = 'published', updated_at = @Now WHERE id = @Id AND status = 'draft' RETURNING title AS Title";
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        if (await connection.QuerySingleOrDefaultAsync<string?>(sql, new { Id = id, Now = now }, transaction) is not { } title)
        {
            return false;
        }

        await AdminLog.WriteAsync(connection, transaction, actor, now, AdminActions.Publish, AdminTarget.Vote(id), title);
        transaction.Commit();
        return true;
    }

    /// <summary>
    /// Moves the end of a published vote of the site that has not ended to <paramref name="closesAt"/> (not before its
    /// beginning): only the end changes, whatever ballots the vote has. The admin log records the end before and after.
    /// False when the vote is no such vote (any more).
    /// </summary>
    public async Task<bool> SetEndAsync(long id, DateTimeOffset closesAt, DateTimeOffset now, string action, string? details, StaffActor? actor = null,
        CancellationToken cancellationToken = default)
    {
        const string before = """
            SELECT closes_at FROM votes
            WHERE id = @Id AND status = 'published' AND source = 'site' AND closes_at > @Now AND opens_at <= @ClosesAt AND @ClosesAt >= @Now
            """;
        const string sql = "UPDATE votes SET closes_at = @ClosesAt, updated_at = @Now WHERE id = @Id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var parameters = new { Id = id, ClosesAt = closesAt.ToUniversalTime(), Now = now };
        if (await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(before, parameters, transaction) is not { } endBefore)
        {
            return false;
        }

        await connection.ExecuteAsync(sql, parameters, transaction);
        await AdminLog.WriteAsync(connection, transaction, actor, now, action, AdminTarget.Vote(id), details,
            before: new { closesAt = endBefore }, after: new { closesAt = closesAt.ToUniversalTime() });
        transaction.Commit();
        return true;
    }

    public async Task<Vote?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        const string sql = $"SELECT {VoteColumns} FROM votes WHERE id = @Id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<VoteRow>(sql, new { Id = id });
        if (row is null)
        {
            return null;
        }

        return ToVote(row, await OptionsAsync(connection, [id]));
    }

    /// <summary>All votes, newest closing first; only published ones when <paramref name="publishedOnly"/>.</summary>
    public async Task<IReadOnlyList<Vote>> ListAsync(bool publishedOnly, CancellationToken cancellationToken = default)
    {
        const string sql = $"""
            SELECT {VoteColumns} FROM votes
            WHERE (@PublishedOnly = 0 OR status = 'published')
            ORDER BY closes_at DESC, id DESC
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<VoteRow>(sql, new { PublishedOnly = publishedOnly })).ToList();
        var options = await OptionsAsync(connection, rows.Select(r => r.Id).ToList());
        return rows.Select(r => ToVote(r, options)).ToList();
    }

    private static async Task<ILookup<long, VoteOption>> OptionsAsync(SqliteConnection connection, IReadOnlyList<long> voteIds)
    {
        const string sql = """
            SELECT id AS Id, vote_id AS VoteId, title AS Title, description AS Description, cost AS Cost, position AS Position
            FROM vote_options
            WHERE vote_id IN @VoteIds
            ORDER BY vote_id, position
            """;
        const string ideasSql = """
            SELECT l.option_id AS OptionId, l.idea_id AS IdeaId
            FROM vote_option_ideas l JOIN vote_options o ON o.id = l.option_id
            WHERE o.vote_id IN @VoteIds
            ORDER BY l.option_id, l.idea_id
            """;
        const string measuresSql = """
            SELECT l.option_id AS OptionId, l.measure_id AS MeasureId
            FROM vote_option_measures l JOIN vote_options o ON o.id = l.option_id
            WHERE o.vote_id IN @VoteIds
            """;
        var rows = await connection.QueryAsync<OptionRow>(sql, new { VoteIds = voteIds });
        var ideas = (await connection.QueryAsync<(long OptionId, long IdeaId)>(ideasSql, new { VoteIds = voteIds })).ToLookup(l => l.OptionId, l => l.IdeaId);
        var measures = (await connection.QueryAsync<(long OptionId, long MeasureId)>(measuresSql, new { VoteIds = voteIds })).ToDictionary(l => l.OptionId, l => l.MeasureId);
        return rows.ToLookup(r => r.VoteId, r => new VoteOption(r.Id, r.Title, r.Description, r.Cost, (int)r.Position, ideas[r.Id].ToList(),
            measures.TryGetValue(r.Id, out var measure) ? measure : null));
    }

    private static Vote ToVote(VoteRow r, ILookup<long, VoteOption> options) => new(
        r.Id, r.Title, r.Explanation, r.AudienceId, r.OpensAt, r.ClosesAt, VoteTexts.ParseMethod(r.Method),
        (int?)r.MaxChoices, (int?)r.TotalPoints, (int?)r.MaxPointsPerOption, r.Budget, (int?)r.MinBudgetSharePercent,
        VoteTexts.ParseRule(r.AllocationRule), VoteTexts.ParseVisibility(r.ResultVisibility), r.Status == "published", r.Source == "import",
        options[r.Id].ToList());

    /// <summary>The published ideas the vote's options grew from, with their titles.</summary>
    public async Task<IReadOnlyList<LinkedIdea>> LinkedIdeasAsync(long voteId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT l.option_id AS OptionId, i.id AS IdeaId, i.title AS Title
            FROM vote_option_ideas l
            JOIN vote_options o ON o.id = l.option_id
            JOIN ideas i ON i.id = l.idea_id
            WHERE o.vote_id = @VoteId AND i.state = 'published'
            ORDER BY l.option_id, i.id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<LinkedIdea>(sql, new { VoteId = voteId })).ToList();
    }

    /// <summary>Those of <paramref name="ideaIds"/> that are not ideas at all.</summary>
    public async Task<IReadOnlyList<long>> MissingIdeasAsync(IReadOnlyCollection<long> ideaIds, CancellationToken cancellationToken = default)
    {
        if (ideaIds.Count == 0)
        {
            return [];
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var found = (await connection.QueryAsync<long>("SELECT id FROM ideas WHERE id IN @Ids", new { Ids = ideaIds })).ToHashSet();
        return ideaIds.Where(id => !found.Contains(id)).Distinct().ToList();
    }

    /// <summary>The number of ballots of each vote that has any.</summary>
    public async Task<IReadOnlyDictionary<long, long>> BallotCountsAsync(CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT vote_id AS VoteId, COUNT(*) AS Ballots FROM ballots GROUP BY vote_id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(long VoteId, long Ballots)>(sql)).ToDictionary(r => r.VoteId, r => r.Ballots);
    }

    /// <summary>Stores anonymous ballots (imports, paper ballots) in the caller's transaction.</summary>
    internal static async Task InsertAnonymousBallotsAsync(SqliteConnection connection, IDbTransaction transaction, long voteId,
        IEnumerable<(string? ExternalVoterId, string? MunicipalityId, IReadOnlyList<BallotChoice> Choices)> ballots, DateTimeOffset now)
    {
        const string insertBallot = """
            INSERT INTO ballots (vote_id, receipt_code, municipality_id, external_voter_id, cast_at)
            VALUES (@VoteId, @ReceiptCode, @MunicipalityId, @ExternalVoterId, @Now)
            RETURNING id
            """;
        foreach (var (externalVoterId, municipalityId, choices) in ballots)
        {
            var ballotId = await connection.ExecuteScalarAsync<long>(insertBallot,
                new { VoteId = voteId, ReceiptCode = NewReceiptCode(), MunicipalityId = municipalityId, ExternalVoterId = externalVoterId, Now = now }, transaction);
            await InsertChoicesAsync(connection, transaction, ballotId, choices);
        }
    }

    internal static async Task InsertChoicesAsync(SqliteConnection connection, IDbTransaction transaction, long ballotId, IReadOnlyList<BallotChoice> choices)
    {
        const string sql = "INSERT INTO ballot_choices (ballot_id, option_id, value) VALUES (@BallotId, @OptionId, @Value)";
        await connection.ExecuteAsync(sql, choices.Select(c => new { BallotId = ballotId, c.OptionId, c.Value }), transaction);
    }

    /// <summary>The vote's ballots without identities, ordered by receipt code (so the order says nothing about time).</summary>
    public async Task<IReadOnlyList<AnonymousBallot>> BallotsAsync(long voteId, CancellationToken cancellationToken = default)
    {
        const string ballotsSql = """
            SELECT id AS Id, receipt_code AS ReceiptCode, municipality_id AS MunicipalityId, external_voter_id AS ExternalVoterId
            FROM ballots WHERE vote_id = @VoteId ORDER BY receipt_code
            """;
        const string choicesSql = """
            SELECT c.ballot_id AS BallotId, c.option_id AS OptionId, c.value AS Value
            FROM ballot_choices c JOIN ballots b ON b.id = c.ballot_id
            WHERE b.vote_id = @VoteId
            ORDER BY c.ballot_id, c.value, c.option_id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var ballots = await connection.QueryAsync<(long Id, string ReceiptCode, string? MunicipalityId, string? ExternalVoterId)>(ballotsSql, new { VoteId = voteId }, transaction);
        var choices = (await connection.QueryAsync<(long BallotId, long OptionId, long Value)>(choicesSql, new { VoteId = voteId }, transaction))
            .ToLookup(c => c.BallotId, c => new BallotChoice(c.OptionId, (int)c.Value));
        return ballots.Select(b => new AnonymousBallot(b.Id, b.ReceiptCode, b.MunicipalityId, b.ExternalVoterId, choices[b.Id].ToList())).ToList();
    }

    /// <summary>Replaces the stored tally of a vote: upserts in one transaction, so a second run changes nothing.</summary>
    public async Task SaveTallyAsync(long voteId, TallyResult result, IReadOnlyList<AnonymousBallot> ballots, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        const string upsertTally = """
            INSERT INTO vote_tallies (vote_id, ballot_count, rule, condorcet_winner, spent, result_json, computed_at)
            VALUES (@VoteId, @BallotCount, @Rule, @CondorcetWinner, @Spent, @ResultJson, @Now)
            ON CONFLICT (vote_id) DO UPDATE SET
                ballot_count = excluded.ballot_count, rule = excluded.rule, condorcet_winner = excluded.condorcet_winner,
                spent = excluded.spent, result_json = excluded.result_json, computed_at = excluded.computed_at
            """;
        const string upsertOption = """
            INSERT INTO vote_option_tallies (option_id, vote_id, score, supporters, yes_count, no_count, abstain_count, rank, selected, selected_order)
            VALUES (@OptionId, @VoteId, @Score, @Supporters, @Yes, @No, @Abstain, @Rank, @Selected, @SelectedOrder)
            ON CONFLICT (option_id) DO UPDATE SET
                score = excluded.score, supporters = excluded.supporters, yes_count = excluded.yes_count, no_count = excluded.no_count,
                abstain_count = excluded.abstain_count, rank = excluded.rank, selected = excluded.selected, selected_order = excluded.selected_order
            """;
        const string upsertParticipation = """
            INSERT INTO vote_participation (vote_id, municipality_id, ballots) VALUES (@VoteId, @MunicipalityId, @Ballots)
            ON CONFLICT (vote_id, municipality_id) DO UPDATE SET ballots = excluded.ballots
            """;
        const string dropStaleParticipation = "DELETE FROM vote_participation WHERE vote_id = @VoteId AND municipality_id NOT IN @Keep";

        var participation = Participation(ballots);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await connection.ExecuteAsync(upsertTally, new
        {
            VoteId = voteId,
            result.BallotCount,
            Rule = result.Rule?.ToText(),
            result.CondorcetWinner,
            result.Spent,
            ResultJson = JsonSerializer.Serialize(result, Json),
            Now = now,
        }, transaction);
        await connection.ExecuteAsync(upsertOption, result.Options.Select(o => new
        {
            o.OptionId,
            VoteId = voteId,
            o.Score,
            o.Supporters,
            o.Yes,
            o.No,
            o.Abstain,
            o.Rank,
            Selected = o.Selected ? 1 : 0,
            o.SelectedOrder,
        }), transaction);
        await connection.ExecuteAsync(upsertParticipation,
            participation.Select(p => new { VoteId = voteId, MunicipalityId = p.Key, Ballots = p.Value }), transaction);
        await connection.ExecuteAsync(dropStaleParticipation, new { VoteId = voteId, Keep = participation.Keys.ToList() }, transaction);
        transaction.Commit();
    }

    private static Dictionary<string, long> Participation(IReadOnlyList<AnonymousBallot> ballots) =>
        ballots.GroupBy(b => b.MunicipalityId ?? UnknownMunicipality, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);

    public async Task<StoredTally?> TallyAsync(long voteId, CancellationToken cancellationToken = default)
    {
        const string tallySql = "SELECT result_json AS ResultJson, computed_at AS ComputedAt FROM vote_tallies WHERE vote_id = @VoteId";
        const string participationSql = """
            SELECT municipality_id AS MunicipalityId, ballots AS Ballots FROM vote_participation WHERE vote_id = @VoteId ORDER BY municipality_id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string ResultJson, DateTimeOffset ComputedAt)>(tallySql, new { VoteId = voteId });
        if (row.ResultJson is null)
        {
            return null;
        }

        var participation = (await connection.QueryAsync<(string MunicipalityId, long Ballots)>(participationSql, new { VoteId = voteId }))
            .ToDictionary(p => p.MunicipalityId, p => p.Ballots, StringComparer.Ordinal);
        return new StoredTally(JsonSerializer.Deserialize<TallyResult>(row.ResultJson, Json)!, participation, row.ComputedAt);
    }

    /// <summary>
    /// Votes whose tally is due: open live votes (always), and closed votes never tallied since they closed.
    /// </summary>
    public async Task<IReadOnlyList<long>> DueForTallyAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT v.id
            FROM votes v LEFT JOIN vote_tallies t ON t.vote_id = v.id
            WHERE v.status = 'published'
              AND ((v.result_visibility = 'live' AND v.opens_at <= @Now AND v.closes_at > @Now)
                   OR (v.closes_at <= @Now AND (t.vote_id IS NULL OR t.computed_at < v.closes_at)))
            ORDER BY v.id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<long>(sql, new { Now = now })).ToList();
    }
}
