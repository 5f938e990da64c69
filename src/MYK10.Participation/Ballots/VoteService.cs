using System.Globalization;
using System.Text;
using MYK10.Participation.Administration;
using MYK10.Participation.Data;
using MYK10.Participation.Moderation;

namespace MYK10.Participation.Ballots;

public sealed record VoteSaveResult(long? Id, IReadOnlyList<VoteDraftProblem> Problems)
{
    public bool Succeeded => Id is not null;
}

/// <summary>Creating, publishing, importing, counting and exporting prioritisation votes.</summary>
public sealed class VoteService(VoteStore store, IDbConnectionFactory connections, TimeProvider clock)
{
    public async Task<VoteSaveResult> CreateAsync(VoteDraft draft, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        var problems = await CheckAsync(draft, cancellationToken);
        return problems.Count > 0
            ? new VoteSaveResult(null, problems)
            : new VoteSaveResult(await store.InsertAsync(draft, published: false, imported: false, clock.GetUtcNow(), actor, cancellationToken), []);
    }

    /// <summary>Changes a vote that has no ballots yet; <c>Id</c> is null when refused.</summary>
    public async Task<VoteSaveResult> UpdateAsync(long id, VoteDraft draft, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        var problems = await CheckAsync(draft, cancellationToken);
        if (problems.Count > 0)
        {
            return new VoteSaveResult(null, problems);
        }

        return await store.UpdateAsync(id, draft, clock.GetUtcNow(), actor, cancellationToken) ? new VoteSaveResult(id, []) : new VoteSaveResult(null, []);
    }

    private async Task<IReadOnlyList<VoteDraftProblem>> CheckAsync(VoteDraft draft, CancellationToken cancellationToken)
    {
        var problems = VoteDrafts.Check(draft).ToList();
        if ((await store.MissingIdeasAsync(draft.Options.SelectMany(o => o.Ideas).Distinct().ToList(), cancellationToken)).Count > 0)
        {
            problems.Add(VoteDraftProblem.UnknownIdea);
        }

        return problems;
    }

    public Task<bool> PublishAsync(long id, StaffActor? actor = null, CancellationToken cancellationToken = default) =>
        store.PublishAsync(id, clock.GetUtcNow(), actor, cancellationToken);

    /// <summary>
    /// Ends a running vote now, also one with ballots; <paramref name="reason"/> goes into the admin log. The end is the
    /// vote's ordinary end moved forward: ballots are refused from now on, and the tally sweep counts the vote as it
    /// counts every vote that has closed. False when the vote is not running (not published, imported, not begun or ended).
    /// </summary>
    public Task<bool> EndNowAsync(long id, string reason, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var now = clock.GetUtcNow();
        return store.SetEndAsync(id, now, now, AdminActions.Close, reason.Trim(), actor, cancellationToken);
    }

    /// <summary>
    /// Moves the end of a published vote that has not ended, also one with ballots (nothing else of it changes), to a
    /// time later than now and than its beginning; null when done.
    /// </summary>
    public async Task<VoteEndProblem?> ChangeEndAsync(long id, DateTimeOffset closesAt, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (await store.FindAsync(id, cancellationToken) is not { } vote || !vote.EndCanChange(now))
        {
            return VoteEndProblem.EndCannotChange;
        }

        if (closesAt <= now)
        {
            return VoteEndProblem.EndInPast;
        }

        if (closesAt <= vote.OpensAt)
        {
            return VoteEndProblem.ClosesBeforeOpens;
        }

        return await store.SetEndAsync(id, closesAt, now, AdminActions.Update, vote.Title, actor, cancellationToken) ? null : VoteEndProblem.EndCannotChange;
    }

    /// <summary>
    /// Creates a closed, published vote with the file's projects as options and its votes as anonymous ballots,
    /// all in one transaction. Approval and choose-1 files become approval votes, cumulative files points votes,
    /// ordinal files ranking votes.
    /// </summary>
    public async Task<long> ImportAsync(PbFile file, string? title = null, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var now = clock.GetUtcNow();
        var draft = ImportDraft(file, title, now);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var voteId = await VoteStore.InsertAsync(connection, transaction, draft with { Options = [] }, published: true, imported: true, now);
        var optionIds = await VoteStore.InsertOptionsAsync(connection, transaction, voteId, draft.Options, file.Projects.Select(p => p.Id).ToList());
        var byProject = file.Projects.Select((p, i) => (p.Id, OptionId: optionIds[i])).ToDictionary(x => x.Id, x => x.OptionId, StringComparer.Ordinal);
        await VoteStore.InsertAnonymousBallotsAsync(connection, transaction, voteId,
            file.Votes.Select(v => ((string?)v.VoterId, (string?)null, Choices(file.VoteType, v, byProject))), now);
        await AdminLog.WriteAsync(connection, transaction, actor, now, AdminActions.Import, AdminTarget.Vote(voteId), draft.Title);
        transaction.Commit();
        return voteId;
    }

