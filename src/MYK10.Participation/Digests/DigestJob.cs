using Hangfire;

namespace MYK10.Participation.Digests;

/// <summary>The recurring job of one council (id <c>digest-council-{id}</c>).</summary>
public sealed class DigestJob(DigestRound round)
{
    // Retries are safe: the retried run computes the same period (the schedule's latest occurrence) and finds it done
    // if the first run committed; two runs at once queue on the database's write lock.
    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(long councilId, CancellationToken cancellationToken) =>
        await round.RunScheduledAsync(councilId, cancellationToken);
}
