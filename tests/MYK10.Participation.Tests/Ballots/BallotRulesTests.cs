using MYK10.Participation.Ballots;

namespace MYK10.Participation.Tests.Ballots;

public sealed class BallotRulesTests
{
    private static readonly Dictionary<long, long?> Costs = new() { [1] = 40_000, [2] = 35_000, [3] = 25_000, [4] = 10_000 };

    private static BallotChoice C(long optionId, int value) => new(optionId, value);

    private static IReadOnlyList<BallotProblem> Check(VoteRules rules, params BallotChoice[] choices) => BallotRules.Check(rules, Costs, choices);

    [Fact]
    public void Approval_UpToK_IsValid_MoreIsRefused()
    {
        var rules = new VoteRules(VoteMethod.Approval, 2, null, null, null, null);

        Assert.Empty(Check(rules, C(1, 1), C(2, 1)));
        Assert.Equal([BallotProblem.TooManyChoices], Check(rules, C(1, 1), C(2, 1), C(3, 1)));
    }

    [Fact]
    public void UnknownOption_DuplicateOption_AndEmptyBallot_AreRefused()
    {
        var rules = new VoteRules(VoteMethod.Approval, 3, null, null, null, null);

        Assert.Equal([BallotProblem.UnknownOption], Check(rules, C(9, 1)));
        Assert.Equal([BallotProblem.DuplicateOption], Check(rules, C(1, 1), C(1, 1)));
        Assert.Equal([BallotProblem.Empty], Check(rules));
    }

    [Fact]
    public void Points_RespectTotalAndMaximumPerOption()
    {
        var rules = new VoteRules(VoteMethod.Points, null, 10, 5, null, null);

        Assert.Empty(Check(rules, C(1, 5), C(2, 5)));
        Assert.Empty(Check(rules, C(1, 3)));
        Assert.Equal([BallotProblem.PointsOverTotal], Check(rules, C(1, 5), C(2, 5), C(3, 1)));
        Assert.Equal([BallotProblem.PointsOverMaximum], Check(rules, C(1, 6)));
        Assert.Equal([BallotProblem.InvalidValue], Check(rules, C(1, 0)));
    }

    [Fact]
    public void Ranking_NeedsConsecutivePlacesUpToK()
    {
        var rules = new VoteRules(VoteMethod.Ranking, 3, null, null, null, null);

        Assert.Empty(Check(rules, C(2, 1), C(1, 2)));
        Assert.Equal([BallotProblem.RanksNotConsecutive], Check(rules, C(2, 1), C(1, 3)));
        Assert.Equal([BallotProblem.RanksNotConsecutive], Check(rules, C(2, 1), C(1, 1)));
        Assert.Equal([BallotProblem.TooManyChoices], Check(rules, C(1, 1), C(2, 2), C(3, 3), C(4, 4)));
    }

    [Fact]
    public void Budget_OverBudgetAndBelowMinimumShare_AreRefused_ExactlyAtTheEdgesIsValid()
    {
        var rules = new VoteRules(VoteMethod.Budget, null, null, null, 75_000, 60);

        Assert.Equal(45_000, rules.MinimumSpend);
        Assert.Empty(Check(rules, C(1, 1), C(2, 1)));          // 75 000: exactly the budget
        Assert.Empty(Check(rules, C(2, 1), C(4, 1)));          // 45 000: exactly the minimum share
        Assert.Equal([BallotProblem.OverBudget], Check(rules, C(1, 1), C(2, 1), C(4, 1)));
        Assert.Equal([BallotProblem.BelowMinimumShare], Check(rules, C(1, 1)));
    }

    [Fact]
    public void YesNoAbstain_AcceptsOnlyThreeValues()
    {
        var rules = new VoteRules(VoteMethod.YesNoAbstain, null, null, null, null, null);

        Assert.Empty(Check(rules, C(1, 1), C(2, -1), C(3, 0)));
        Assert.Equal([BallotProblem.InvalidValue], Check(rules, C(1, 2)));
    }
}
