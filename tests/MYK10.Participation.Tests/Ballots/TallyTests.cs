using MYK10.Participation.Ballots;

namespace MYK10.Participation.Tests.Ballots;

public sealed class TallyTests
{
    private const long A = 1, B = 2, C = 3, D = 4;

    private static TallyBallot[] Repeat(int times, TallyBallot ballot) => Enumerable.Repeat(ballot, times).ToArray();

    private static TallyResult Budget(long budget, AllocationRule rule, TallyOption[] options, params TallyBallot[] ballots) =>
        Tally.Compute(new TallyRequest(VoteMethod.Budget, options, ballots, budget, rule));

    [Fact]
    public void Greedy_SkipsAnOptionThatDoesNotFit_AndContinuesWithTheNext()
    {
        TallyOption[] options = [new(A, 80), new(B, 30), new(C, 20)];
        TallyBallot[] ballots = [.. Repeat(5, TallyBallot.Approving(A)), .. Repeat(4, TallyBallot.Approving(B)), .. Repeat(3, TallyBallot.Approving(C))];

        var result = Budget(100, AllocationRule.Greedy, options, ballots);

        Assert.Equal([A, C], result.Selected);
        Assert.Equal(100, result.Spent);
        Assert.Equal([5L, 4, 3], result.Options.Select(o => o.Score));
        Assert.False(result.Option(B).Selected);
    }

    // Six of ten voters like A and B, four like C; each costs 50 of 100. Greedy gives the majority everything;
    // Equal Shares gives the four voters of C their proportional share (they hold 40 % of the money; with Add1
    // their shares reach 13 € each at a virtual budget of 130 €, enough to pay 50 € together).
    [Fact]
    public void GreedyAndEqualShares_Differ_OnTheMajorityMinorityExample()
    {
        TallyOption[] options = [new(A, 50), new(B, 50), new(C, 50)];
        TallyBallot[] ballots = [.. Repeat(6, TallyBallot.Approving(A, B)), .. Repeat(4, TallyBallot.Approving(C))];

        var greedy = Budget(100, AllocationRule.Greedy, options, ballots);
        var mes = Budget(100, AllocationRule.EqualShares, options, ballots);

        Assert.Equal([A, B], greedy.Selected);
        Assert.Equal([A, C], mes.Selected);
        Assert.Equal(2, mes.SelectedByEqualShares);
        Assert.Equal(100, mes.Spent);
    }

    // Three voters, 100 €. Voters 1 and 2 want A (90 €); voter 3 wants B (30 €); voter 1 also wants C (10 €).
    // Greedy takes A by votes and then only C fits. Equal Shares: each holds 33⅓ €; A is unaffordable
    // (66⅔ < 90); B and C are each paid by one voter (effective vote count 1, tie: C is cheaper, first), then B.
    [Fact]
    public void EqualShares_RefusesAnOptionItsSupportersCannotPayFor_WhereGreedyTakesIt()
    {
        TallyOption[] options = [new(A, 90), new(B, 30), new(C, 10)];
        TallyBallot[] ballots = [TallyBallot.Approving(A, C), TallyBallot.Approving(A), TallyBallot.Approving(B)];

        Assert.Equal([A, C], Budget(100, AllocationRule.Greedy, options, ballots).Selected);
        var mes = Budget(100, AllocationRule.EqualShares, options, ballots);
        Assert.Equal([C, B], mes.Selected);
        Assert.Equal(40, mes.Spent);
    }

    // Two voters, 100 €: C (30 €) wanted by both, A and B (60 € each) by one each. Equal Shares buys C; Add1 raises
    // the shares until both A and B become affordable at once (75 € each, 150 € in all), which would overspend, so
    // it keeps {C} and greedy completion adds A (tie with B on votes and cost: lower id).
    [Fact]
    public void EqualShares_GreedyCompletion_FillsWhatAdd1CannotReach()
    {
        TallyOption[] options = [new(A, 60), new(B, 60), new(C, 30)];
        TallyBallot[] ballots = [TallyBallot.Approving(A, C), TallyBallot.Approving(B, C)];

        var mes = Budget(100, AllocationRule.EqualShares, options, ballots);

        Assert.Equal([C, A], mes.Selected);
        Assert.Equal(1, mes.SelectedByEqualShares);
        Assert.Equal(90, mes.Spent);
    }

    [Fact]
    public void EqualShares_ThirdsOfABudget_AreComparedExactly()
    {
        // 100 € among 3 voters is 33⅓ € each; two voters together hold exactly 66⅔ €, which must not be rounded up to
        // afford an option of 66.67 €, nor down to miss one of exactly 200/3 rounded down (66 €).
        TallyOption[] options = [new(A, 67), new(B, 66)];
        TallyBallot[] ballots = [TallyBallot.Approving(A, B), TallyBallot.Approving(A, B), TallyBallot.Approving()];

        var fixedRun = Budget(100, AllocationRule.EqualShares, options, ballots);

        Assert.Equal(B, fixedRun.Selected[0]);
    }

