using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MYK10.Participation.Operations;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Web.Cli;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Cli;

/// <summary>The site's executable started as an operator starts it, in its own process.</summary>
public sealed class StartUpTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly List<Process> _started = [];

    [Fact]
    public async Task AnAddressInUse_StopsTheStartWithOneLine_NotAStackTrace()
    {
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((IPEndPoint)occupied.LocalEndpoint).Port;

        var site = StartSite(port);
        var (exit, error, log) = await WaitForExitAsync(site);

        Assert.Equal(1, exit);
        var line = Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("Start-up stopped: Failed to bind to address", line, StringComparison.Ordinal);
        Assert.DoesNotContain("BackgroundService failed", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondSiteOnTheSameDataFolder_StopsWithOneLine_AndAfterTheFirstIsKilledTheFolderStartsAgain()
    {
        var first = StartSite(FreePort());
        await WaitUntilLiveAsync(first);

        var second = StartSite(FreePort());
        var (exit, error, _) = await WaitForExitAsync(second);

        Assert.Equal(1, exit);
        var line = Assert.Single(error.Trim().Split('\n'));
        Assert.Equal($"Start-up stopped: A site is already running on the data folder {_directory.Path} ({_directory.File("participation.db")}.site-lock"
            + " is held by another process: a site, or a restore into it).", line);

        // A crash leaves no stale lock: the operating system drops it with the process.
        first.Kill();
        await first.WaitForExitAsync();
        var third = StartSite(FreePort());
        await WaitUntilLiveAsync(third);
        third.Kill();
        await third.WaitForExitAsync();
    }

    [Fact]
    public async Task ACommand_RunsBesideTheSiteThatHoldsTheDataFolder()
    {
        await using var site = new SiteFactory();
        using var client = site.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var database = Path.Combine(site.DataDirectory, "participation.db");
        Assert.Null(SiteLock.TryAcquire(database));

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(["staff", "add", "--email", "it@kvmyk.de", "--role", "admin"], new StringReader("Rhein-Mosel-Verwaltung\n"),
            output, error, new Dictionary<string, string?>
            {
                ["ConnectionStrings:Participation"] = $"Data Source={database}",
                ["Mail:PickupDirectory"] = site.MailDirectory,
            });

        Assert.True(exit == 0, error.ToString());
        Assert.Equal("Staff account it@kvmyk.de (admin) created.", output.ToString().Trim());
    }

    private Process StartSite(int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _directory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "MYK10.Participation.Web.dll"), "--urls", $"http://127.0.0.1:{port}" },
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Participation"] = $"Data Source={_directory.File("participation.db")}",
                ["ConnectionStrings__Jobs"] = $"Data Source={_directory.File("jobs.db")}",
                ["Mail__PickupDirectory"] = _directory.File("mail"),
                ["Moderation__ReminderCron"] = "",
                ["Database__BackgroundCheckpoint"] = "true",
            },
        };
        var site = Process.Start(start)!;
        _started.Add(site);
        return site;
    }

    private static async Task<(int Exit, string Error, string Log)> WaitForExitAsync(Process site)
    {
        // Bounded: a site that starts after all would keep its streams open for ever.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = site.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = site.StandardError.ReadToEndAsync(timeout.Token);
        await site.WaitForExitAsync(timeout.Token);
        return (site.ExitCode, await error, await output);
    }

    /// <summary>Waits until the site answers /health/live; its log is read along so a full pipe never blocks it.</summary>
    private static async Task WaitUntilLiveAsync(Process site)
    {
        site.OutputDataReceived += (_, _) => { };
        site.ErrorDataReceived += (_, _) => { };
        site.BeginOutputReadLine();
        site.BeginErrorReadLine();
        var address = Uri(site);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(site.HasExited, $"The site exited with {(site.HasExited ? site.ExitCode : 0)} during start-up.");
            try
            {
                using var response = await client.GetAsync(new Uri(address, "/health/live"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        Assert.Fail("The site did not answer /health/live within 60 seconds.");
    }

    private static Uri Uri(Process site) => new(site.StartInfo.ArgumentList[^1]);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        // A failed assertion must not leave a site running.
        foreach (var site in _started)
        {
            if (!site.HasExited)
            {
                site.Kill();
                site.WaitForExit();
            }

            site.Dispose();
        }

        _directory.Dispose();
    }
}
