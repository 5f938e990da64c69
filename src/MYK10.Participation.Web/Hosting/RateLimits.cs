using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace MYK10.Participation.Web.Hosting;

/// <summary>Names of the write rate limits; each can be set in configuration under <c>RateLimits:{name}</c>.</summary>
public static class RateLimitNames
{
    public const string SignInLink = "SignInLink";
    public const string Idea = "Idea";
    public const string Comment = "Comment";
    public const string Report = "Report";
    public const string Support = "Support";

    /// <summary>Ballots cast or changed by one participant.</summary>
    public const string Ballot = "Ballot";

    /// <summary>Survey responses sent from one address (open surveys are answered without an account).</summary>
    public const string SurveySubmit = "SurveySubmit";

    /// <summary>Invitation codes tried from one address.</summary>
    public const string SurveyCode = "SurveyCode";
    public const string StaffSignIn = "StaffSignIn";

    /// <summary>Every write (POST) per client connection, in the middleware; see <see cref="RequestLimits"/>.</summary>
    public const string Writes = "Writes";

    /// <summary>Used for a name without its own default (a feature's new limit before it is tuned).</summary>
    public const string Default = "Default";
}

/// <summary>The outcome of one try; <c>Limit</c> is the configured number of permits per window, for the message.</summary>
public sealed record RateLimitDecision(bool Allowed, DateTimeOffset? RetryAt, int Limit);

/// <summary>
/// Fixed-window limits per subject (an address, a participant) on top of System.Threading.RateLimiting, the
/// limiter ASP.NET Core's middleware uses. Keys come from the form, so the check runs in the handler. Every limit is
/// configurable as <c>RateLimits:{name}:PermitLimit</c> and <c>RateLimits:{name}:Window</c>; a feature may use a
/// new name without touching this class (it starts with the <c>Default</c> limit).
/// </summary>
public sealed class RateLimits(IConfiguration configuration, TimeProvider clock) : IDisposable
{
    private static readonly Dictionary<string, (int Permits, TimeSpan Window)> Defaults = new(StringComparer.Ordinal)
    {
        [RateLimitNames.SignInLink] = (5, TimeSpan.FromHours(1)),
        [RateLimitNames.Idea] = (10, TimeSpan.FromDays(1)),
        [RateLimitNames.Comment] = (30, TimeSpan.FromHours(1)),
        [RateLimitNames.Report] = (20, TimeSpan.FromHours(1)),
        [RateLimitNames.Support] = (200, TimeSpan.FromHours(1)),
        [RateLimitNames.Ballot] = (20, TimeSpan.FromHours(1)),
        // Generous: a class or a care home may answer from one address.
        [RateLimitNames.SurveySubmit] = (60, TimeSpan.FromHours(1)),
        [RateLimitNames.SurveyCode] = (20, TimeSpan.FromHours(1)),
        [RateLimitNames.StaffSignIn] = (10, TimeSpan.FromMinutes(15)),
        [RateLimitNames.Writes] = (120, TimeSpan.FromMinutes(1)),
        [RateLimitNames.Default] = (30, TimeSpan.FromMinutes(10)),
    };

    private readonly ConcurrentDictionary<string, PartitionedRateLimiter<string>> _limiters = new(StringComparer.Ordinal);

    public async Task<RateLimitDecision> TryAcquireAsync(string name, string subject)
    {
        var limiter = _limiters.GetOrAdd(name, Create);
        var (permits, window) = Limit(name);
        using var lease = await limiter.AcquireAsync(subject.Trim().ToUpperInvariant());
        if (lease.IsAcquired)
        {
            return new RateLimitDecision(true, null, permits);
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window;
        return new RateLimitDecision(false, clock.GetUtcNow() + retryAfter, permits);
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }

    /// <summary>The configured permits and window of <paramref name="name"/>.</summary>
    public (int Permits, TimeSpan Window) Limit(string name)
    {
        var fallback = Defaults.GetValueOrDefault(name, Defaults[RateLimitNames.Default]);
        return (configuration.GetValue($"RateLimits:{name}:PermitLimit", fallback.Permits), configuration.GetValue($"RateLimits:{name}:Window", fallback.Window));
    }

    private PartitionedRateLimiter<string> Create(string name)
    {
        var (permits, window) = Limit(name);
        return PartitionedRateLimiter.Create<string, string>(subject => RateLimitPartition.GetFixedWindowLimiter(subject, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true }));
    }
}