    [Fact]
    public void Ties_MoreVotesThenLowerCostThenLowerId()
    {
        TallyOption[] options = [new(D, 40), new(C, 40), new(B, 30), new(A, 50)];
        TallyBallot[] ballots = [TallyBallot.Approving(A, B, C, D), TallyBallot.Approving(A)];

        var result = Budget(70, AllocationRule.Greedy, options, ballots);

        Assert.Equal([A, B, C, D], result.Options.Select(o => o.OptionId));
        Assert.Equal([1, 2, 3, 4], result.Options.Select(o => o.Rank));
        Assert.Equal([A], result.Selected); // A (50) first; B (30) no longer fits; C and D neither
    }

    [Fact]
    public void EqualShares_TieOnPrice_IsBrokenByVotesThenCostThenId()
    {
        TallyOption[] options = [new(B, 10), new(A, 10)];
        TallyBallot[] ballots = [TallyBallot.Approving(A, B), TallyBallot.Approving(A, B)];

        var result = Budget(10, AllocationRule.EqualShares, options, ballots);

        Assert.Equal([A], result.Selected);
    }

    [Theory]
    [InlineData(AllocationRule.Greedy)]
    [InlineData(AllocationRule.EqualShares)]
    public void EmptyVote_SelectsNothing_AndListsOptionsByCostThenId(AllocationRule rule)
    {
        TallyOption[] options = [new(B, 10), new(A, 20), new(C, 10)];

        var result = Budget(100, rule, options);

        Assert.Empty(result.Selected);
        Assert.Equal(0, result.Spent);
        Assert.Equal(0, result.BallotCount);
        Assert.Equal([B, C, A], result.Options.Select(o => o.OptionId));
    }

    [Theory]
    [InlineData(AllocationRule.Greedy)]
    [InlineData(AllocationRule.EqualShares)]
    public void EmptyBallotsOnly_SelectNothing(AllocationRule rule)
    {
        var result = Budget(100, rule, [new(A, 10)], TallyBallot.Approving(), TallyBallot.Approving());

        Assert.Empty(result.Selected);
        Assert.Equal(2, result.BallotCount);
    }

    [Theory]
    [InlineData(AllocationRule.Greedy)]
    [InlineData(AllocationRule.EqualShares)]
    public void BudgetEdges_CostEqualToBudgetFits_CostAboveNever_FreeOptionsWithVotesAreTaken(AllocationRule rule)
    {
        TallyOption[] options = [new(A, 101), new(B, 100), new(C, 0), new(D, 0)];
        TallyBallot[] ballots = Repeat(3, TallyBallot.Approving(A, B, C));

        var result = Budget(100, rule, options, ballots);

        Assert.Equal(100, result.Spent);
        Assert.Contains(B, result.Selected);
        Assert.Contains(C, result.Selected);
        Assert.DoesNotContain(A, result.Selected);
        Assert.DoesNotContain(D, result.Selected); // no votes, not chosen even though it is free
    }

    [Fact]
    public void EqualShares_SingleVoterWithWholeBudget_BuysInOrderOfPreferenceTieRule()
    {
        var result = Budget(100, AllocationRule.EqualShares, [new(A, 60), new(B, 50), new(C, 40)], TallyBallot.Approving(A, B, C));

        // One voter, effective vote count 1 for every option: tie rule by cost takes C then B, and A no longer fits.
        Assert.Equal([C, B], result.Selected);
        Assert.Equal(90, result.Spent);
    }

    [Fact]
    public void Points_SumsPoints_AndCountsSupporters()
    {
        TallyOption[] options = [new(A, null), new(B, null), new(C, null), new(D, null)];
        TallyBallot[] ballots =
        [
            TallyBallot.Of(new(A, 5), new(B, 5)),
            TallyBallot.Of(new(A, 3), new(C, 5), new(B, 2)),
            TallyBallot.Of(new(C, 5), new(D, 5)),
        ];

        var result = Tally.Compute(new TallyRequest(VoteMethod.Points, options, ballots));

        Assert.Equal([C, A, B, D], result.Options.Select(o => o.OptionId));
        Assert.Equal([10L, 8, 7, 5], result.Options.Select(o => o.Score));
        Assert.Equal([2L, 2, 2, 1], result.Options.Select(o => o.Supporters));
        Assert.Equal([C], result.Selected);
        Assert.Null(result.Spent);
    }

