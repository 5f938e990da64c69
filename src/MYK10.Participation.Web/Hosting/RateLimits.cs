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

    /// <summary>Survey responses sent from one address (open surveys are answered without an account).</summary>
    public const string SurveySubmit = "SurveySubmit";

    /// <summary>Invitation codes tried from one address.</summary>
    public const string SurveyCode = "SurveyCode";
}

/// <summary>The outcome of one try; <c>Limit</c> is the configured number of permits per window, for the message.</summary>
public sealed record RateLimitDecision(bool Allowed, DateTimeOffset? RetryAt, int Limit);

/// <summary>
/// Fixed-window limits per subject (an address, a participant) on top of System.Threading.RateLimiting, the
/// limiter ASP.NET Core's middleware uses. Keys come from the form, so the check runs in the handler.
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
        // Generous: a class or a care home may answer from one address.
        [RateLimitNames.SurveySubmit] = (60, TimeSpan.FromHours(1)),
        [RateLimitNames.SurveyCode] = (20, TimeSpan.FromHours(1)),
    };

    private readonly ConcurrentDictionary<string, PartitionedRateLimiter<string>> _limiters = new(StringComparer.Ordinal);

    public async Task<RateLimitDecision> TryAcquireAsync(string name, string subject)
    {
        var limiter = _limiters.GetOrAdd(name, Create);
        using var lease = await limiter.AcquireAsync(subject.Trim().ToUpperInvariant());
        if (lease.IsAcquired)
        {
            return new RateLimitDecision(true, null, Permits(name));
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : Window(name);
        return new RateLimitDecision(false, clock.GetUtcNow() + retryAfter, Permits(name));
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private PartitionedRateLimiter<string> Create(string name)
    {
        var permits = Permits(name);
        var window = Window(name);
        return PartitionedRateLimiter.Create<string, string>(subject => RateLimitPartition.GetFixedWindowLimiter(subject, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true }));
    }

    private int Permits(string name) => configuration.GetValue($"RateLimits:{name}:PermitLimit", Defaults[name].Permits);

    private TimeSpan Window(string name) => configuration.GetValue($"RateLimits:{name}:Window", Defaults[name].Window);
}
