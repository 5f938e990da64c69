using Dapper;
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;
using MYK10.Participation.Ballots;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Ballots;

public sealed class VoteServiceTests
{
    internal const string Cumulative = """
        META
        key;value
        description;Punktevergabe Mobilität
        num_projects;3
        num_votes;3
        budget;200000
        vote_type;cumulative
        max_sum_points;10
        max_points;6
        PROJECTS
        project_id;cost;name
        m1;120000;Mitfahrbänke in allen Ortsgemeinden
        m2;80000;Rufbus am Abend
        m3;60000;Sichere Radwege zu Schulen
        VOTES
        voter_id;vote;points
        a;m1,m2;6,4
        b;m2,m3;5,5
        c;m3;6
        """;

    internal const string Ordinal = """
        META
        key;value
        budget;0
        vote_type;ordinal
        max_length;3
        PROJECTS
        project_id;cost;name
        A;0;Glasfaser für Gewerbegebiete
        B;0;Digitale Bürgerdienste
        C;0;Coworking im ländlichen Raum
        VOTES
        voter_id;vote
        1;A,B,C
        2;A,B,C
        3;A,B,C
        4;B,C,A
        5;B,C,A
        """;

    private static PbFile Read(string text) => Pabulib.Read(new StringReader(text));

    private static VoteDraft Draft(VoteMethod method = VoteMethod.Budget) => new(
        "Welche Maßnahmen zuerst?", "Erklärung", "kreis",
        new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 20, 8, 0, 0, TimeSpan.Zero), method,
        [new("Ladesäulen an Rathäusern", "", 90_000), new("Digitale Sprechstunde", "", 30_000)],
        Budget: 100_000, Rule: AllocationRule.Greedy);

    [Fact]
    public async Task Import_CreatesAClosedPublishedVote_WithOptionsAndAnonymousBallots()
    {
        await using var app = await TestApp.StartAsync();
        var service = app.Get<VoteService>();

        var id = await service.ImportAsync(Read(PabulibTests.Approval));

        var vote = (await app.Get<VoteStore>().FindAsync(id))!;
        Assert.True(vote.Published);
        Assert.True(vote.Imported);
        Assert.True(vote.IsClosed(app.Clock.GetUtcNow()));
        Assert.Equal("Bürgerbudget Andernach 2026", vote.Title);
        Assert.Equal(VoteMethod.Approval, vote.Method);
        Assert.Equal(AllocationRule.Greedy, vote.Rule);
        Assert.Equal(100, vote.Budget);
        Assert.Equal(["Trinkwasserbrunnen am Rheinufer", "Sitzbänke; barrierefrei", "Fahrradbügel am Bahnhof"], vote.Options.Select(o => o.Title));
        var ballots = await app.Get<VoteStore>().BallotsAsync(id);
        Assert.Equal(4, ballots.Count);
        Assert.Equal(4, ballots.Select(b => b.ReceiptCode).Distinct().Count());
        Assert.All(ballots, b => Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", b.ReceiptCode));

        var result = (await service.ComputeAsync(id))!.Value.Result;
        Assert.Equal([vote.Options[0].Id, vote.Options[1].Id], result.Selected); // 3 and 2 votes (tie with p3: lower id)
    }

    public static TheoryData<string> Files => [PabulibTests.Approval, Cumulative, Ordinal];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task RoundTrip_ExportedBallotsImportedAgain_GiveTheSameTally(string text)
    {
        await using var app = await TestApp.StartAsync();
        var service = app.Get<VoteService>();
        var store = app.Get<VoteStore>();
        var first = await service.ImportAsync(Read(text));
        var (vote, result, ballots) = (await service.ComputeAsync(first))!.Value;

        var exported = Pabulib.Write(VoteService.ToPabulib(vote, ballots)!);
        var second = await service.ImportAsync(Read(exported));
        var (vote2, result2, _) = (await service.ComputeAsync(second))!.Value;

        Assert.Equal(vote.Method, vote2.Method);
        Assert.Equal(vote.Budget, vote2.Budget);
        Assert.Equal(vote.MaxChoices, vote2.MaxChoices);
        Assert.Equal(vote.TotalPoints, vote2.TotalPoints);
        int Position(Vote v, long optionId) => v.Options.Single(o => o.Id == optionId).Position;
        Assert.Equal(result.Options.Select(o => (Position(vote, o.OptionId), o.Score, o.Supporters, o.Rank, o.SelectedOrder)),
            result2.Options.Select(o => (Position(vote2, o.OptionId), o.Score, o.Supporters, o.Rank, o.SelectedOrder)));
        Assert.Equal(result.CondorcetWinner is { } w1 ? Position(vote, w1) : (int?)null,
            result2.CondorcetWinner is { } w2 ? Position(vote2, w2) : (int?)null);
        Assert.Equal(result.BallotCount, result2.BallotCount);
        Assert.Equal(ballots.Select(b => b.ReceiptCode).Order(), (await store.BallotsAsync(second)).Select(b => b.ExternalVoterId!).Order());
    }

    [Fact]
    public async Task Import_Cumulative_BecomesAPointsVote_AndOrdinal_ARankingVoteWithCondorcetWinner()
    {
        await using var app = await TestApp.StartAsync();
        var service = app.Get<VoteService>();

        var points = (await service.ComputeAsync(await service.ImportAsync(Read(Cumulative))))!.Value;
        Assert.Equal(VoteMethod.Points, points.Vote.Method);
        Assert.Equal((10, 6), (points.Vote.TotalPoints, points.Vote.MaxPointsPerOption));
        Assert.Equal([11L, 9, 6], points.Result.Options.Select(o => o.Score)); // m3 11, m2 9, m1 6
        Assert.Equal(2, points.Result.Selected.Count); // m3 60 000 + m2 80 000; m1 120 000 no longer fits 200 000

        var ranking = (await service.ComputeAsync(await service.ImportAsync(Read(Ordinal))))!.Value;
        Assert.Equal(VoteMethod.Ranking, ranking.Vote.Method);
        Assert.Equal("Digitale Bürgerdienste", ranking.Vote.Options.Single(o => o.Id == ranking.Result.Selected[0]).Title); // Borda 12
        Assert.Equal("Glasfaser für Gewerbegebiete", ranking.Vote.Options.Single(o => o.Id == ranking.Result.CondorcetWinner).Title);
    }

    [Fact]
    public async Task TallyJob_StoresTheResult_AndASecondRunChangesNothing()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.Get<VoteService>().ImportAsync(Read(PabulibTests.Approval));
        var job = app.Get<VoteTallyJob>();

        await job.RunAsync(id, CancellationToken.None);
        var first = await SnapshotAsync(app, id);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await job.RunAsync(id, CancellationToken.None);
        var second = await SnapshotAsync(app, id);

        Assert.Equal(first.Options, second.Options);
        Assert.Equal(first.Participation, second.Participation);
        Assert.Equal(3, first.Options.Count);
        Assert.Equal([("unbekannt", 4L)], first.Participation);
        var stored = (await app.Get<VoteStore>().TallyAsync(id))!;
        Assert.Equal(4, stored.Result.BallotCount);
        Assert.Equal(2, stored.Result.Selected.Count);
    }

    [Fact]
    public async Task TallyJob_ABallotCommittedWhileTheJobCounts_IsInTheStoredCount_OrTheVoteIsCountedAgain()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.Get<VoteService>().ImportAsync(Read(PabulibTests.Approval));
        var store = app.Get<VoteStore>();
        var connections = app.Get<MYK10.Participation.Data.IDbConnectionFactory>();
        // A ballot accepted just before the end commits while the job is at work: here, the moment the job reads the clock.
        var clock = new ClockThatFirst(app.Clock, () =>
        {
            using var connection = connections.OpenAsync().GetAwaiter().GetResult();
            connection.Execute("INSERT INTO ballots (vote_id, receipt_code, cast_at) VALUES (@Id, 'SPAET-0001', @At)", new { Id = id, At = app.Clock.GetUtcNow() });
        });

        await new VoteTallyJob(app.Get<VoteService>(), store, clock).RunAsync(id, CancellationToken.None);

        var counted = (await store.TallyAsync(id))!.Result.BallotCount;
        Assert.True(counted == 5 || (await store.DueForTallyAsync(app.Clock.GetUtcNow())).Contains(id), $"stored {counted} of 5 ballots as the final count");
    }

    private static async Task<(List<(long, long, long, long, long)> Options, List<(string, long)> Participation)> SnapshotAsync(TestApp app, long voteId)
    {
        await using var connection = await app.Connections.OpenAsync();
        var options = (await connection.QueryAsync<(long, long, long, long, long)>(
            "SELECT option_id, score, supporters, rank, selected FROM vote_option_tallies WHERE vote_id = @Id ORDER BY option_id", new { Id = voteId })).ToList();
        var participation = (await connection.QueryAsync<(string, long)>(
            "SELECT municipality_id, ballots FROM vote_participation WHERE vote_id = @Id", new { Id = voteId })).ToList();
        return (options, participation);
    }

    [Fact]
    public async Task Sweep_TalliesClosedVotesOnce_AndLiveOpenVotesEveryTime()
    {
        await using var app = await TestApp.StartAsync();
        app.Clock.Set(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        var service = app.Get<VoteService>();
        var store = app.Get<VoteStore>();
        var closed = await service.ImportAsync(Read(PabulibTests.Approval));
        var live = (await service.CreateAsync(Draft() with { Visibility = ResultVisibility.Live })).Id!.Value;
        var hidden = (await service.CreateAsync(Draft())).Id!.Value;
        var unpublished = (await service.CreateAsync(Draft() with { Visibility = ResultVisibility.Live })).Id!.Value;
        await service.PublishAsync(live);
        await service.PublishAsync(hidden);

        Assert.Equal([closed, live], await store.DueForTallyAsync(app.Clock.GetUtcNow()));
        await app.Get<VoteTallySweepJob>().RunAsync(CancellationToken.None);

        Assert.Equal([live], await store.DueForTallyAsync(app.Clock.GetUtcNow()));
        Assert.NotNull(await store.TallyAsync(closed));
        Assert.Null(await store.TallyAsync(hidden));
        Assert.Null(await store.TallyAsync(unpublished));

        app.Clock.Set(new DateTimeOffset(2026, 12, 20, 8, 0, 0, TimeSpan.Zero)); // both open votes close now
        Assert.Equal([live, hidden], await store.DueForTallyAsync(app.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task TallyJob_RunsOnARealHangfireServer()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.Get<VoteService>().ImportAsync(Read(PabulibTests.Approval));
        var storage = new SQLiteStorage(Path.Combine(app.DataDirectory, "jobs.db"), new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromMilliseconds(200) });
        var options = new BackgroundJobServerOptions
        {
            WorkerCount = 1,
            SchedulePollingInterval = TimeSpan.FromMilliseconds(200),
            Activator = new ServiceActivator(app.Services),
        };
        using var server = new BackgroundJobServer(options, storage);

        new BackgroundJobClient(storage).Enqueue<VoteTallyJob>(job => job.RunAsync(id, CancellationToken.None));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await app.Get<VoteStore>().TallyAsync(id) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the tally job did not run");
            await Task.Delay(100);
        }

        server.SendStop();
    }

    private sealed class ServiceActivator(IServiceProvider services) : JobActivator
    {
        public override object ActivateJob(Type jobType) => ActivatorUtilities.GetServiceOrCreateInstance(services, jobType);
    }

    [Fact]
    public async Task Create_WithProblems_StoresNothing_AndNamesEachProblem()
    {
        await using var app = await TestApp.StartAsync();

        var result = await app.Get<VoteService>().CreateAsync(Draft() with
        {
            Title = " ",
            ClosesAt = Draft().OpensAt,
            Options = [new("Nur eine", "", null)],
        });

        Assert.False(result.Succeeded);
        Assert.Equal([VoteDraftProblem.TitleMissing, VoteDraftProblem.TooFewOptions, VoteDraftProblem.ClosesBeforeOpens, VoteDraftProblem.CostMissing], result.Problems);
        Assert.Empty(await app.Get<VoteStore>().ListAsync(publishedOnly: false));
    }

    [Fact]
    public async Task Update_ChangesADraft_ButNotAnImportedVoteWithBallots()
    {
        await using var app = await TestApp.StartAsync();
        var service = app.Get<VoteService>();
        var id = (await service.CreateAsync(Draft())).Id!.Value;

        var changed = await service.UpdateAsync(id, Draft() with { Title = "Neuer Titel", Options = [new("A", "", 1), new("B", "", 2), new("C", "", 3)] });
        var imported = await service.ImportAsync(Read(PabulibTests.Approval));
        var refused = await service.UpdateAsync(imported, Draft());

        Assert.True(changed.Succeeded);
        var vote = (await app.Get<VoteStore>().FindAsync(id))!;
        Assert.Equal("Neuer Titel", vote.Title);
        Assert.Equal(["A", "B", "C"], vote.Options.Select(o => o.Title));
        Assert.False(refused.Succeeded);
    }

    [Fact]
    public void Csv_DefusesAFormulaBehindATabOrCarriageReturn_AndQuotesACarriageReturn()
    {
        var vote = new Vote(1, "T", "", "kreis", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, VoteMethod.Points, null, 10, 5, null, null, null,
            ResultVisibility.AfterClose, true, false, [new(7, "\t=SUMME(A1)", "", null, 1), new(8, "Rufbus\rabends", "", null, 2), new(9, "-5", "", null, 3)]);

        var csv = VoteService.ToCsv(vote, [new AnonymousBallot(1, "AAAA-BBBB-CCCC", null, null, [new(7, 3), new(8, 2), new(9, 1)])]);

        Assert.Equal("beleg;option_id;option;wert\nAAAA-BBBB-CCCC;7;'\t=SUMME(A1);3\nAAAA-BBBB-CCCC;8;\"Rufbus\rabends\";2\nAAAA-BBBB-CCCC;9;-5;1\n", csv);
    }

    [Fact]
    public void Csv_ListsEachMark_AndDefusesFormulas()
    {
        var vote = new Vote(1, "T", "", "kreis", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, VoteMethod.Points, null, 10, 5, null, null, null,
            ResultVisibility.AfterClose, true, false, [new(7, "=SUMME(A1)", "", null, 1), new(8, "Rufbus; abends", "", null, 2)]);

        var csv = VoteService.ToCsv(vote, [new AnonymousBallot(1, "AAAA-BBBB-CCCC", null, null, [new(7, 3), new(8, 2)])]);

        Assert.Equal("beleg;option_id;option;wert\nAAAA-BBBB-CCCC;7;'=SUMME(A1);3\nAAAA-BBBB-CCCC;8;\"Rufbus; abends\";2\n", csv);
    }
}
