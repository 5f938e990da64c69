using System.Diagnostics;
using System.Net;

namespace MYK10.Participation.Benchmarks;

/// <summary>One scenario's numbers.</summary>
public sealed record LoadResult(string Name, long Requests, long Errors, double Seconds, double P50Ms, double P95Ms, double P99Ms)
{
    public double RequestsPerSecond => Requests / Seconds;
}

/// <summary>
/// Closed-loop HTTP load from this process: each connection sends its next request when the last one answered,
/// for a fixed time. Bounded in time and count, loopback only.
/// </summary>
internal static class LoadRunner
{
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
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            var own = latencies[worker] = new List<double>(4096);
            for (long n = 0; Stopwatch.GetTimestamp() < stopAt && n < 10_000_000; n++)
            {
                var begin = Stopwatch.GetTimestamp();
                try
                {
                    if (!await operation(worker, n))
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                catch (TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }

                own.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
            }
        }));
        var seconds = started.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(name, all.Length, errors, seconds, Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99));
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
