using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Ballots;
using MYK10.Participation.Participants;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Ballots;

public sealed class BallotBoxTests
{
    private static readonly DateTimeOffset Opens = new(2026, 11, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Closes = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static VoteDraft BudgetDraft(string audience = "kreis") => new(
        "Kreisbudget", "", audience, Opens, Closes, VoteMethod.Budget,
        [new("Ladesäulen", "", 60_000), new("WLAN", "", 30_000), new("Sensoren", "", 20_000)],
        Budget: 100_000, MinBudgetSharePercent: 25, Rule: AllocationRule.EqualShares);

    private static async Task<(long VoteId, long[] Options)> OpenVoteAsync(TestApp app, VoteDraft? draft = null)
    {
        var service = app.Get<VoteService>();
        var id = (await service.CreateAsync(draft ?? BudgetDraft())).Id!.Value;
        await service.PublishAsync(id);
        var vote = (await app.Get<VoteStore>().FindAsync(id))!;
        return (id, vote.Options.Select(o => o.Id).ToArray());
    }

    internal static async Task<long> ParticipantAsync(TestApp app, string? municipality = null)
    {
        await using var connection = await app.Connections.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO participants (email, municipality_id, email_confirmed_at, privacy_version, privacy_accepted_at, created_at)
            VALUES (@Email, @Municipality, @Now, @Version, @Now, @Now) RETURNING id
            """, new { Email = $"b-{Guid.NewGuid():N}@example.org", Municipality = municipality, Now = app.Clock.GetUtcNow(), Version = PrivacyNotice.CurrentVersion });
    }

    private static async Task<List<(long BallotId, long OptionId)>> RowsAsync(TestApp app, long voteId)
    {
        await using var connection = await app.Connections.OpenAsync();
        return (await connection.QueryAsync<(long, long)>("""
            SELECT b.id, c.option_id FROM ballots b LEFT JOIN ballot_choices c ON c.ballot_id = b.id
            WHERE b.vote_id = @VoteId ORDER BY b.id, c.option_id
            """, new { VoteId = voteId })).ToList();
    }

    private static BallotChoice[] Approve(params long[] ids) => ids.Select(id => new BallotChoice(id, 1)).ToArray();

    private static async Task<TestApp> StartAsync()
    {
        var app = await TestApp.StartAsync();
        app.Clock.Set(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
        return app;
    }

    [Fact]
    public async Task Cast_ValidBallot_IsStoredWithAReceiptAndTheVotersMunicipality()
    {
        await using var app = await StartAsync();
        var (voteId, options) = await OpenVoteAsync(app);
        var participant = await ParticipantAsync(app, "mendig");

        var result = await app.Get<BallotBox>().CastAsync(voteId, participant, Approve(options[0], options[1]));

        Assert.True(result.Succeeded);
        Assert.False(result.Replaced);
        var mine = (await app.Get<BallotBox>().FindAsync(voteId, participant))!;
        Assert.Equal(result.ReceiptCode, mine.ReceiptCode);
        Assert.Equal("mendig", mine.MunicipalityId);
        Assert.Equal([options[0], options[1]], mine.Choices.Select(c => c.OptionId).Order());
    }

    [Fact]
    public async Task FiftyConcurrentSubmissions_ByOneParticipant_EndInOneBallot_WithOneSubmissionsChoices()
    {
        await using var app = await StartAsync();
        var (voteId, options) = await OpenVoteAsync(app);
        var participant = await ParticipantAsync(app);
        var box = app.Get<BallotBox>();
        BallotChoice[][] submissions = [Approve(options[0]), Approve(options[1], options[2]), Approve(options[0], options[2])];

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => box.CastAsync(voteId, participant, submissions[i % 3]))));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Single(results.Select(r => r.ReceiptCode).Distinct());
        var rows = await RowsAsync(app, voteId);
        Assert.Single(rows.Select(r => r.BallotId).Distinct());
        var stored = rows.Select(r => r.OptionId).ToArray();
        Assert.Contains(submissions, s => s.Select(c => c.OptionId).Order().SequenceEqual(stored));
    }

    [Fact]
    public async Task ChangedBallot_ReplacesTheOldOne_KeepingTheReceipt_TheSameChoicesAgainAreNoChange()
    {
        await using var app = await StartAsync();
        var (voteId, options) = await OpenVoteAsync(app);
        var participant = await ParticipantAsync(app);
        var box = app.Get<BallotBox>();

        var first = await box.CastAsync(voteId, participant, Approve(options[0], options[1]));
        var again = await box.CastAsync(voteId, participant, Approve(options[1], options[0]));
        var second = await box.CastAsync(voteId, participant, Approve(options[1], options[2]));

        Assert.Equal((true, false), (again.Succeeded, again.Replaced));
        Assert.True(second.Replaced);
        Assert.Equal((first.ReceiptCode, first.ReceiptCode), (again.ReceiptCode, second.ReceiptCode));
        Assert.Equal([options[1], options[2]], (await RowsAsync(app, voteId)).Select(r => r.OptionId));
    }

    [Fact]
    public async Task TheSameChoicesAgain_KeepTheBallotsTimeOfCasting_AChangeMovesIt()
    {
        await using var app = await StartAsync();
        var (voteId, options) = await OpenVoteAsync(app);
        var participant = await ParticipantAsync(app);
        var box = app.Get<BallotBox>();
        var castAt = async () =>
        {
            await using var connection = await app.Connections.OpenAsync();
            return await connection.ExecuteScalarAsync<string>("SELECT cast_at FROM ballots WHERE vote_id = @VoteId", new { VoteId = voteId });
        };

        await box.CastAsync(voteId, participant, Approve(options[0], options[1]));
        var first = await castAt();
        app.Clock.Advance(TimeSpan.FromDays(2));
        await box.CastAsync(voteId, participant, Approve(options[1], options[0]));
        Assert.Equal(first, await castAt());
        Assert.Equal([options[0], options[1]], (await RowsAsync(app, voteId)).Select(r => r.OptionId));

        Assert.True((await box.CastAsync(voteId, participant, Approve(options[1]))).Replaced);
        Assert.NotEqual(first, await castAt());
    }

    [Fact]
    public async Task Replacement_FailingHalfway_LeavesTheEarlierBallotIntact()
    {
        await using var app = await StartAsync();
        var (voteId, options) = await OpenVoteAsync(app);
        var participant = await ParticipantAsync(app);
        var box = app.Get<BallotBox>();
        await box.CastAsync(voteId, participant, Approve(options[0]));
        await using (var connection = await app.Connections.OpenAsync())
        {
            // A disk or constraint failure after the old choices were deleted and some new ones written.
            await connection.ExecuteAsync($"""
                CREATE TRIGGER fail_on_third_option BEFORE INSERT ON ballot_choices WHEN NEW.option_id = {options[2]}
                BEGIN SELECT RAISE(ABORT, 'injected failure'); END
                """);
        }

        await Assert.ThrowsAsync<SqliteException>(() => box.CastAsync(voteId, participant, Approve(options[1], options[2])));

        Assert.Equal([options[0]], (await RowsAsync(app, voteId)).Select(r => r.OptionId));
    }

    public static TheoryData<string, BallotProblem> InvalidBallots => new()
    {
        { "over budget", BallotProblem.OverBudget },
        { "below minimum share", BallotProblem.BelowMinimumShare },
        { "unknown option", BallotProblem.UnknownOption },
        { "empty", BallotProblem.Empty },
        { "closed", BallotProblem.VoteNotOpen },
        { "not yet open", BallotProblem.VoteNotOpen },
    };

    [Theory]
    [MemberData(nameof(InvalidBallots))]
    public async Task InvalidBallot_IsRefused_StoresNothing_AndKeepsTheEarlierBallot(string kind, BallotProblem expected)
    {
        await using var app = await StartAsync();
        var (voteId, options) = await OpenVoteAsync(app);
        var earlier = await ParticipantAsync(app);
        var fresh = await ParticipantAsync(app);
        var box = app.Get<BallotBox>();
        await box.CastAsync(voteId, earlier, Approve(options[1]));
        var before = await RowsAsync(app, voteId);
        BallotChoice[] choices = kind switch
        {
            "over budget" => Approve(options[0], options[1], options[2]),
            "below minimum share" => Approve(options[2]), // 20 000 of 100 000, the minimum is 25 %
            "unknown option" => Approve(options[0], 999_999),
            "empty" => [],
            _ => Approve(options[0]),
        };
        if (kind == "closed")
        {
            app.Clock.Set(Closes);
        }
        else if (kind == "not yet open")
        {
            app.Clock.Set(Opens - TimeSpan.FromTicks(1));
        }

        foreach (var participant in new[] { earlier, fresh })
        {
            var result = await box.CastAsync(voteId, participant, choices);
            Assert.False(result.Succeeded);
            Assert.Contains(expected, result.Problems);
        }

        Assert.Equal(before, await RowsAsync(app, voteId));
    }

    [Fact]
    public async Task MunicipalVote_RefusesParticipantsFromElsewhere()
    {
        await using var app = await StartAsync();
        var (voteId, options) = await OpenVoteAsync(app, BudgetDraft("andernach"));
        var box = app.Get<BallotBox>();

        var fromMayen = await box.CastAsync(voteId, await ParticipantAsync(app, "mayen"), Approve(options[0]));
        var withoutMunicipality = await box.CastAsync(voteId, await ParticipantAsync(app), Approve(options[0]));
        var fromAndernach = await box.CastAsync(voteId, await ParticipantAsync(app, "andernach"), Approve(options[0]));

        Assert.Equal([BallotProblem.NotInAudience], fromMayen.Problems);
        Assert.Equal([BallotProblem.NotInAudience], withoutMunicipality.Problems);
        Assert.True(fromAndernach.Succeeded);
    }

    [Fact]
    public async Task OptionOrder_DiffersBetweenParticipants_ButIsStableForEach()
    {
        await using var app = await StartAsync();
        var draft = BudgetDraft() with { Options = Enumerable.Range(1, 8).Select(i => new OptionDraft($"Maßnahme {i}", "", 1000 * i)).ToList() };
        var (voteId, _) = await OpenVoteAsync(app, draft);
        var vote = (await app.Get<VoteStore>().FindAsync(voteId))!;

        var orders = Enumerable.Range(1, 20).Select(p => BallotBox.OrderFor(vote, p).Select(o => o.Id).ToList()).ToList();

        Assert.Equal(orders[0], BallotBox.OrderFor(vote, 1).Select(o => o.Id));
        Assert.True(orders.Select(o => string.Join(',', o)).Distinct().Count() > 15);
        Assert.All(orders, o => Assert.Equal(vote.Options.Select(x => x.Id).Order(), o.Order()));
    }

    [Fact]
    public async Task RoundTrip_BudgetVoteWithSiteBallots_ExportedAndImported_GivesTheSameTally()
    {
        await using var app = await StartAsync();
        var (voteId, options) = await OpenVoteAsync(app);
        var box = app.Get<BallotBox>();
        await box.CastAsync(voteId, await ParticipantAsync(app), Approve(options[0], options[1]));
        await box.CastAsync(voteId, await ParticipantAsync(app), Approve(options[0], options[2]));
        await box.CastAsync(voteId, await ParticipantAsync(app), Approve(options[1], options[2]));
        Assert.True((await box.CastAsync(voteId, await ParticipantAsync(app), Approve(options[1]))).Succeeded);
        app.Clock.Set(Closes);
        var service = app.Get<VoteService>();
        var (vote, result, ballots) = (await service.ComputeAsync(voteId))!.Value;

        var text = Pabulib.Write(VoteService.ToPabulib(vote, ballots)!);
        var (vote2, result2, _) = (await service.ComputeAsync(await service.ImportAsync(Pabulib.Read(new StringReader(text)))))!.Value;

        Assert.Equal((VoteMethod.Budget, AllocationRule.EqualShares, 100_000L, 25), (vote2.Method, vote2.Rule!.Value, vote2.Budget!.Value, vote2.MinBudgetSharePercent!.Value));
        int Position(Vote v, long id) => v.Options.Single(o => o.Id == id).Position;
        Assert.Equal(result.Selected.Select(id => Position(vote, id)), result2.Selected.Select(id => Position(vote2, id)));
        Assert.Equal(result.Options.Select(o => (Position(vote, o.OptionId), o.Score)), result2.Options.Select(o => (Position(vote2, o.OptionId), o.Score)));
        Assert.Equal(result.Spent, result2.Spent);
        Assert.Equal(4, result2.BallotCount);
    }

    [Fact]
    public async Task AnonymousBallotList_ContainsSiteBallots_WithoutIdentities()
    {
        await using var app = await StartAsync();
        var (voteId, options) = await OpenVoteAsync(app);
        var result = await app.Get<BallotBox>().CastAsync(voteId, await ParticipantAsync(app, "bendorf"), Approve(options[1]));

        var listed = Assert.Single(await app.Get<VoteStore>().BallotsAsync(voteId));

        Assert.Equal(result.ReceiptCode, listed.ReceiptCode);
        Assert.Null(listed.ExternalVoterId);
    }
}
