using MYK10.Participation.Ballots;

namespace MYK10.Participation.Tests.Ballots;

/// <summary>
/// The tally's Equal Shares (which keeps money per class of voters) against a plain transcription of the
/// equalshares.net algorithm that keeps money per voter, on random instances with many ties and near-ties.
/// </summary>
public sealed class EqualSharesReferenceTests
{
    [Fact]
    public void RandomInstances_SameOutcomeAsThePerVoterReference() =>
        AssertSameAsReference(seed: 4711, instances: 300, voters: (0, 25), random => random.Next(0, 4) * 10 + random.Next(0, 2) * 5, budget: (10, 120));

    // Thousands of euros per voter: the reference raises the shares one euro at a time through every Add1 step, the
    // tally passes over the steps a run shows to give the same outcome; both must end with the same selection.
    [Fact]
    public void LargeBudgetsPerVoter_SameOutcomeAsRaisingTheSharesEuroByEuro() =>
        AssertSameAsReference(seed: 815, instances: 60, voters: (1, 12), random => random.Next(1, 5) * 2_000 + random.Next(0, 2) * 500, budget: (2_000, 20_000));

    private static void AssertSameAsReference(int seed, int instances, (int Min, int Max) voters, Func<Random, long> cost, (int Min, int Max) budget)
    {
        var random = new Random(seed);
        for (var instance = 0; instance < instances; instance++)
        {
            var optionCount = random.Next(2, 8);
            var voterCount = random.Next(voters.Min, voters.Max);
            var options = Enumerable.Range(1, optionCount).Select(id => new TallyOption(id, cost(random))).ToList();
            var ballots = Enumerable.Range(0, voterCount)
                .Select(_ => TallyBallot.Approving(options.Where(_ => random.Next(3) == 0).Select(o => o.Id).ToArray()))
                .ToList();
            var total = random.Next(budget.Min, budget.Max);

            var actual = Tally.Compute(new TallyRequest(VoteMethod.Budget, options, ballots, total, AllocationRule.EqualShares)).Selected;

            Assert.True(Reference(options, ballots, total).SequenceEqual(actual), $"instance {instance}: budget {total}, {voterCount} voters");
        }
    }

    private static List<long> Reference(List<TallyOption> options, List<TallyBallot> ballots, long budget)
    {
        var approvers = options.ToDictionary(o => o.Id, o => ballots.Select((b, i) => (b, i)).Where(x => x.b.Choices.Any(c => c.OptionId == o.Id)).Select(x => x.i).ToList());
        var votes = options.ToDictionary(o => o.Id, o => (long)approvers[o.Id].Count);
        var cost = options.ToDictionary(o => o.Id, o => o.Cost ?? 0);
        bool Before(long a, long b) => votes[a] != votes[b] ? votes[a] > votes[b] : cost[a] != cost[b] ? cost[a] < cost[b] : a < b;

        List<long> Fixed(long total)
        {
            var n = ballots.Count;
            var winners = new List<long>();
            if (n == 0)
            {
                return winners;
            }

            var money = Enumerable.Repeat(new Fraction(total, n), n).ToArray();
            var remaining = options.Where(o => cost[o.Id] > 0 && approvers[o.Id].Count > 0).Select(o => o.Id).ToHashSet();
            while (true)
            {
                long best = -1;
                var bestCount = Fraction.Zero;
                foreach (var o in remaining.ToList())
                {
                    var behind = approvers[o].Aggregate(Fraction.Zero, (sum, v) => sum + money[v]);
                    if (behind < cost[o])
                    {
                        remaining.Remove(o);
                        continue;
                    }

                    var paid = Fraction.Zero;
                    var payers = approvers[o].Count;
                    foreach (var v in approvers[o].OrderBy(v => money[v]))
                    {
                        var share = ((Fraction)cost[o] - paid) / payers;
                        if (share > money[v])
                        {
                            paid += money[v];
                            payers--;
                            continue;
                        }

                        var count = (Fraction)cost[o] / share;
                        if (best < 0 || count > bestCount || (count == bestCount && Before(o, best)))
                        {
                            best = o;
                            bestCount = count;
                        }

                        break;
                    }
                }

                if (best < 0)
                {
                    return winners;
                }

                winners.Add(best);
                remaining.Remove(best);
                var payment = (Fraction)cost[best] / bestCount;
                foreach (var v in approvers[best])
                {
                    money[v] = money[v] > payment ? money[v] - payment : Fraction.Zero;
                }
            }
        }

        long Spent(List<long> outcome) => outcome.Sum(o => cost[o]);
        var outcome = Fixed(budget);
        if (ballots.Count > 0)
        {
            var current = budget / ballots.Count * ballots.Count;
            while (options.Any(o => approvers[o.Id].Count > 0 && cost[o.Id] > 0 && !outcome.Contains(o.Id) && Spent(outcome) + cost[o.Id] <= budget))
            {
                current += ballots.Count;
                var next = Fixed(current);
                if (Spent(next) > budget)
                {
                    break;
                }

                outcome = next;
            }
        }

        foreach (var o in options.Select(o => o.Id).OrderByDescending(o => votes[o]).ThenBy(o => cost[o]).ThenBy(o => o))
        {
            if (votes[o] > 0 && !outcome.Contains(o) && Spent(outcome) + cost[o] <= budget)
            {
                outcome.Add(o);
            }
        }

        return outcome;
    }
}
