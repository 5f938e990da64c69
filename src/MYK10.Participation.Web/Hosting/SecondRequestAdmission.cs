using System.Diagnostics;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// Lets a page into the page cache on its second request within the cache lifetime, not its first. Most of 45,000
/// idea pages are read once in a while; storing each of them would push the popular pages out of the limited cache
/// and cost a copy and a collection for nothing. Popular pages pay one extra rendering.
/// </summary>
/// <remarks>
/// Remembers when each key was last asked for in a fixed table of slots chosen by the key's hash (512 KB, no locks).
/// Two keys that share a slot only let a page in one request early.
/// </remarks>
public sealed class SecondRequestAdmission(TimeSpan window)
{
    private const int Slots = 1 << 16;
    private readonly long[] _lastAsked = new long[Slots];
    private readonly long _windowTicks = (long)(window.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Records this request for the key and says whether an earlier one came within the window.</summary>
    public bool Admit(string key)
    {
        var slot = (uint)StringComparer.Ordinal.GetHashCode(key) % Slots;
        var now = Stopwatch.GetTimestamp();
        var before = Interlocked.Exchange(ref _lastAsked[slot], now);
        return before != 0 && now - before <= _windowTicks;
    }
}
