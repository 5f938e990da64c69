using Hangfire;

namespace MYK10.Participation.Ballots;

/// <summary>Counts one vote and stores the result; a second run stores the same result again (upserts).</summary>
public sealed class VoteTallyJob(VoteService votes, VoteStore store, TimeProvider clock)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(long voteId, CancellationToken cancellationToken)
    {
        // The count is as of the moment before its ballots are read, not when it is saved: a count that began before the
        // end and was saved after it would otherwise pass for the final one while missing the ballots of its last moments.
        var countedAt = clock.GetUtcNow();
        var computed = await votes.ComputeAsync(voteId, cancellationToken: cancellationToken);
        if (computed is not { } c)
        {
            return;
        }

        await store.SaveTallyAsync(voteId, c.Result, c.Ballots, countedAt, cancellationToken);
    }
}

/// <summary>
/// The recurring tally run: every vote that has just closed, and every open vote with live results.
/// Running it twice, or beside a <see cref="VoteTallyJob"/>, is harmless.
/// </summary>
public sealed class VoteTallySweepJob(VoteStore store, VoteTallyJob tally, TimeProvider clock)
{
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var voteId in await store.DueForTallyAsync(clock.GetUtcNow(), cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await tally.RunAsync(voteId, cancellationToken);
        }
    }
}
