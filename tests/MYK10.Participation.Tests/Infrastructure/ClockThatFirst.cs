namespace MYK10.Participation.Tests.Infrastructure;

/// <summary>
/// The given clock, which runs an action the first time it is read: something another request does while a job is at
/// work, at the moment the job takes the time.
/// </summary>
public sealed class ClockThatFirst(TimeProvider clock, Action action) : TimeProvider
{
    private bool done;

    public override DateTimeOffset GetUtcNow()
    {
        if (!done)
        {
            done = true;
            action();
        }

        return clock.GetUtcNow();
    }
}