    private static VoteDraft ImportDraft(PbFile file, string? title, DateTimeOffset now)
    {
        var name = title ?? file.MetaValue("description") ?? string.Join(' ', new[] { file.MetaValue("unit"), file.MetaValue("instance") }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (string.IsNullOrWhiteSpace(name))
        {
            name = "Importierte Abstimmung";
        }

        var options = file.Projects.Select(p => new OptionDraft(p.Name.Length > 200 ? p.Name[..200] : p.Name, string.Empty, p.Cost)).ToList();
        var longest = Math.Max(1, file.Votes.Count == 0 ? 1 : file.Votes.Max(v => v.ProjectIds.Count));
        int? Meta(string key) => int.TryParse(file.MetaValue(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;
        var rule = (file.MetaValue("rule") ?? string.Empty).Contains("equal", StringComparison.OrdinalIgnoreCase)
                   || string.Equals(file.MetaValue("rule"), "mes", StringComparison.OrdinalIgnoreCase)
            ? AllocationRule.EqualShares
            : AllocationRule.Greedy;
        var draft = new VoteDraft(name.Length > 200 ? name[..200] : name, string.Empty, "kreis", now - TimeSpan.FromSeconds(1), now, VoteMethod.Approval, options,
            Budget: file.Budget > 0 ? file.Budget : null);
        return file.VoteType switch
        {
            "cumulative" => draft with
            {
                Method = VoteMethod.Points,
                TotalPoints = Meta("max_sum_points") ?? (int)Math.Max(1, file.Votes.Select(v => v.Points!.Sum()).DefaultIfEmpty(1).Max()),
                MaxPointsPerOption = Meta("max_points") ?? (int)Math.Max(1, file.Votes.SelectMany(v => v.Points!).DefaultIfEmpty(1).Max()),
                Rule = draft.Budget is null ? null : AllocationRule.Greedy,
            },
            "ordinal" => draft with { Method = VoteMethod.Ranking, MaxChoices = Meta("max_length") ?? longest, Budget = null },
            "choose-1" => draft with { MaxChoices = 1, Rule = draft.Budget is null ? null : rule },
            // A knapsack ballot (total cost at most the budget, as this site's budget votes export themselves).
            _ when draft.Budget is { } budget && Meta("max_sum_cost") is not null => draft with
            {
                Method = VoteMethod.Budget,
                Rule = rule,
                MinBudgetSharePercent = Meta("min_sum_cost") is { } minimum ? (int)Math.Min(100, minimum * 100L / budget) : null,
            },
            _ => draft with { MaxChoices = Math.Max(Meta("max_length") ?? longest, longest), Rule = draft.Budget is null ? null : rule },
        };
    }

    private static IReadOnlyList<BallotChoice> Choices(string voteType, PbVote vote, Dictionary<string, long> byProject) => voteType switch
    {
        "cumulative" => vote.ProjectIds.Select((id, i) => new BallotChoice(byProject[id], (int)vote.Points![i])).ToList(),
        "ordinal" => vote.ProjectIds.Select((id, i) => new BallotChoice(byProject[id], i + 1)).ToList(),
        _ => vote.ProjectIds.Select(id => new BallotChoice(byProject[id], 1)).ToList(),
    };

    /// <summary>Counts the vote's ballots under its rule, or under <paramref name="rule"/> when given (budget votes).</summary>
    public async Task<(Vote Vote, TallyResult Result, IReadOnlyList<AnonymousBallot> Ballots)?> ComputeAsync(long voteId, AllocationRule? rule = null, CancellationToken cancellationToken = default)
    {
        var vote = await store.FindAsync(voteId, cancellationToken);
        if (vote is null)
        {
            return null;
        }

        var ballots = await store.BallotsAsync(voteId, cancellationToken);
        return (vote, Tally.Compute(Request(vote, ballots, rule)), ballots);
    }

    public static TallyRequest Request(Vote vote, IReadOnlyList<AnonymousBallot> ballots, AllocationRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(vote);
        var effectiveRule = vote.Budget is null ? null : rule ?? vote.Rule;
        return new TallyRequest(
            vote.Method,
            vote.Options.Select(o => new TallyOption(o.Id, o.Cost)).ToList(),
            ballots.Select(b => new TallyBallot(b.Choices)).ToList(),
            effectiveRule is null ? null : vote.Budget,
            effectiveRule,
            vote.Method == VoteMethod.Ranking ? vote.MaxChoices : null);
    }

    /// <summary>The anonymous ballots in Pabulib's format; null for yes/no/abstain votes, which the format cannot hold.</summary>
    public static PbFile? ToPabulib(Vote vote, IReadOnlyList<AnonymousBallot> ballots)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(ballots);
        var voteType = vote.Method switch
        {
            VoteMethod.Approval or VoteMethod.Budget => "approval",
            VoteMethod.Points => "cumulative",
            VoteMethod.Ranking => "ordinal",
            _ => null,
        };
        if (voteType is null)
        {
            return null;
        }

        string N(long v) => v.ToString(CultureInfo.InvariantCulture);
        var meta = new List<KeyValuePair<string, string>>
        {
            new("description", vote.Title),
            new("country", "Germany"),
            new("unit", "Landkreis Mayen-Koblenz"),
            new("instance", vote.ClosesAt.Year.ToString(CultureInfo.InvariantCulture)),
            new("num_projects", N(vote.Options.Count)),
            new("num_votes", N(ballots.Count)),
            new("budget", N(vote.Budget ?? vote.Options.Sum(o => o.Cost ?? 0))),
            new("vote_type", voteType),
            new("rule", vote.Rule == AllocationRule.EqualShares ? "equalshares" : "greedy"),
            new("currency", "EUR"),
        };
        switch (vote.Method)
        {
            case VoteMethod.Approval or VoteMethod.Ranking when vote.MaxChoices is { } k:
                meta.Add(new("max_length", N(k)));
                break;
            case VoteMethod.Points:
                meta.Add(new("max_sum_points", N(vote.TotalPoints ?? 0)));
                meta.Add(new("max_points", N(vote.MaxPointsPerOption ?? 0)));
                break;
            case VoteMethod.Budget:
                meta.Add(new("max_sum_cost", N(vote.Budget ?? 0)));
                if (vote.Rules.MinimumSpend > 0)
                {
                    meta.Add(new("min_sum_cost", N(vote.Rules.MinimumSpend)));
                }

                break;
        }

        var projects = vote.Options.Select(o => new PbProject(N(o.Id), o.Cost ?? 0, o.Title)).ToList();
        var votes = ballots.Select(b =>
        {
            var ordered = vote.Method == VoteMethod.Ranking ? b.Choices.OrderBy(c => c.Value).ToList() : b.Choices.OrderBy(c => c.OptionId).ToList();
            return new PbVote(b.ReceiptCode, ordered.Select(c => N(c.OptionId)).ToList(),
                vote.Method == VoteMethod.Points ? ordered.Select(c => (long)c.Value).ToList() : null);
        }).ToList();
        return new PbFile(meta, projects, votes);
    }

    /// <summary>The anonymous ballots as CSV (semicolon, UTF-8): one row per ballot and option marked.</summary>
    public static string ToCsv(Vote vote, IReadOnlyList<AnonymousBallot> ballots)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(ballots);
        var titles = vote.Options.ToDictionary(o => o.Id, o => o.Title);
        var csv = new StringBuilder("beleg;option_id;option;wert\n");
        foreach (var ballot in ballots)
        {
            if (ballot.Choices.Count == 0)
            {
                csv.Append(ballot.ReceiptCode).Append(";;;\n");
            }

            foreach (var choice in ballot.Choices)
            {
                csv.Append(ballot.ReceiptCode).Append(';')
                    .Append(choice.OptionId.ToString(CultureInfo.InvariantCulture)).Append(';')
                    .Append(CsvCell.Of(titles[choice.OptionId])).Append(';')
                    .Append(choice.Value.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return csv.ToString();
    }
}
