using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MYK10.Participation.Benchmarks;

/// <summary>The real site (its Release or Debug build, whichever this program was built as), in a separate process on a loopback port.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private long _peakRssKb;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public TimeSpan TimeToFirstResponse { get; private set; }

    public int ProcessId => _process.Id;

    /// <summary>What the site wrote to standard output (its log), line by line.</summary>
    public ConcurrentQueue<string> Output { get; } = new();

    /// <summary>Peak resident memory of the server so far (VmHWM), in MB.</summary>
    public double PeakMemoryMb
    {
        get
        {
            Sample();
            return _peakRssKb / 1024.0;
        }
    }

    public static async Task<ServerProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var dll = WebAssemblyPath();
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ConnectionStrings__Participation"] = $"Data Source={Path.Combine(dataDirectory, "participation.db")}";
        info.Environment["ConnectionStrings__Jobs"] = $"Data Source={Path.Combine(dataDirectory, "jobs.db")}";
        info.Environment["Mail__PickupDirectory"] = Path.Combine(dataDirectory, "mail");
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var watch = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("The site did not start.");
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                server.Output.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[server] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(2) };
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The site exited with code {process.ExitCode} during start-up.");
            }

            try
            {
                using var response = await client.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    server.TimeToFirstResponse = watch.Elapsed;
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(10);
        }

        await server.DisposeAsync();
        throw new TimeoutException("The site did not answer /health within 60 seconds.");
    }

    public void Sample()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line["VmHWM:".Length..].Trim().Split(' ')[0], out var kb))
            {
                _peakRssKb = Math.Max(_peakRssKb, kb);
            }
        }
        catch (IOException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Sample();
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The site's build output beside this program's: same configuration, found from the solution folder.</summary>
    internal static string WebAssemblyPath()
    {
        var baseDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = baseDirectory.Parent?.Name ?? "Release";
        var root = baseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "MYK10.Participation.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Solution folder not found."),
            "src", "MYK10.Participation.Web", "bin", configuration, "net10.0", "MYK10.Participation.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the site first ({configuration}).", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