    [Fact]
    public void Points_WithBudget_AllocatesGreedilyByPoints()
    {
        TallyOption[] options = [new(A, 70), new(B, 40), new(C, 30)];
        TallyBallot[] ballots = [TallyBallot.Of(new(A, 6), new(B, 4)), TallyBallot.Of(new(C, 5), new(B, 5))];

        var result = Tally.Compute(new TallyRequest(VoteMethod.Points, options, ballots, 100, AllocationRule.Greedy));

        Assert.Equal([B, C], result.Selected); // B 9, A 6 (70 no longer fits after 40), C 5
    }

    // Three voters A>B>C, two voters B>C>A, k = 3: Borda A 11, B 12, C 7, yet A beats B 3:2 and C 3:2.
    [Fact]
    public void Ranking_BordaWinnerAndCondorcetWinner_CanDiffer()
    {
        TallyOption[] options = [new(A, null), new(B, null), new(C, null)];
        TallyBallot[] ballots = [.. Repeat(3, TallyBallot.Ranking(A, B, C)), .. Repeat(2, TallyBallot.Ranking(B, C, A))];

        var result = Tally.Compute(new TallyRequest(VoteMethod.Ranking, options, ballots, MaxRanks: 3));

        Assert.Equal([B, A, C], result.Options.Select(o => o.OptionId));
        Assert.Equal([12L, 11, 7], result.Options.Select(o => o.Score));
        Assert.Equal([B], result.Selected);
        Assert.Equal(A, result.CondorcetWinner);
    }

    [Fact]
    public void Ranking_TruncatedBallots_RankedBeatsUnranked_AndPairwiseTieMeansNoCondorcetWinner()
    {
        TallyOption[] options = [new(A, null), new(B, null), new(C, null), new(D, null)];
        TallyBallot[] ballots =
        [
            TallyBallot.Ranking(A, B, C), TallyBallot.Ranking(A, B, C), TallyBallot.Ranking(B, C, A),
            TallyBallot.Ranking(C, B), TallyBallot.Ranking(D),
        ];

        var result = Tally.Compute(new TallyRequest(VoteMethod.Ranking, options, ballots, MaxRanks: 3));

        Assert.Equal([B, A, C, D], result.Options.Select(o => o.OptionId)); // 9, 7, 7 (tie: lower id), 3
        Assert.Equal([9L, 7, 7, 3], result.Options.Select(o => o.Score));
        Assert.Null(result.CondorcetWinner); // B and A tie 2:2
    }

    [Fact]
    public void Ranking_WithoutBallots_HasNoWinners()
    {
        var result = Tally.Compute(new TallyRequest(VoteMethod.Ranking, [new(A, null), new(B, null)], [], MaxRanks: 2));

        Assert.Empty(result.Selected);
        Assert.Null(result.CondorcetWinner);
    }

    [Fact]
    public void YesNoAbstain_CountsEachAnswer_AndAcceptsOptionsWithMoreYesThanNo()
    {
        TallyOption[] options = [new(A, null), new(B, null), new(C, null)];
        TallyBallot[] ballots =
        [
            TallyBallot.Of(new(A, 1), new(B, 1), new(C, -1)),
            TallyBallot.Of(new(A, 1), new(B, -1), new(C, -1)),
            TallyBallot.Of(new(A, -1), new(B, 0)),
        ];

        var result = Tally.Compute(new TallyRequest(VoteMethod.YesNoAbstain, options, ballots));

        var a = result.Option(A);
        Assert.Equal((2L, 1L, 0L, 1L), (a.Yes, a.No, a.Abstain, a.Score));
        var b = result.Option(B);
        Assert.Equal((1L, 1L, 1L, 0L), (b.Yes, b.No, b.Abstain, b.Score));
        Assert.Equal(-2, result.Option(C).Score);
        Assert.Equal([A], result.Selected); // B is a tie, not accepted
    }

    [Fact]
    public void UnknownOptionInABallot_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Budget(100, AllocationRule.Greedy, [new(A, 10)], TallyBallot.Approving(B)));
    }

    [Fact]
    public void EqualShares_OnPointsBallots_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Tally.Compute(new TallyRequest(VoteMethod.Points, [new(A, 10)], [], 100, AllocationRule.EqualShares)));
    }

    [Fact]
    public void Fraction_ComparesExactly()
    {
        Assert.Equal(new Fraction(1, 3), new Fraction(2, 6));
        Assert.True(new Fraction(100, 3) * 2 < 67);
        Assert.True(new Fraction(100, 3) * 2 > 66);
        Assert.Equal((Fraction)1, new Fraction(1, 3) * 3);
        Assert.Equal(Fraction.Zero, default);
    }
}
