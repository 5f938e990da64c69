using MYK10.Participation.Moderation;

namespace MYK10.Participation.Administration;

/// <summary>
/// The staff member on whose request the code runs. The site sets it for every request of a signed-in staff member,
/// so an admin log entry whose caller passed no actor still names who acted: only what runs outside such a request
/// (a command, a background job) is logged as the command line.
/// </summary>
public static class ActingStaff
{
    private static readonly AsyncLocal<StaffActor?> Current = new();

    public static StaffActor? Member => Current.Value;

    /// <summary>Makes <paramref name="actor"/> the acting staff member until the result is disposed.</summary>
    public static IDisposable Use(StaffActor actor)
    {
        var before = Current.Value;
        Current.Value = actor;
        return new Restore(before);
    }

    private sealed class Restore(StaffActor? before) : IDisposable
    {
        public void Dispose() => Current.Value = before;
    }
}
