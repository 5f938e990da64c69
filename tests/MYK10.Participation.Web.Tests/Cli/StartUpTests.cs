using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Cli;

/// <summary>The site's executable started as an operator starts it, in its own process.</summary>
public sealed class StartUpTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task AnAddressInUse_StopsTheStartWithOneLine_NotAStackTrace()
    {
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((IPEndPoint)occupied.LocalEndpoint).Port;
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

        using var site = Process.Start(start)!;
        var output = site.StandardOutput.ReadToEndAsync();
        var error = await site.StandardError.ReadToEndAsync();
        await site.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        var log = await output;

        Assert.Equal(1, site.ExitCode);
        var line = Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("Start-up stopped: Failed to bind to address", line, StringComparison.Ordinal);
        Assert.DoesNotContain("BackgroundService failed", log, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
