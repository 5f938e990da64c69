using System.Diagnostics;
using System.Net;

namespace MYK10.Participation.Benchmarks;

/// <summary>One scenario's numbers (the warm-up's requests are not in them, except in <see cref="AcceptedWithWarmUp"/>).</summary>
public sealed record LoadResult(string Name, long Requests, long Errors, double Seconds, double P50Ms, double P95Ms, double P99Ms, long WarmUpAccepted = 0)
{
    public double RequestsPerSecond => Requests / Seconds;

    /// <summary>Everything the server accepted, warm-up included: what it must have stored.</summary>
    public long AcceptedWithWarmUp => Requests - Errors + WarmUpAccepted;
}

/// <summary>
/// Closed-loop HTTP load from this process: each connection sends its next request when the last one answered,
/// for a fixed time. Bounded in time and count, loopback only. Each scenario first runs <see cref="WarmUp"/> without
/// counting (so that neither the server's nor this program's code is measured while it is still being compiled); the
/// counted requests then continue the same sequence, they do not repeat the warm-up's.
/// </summary>
internal static class LoadRunner
{
    /// <summary>Set once per run, from the length of a scenario.</summary>
    public static TimeSpan WarmUp { get; set; } = TimeSpan.FromSeconds(2);

    public static async Task<LoadResult> RunAsync(string name, Uri server, int connections, TimeSpan duration,
        Func<int, long, HttpRequestMessage> request, Func<HttpResponseMessage, bool>? ok = null, Func<int, HttpClient>? clients = null)
    {
        ok ??= r => r.StatusCode == HttpStatusCode.OK;
        using var shared = NewClient(server, connections);
        return await RunOperationsAsync(name, connections, duration, async (worker, n) =>
        {
            using var message = request(worker, n);
            using var response = await (clients?.Invoke(worker) ?? shared).SendAsync(message, HttpCompletionOption.ResponseContentRead);
            return ok(response);
        });
    }

    /// <summary>Like <see cref="RunAsync"/>, for operations of several requests (a survey submission): latency is the whole operation's.</summary>
    public static async Task<LoadResult> RunOperationsAsync(string name, int connections, TimeSpan duration, Func<int, long, Task<bool>> operation)
    {
        var latencies = new List<double>[connections];
        var errors = 0L;
        var warmUpAccepted = 0L;
        var countFrom = Stopwatch.GetTimestamp() + (long)(WarmUp.TotalSeconds * Stopwatch.Frequency);
        var stopAt = countFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var counted = new long[connections];
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            var own = latencies[worker] = new List<double>(4096);
            for (long n = 0; Stopwatch.GetTimestamp() < stopAt && n < 10_000_000; n++)
            {
                var begin = Stopwatch.GetTimestamp();
                var ok = false;
                try
                {
                    ok = await operation(worker, n);
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }

                if (begin < countFrom)
                {
                    if (ok)
                    {
                        Interlocked.Increment(ref warmUpAccepted);
                    }

                    continue;
                }

                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }

                own.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                counted[worker] = Stopwatch.GetTimestamp();
            }
        }));
        var seconds = counted.Max() > countFrom ? (counted.Max() - countFrom) / (double)Stopwatch.Frequency : duration.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(name, all.Length, errors, seconds, Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99), Interlocked.Read(ref warmUpAccepted));
    }

    public static HttpClient NewClient(Uri server, int connections, CookieContainer? cookies = null) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        AllowAutoRedirect = false,
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    {
        BaseAddress = server,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
