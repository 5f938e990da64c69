using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MYK10.Participation.Data;
using MYK10.Participation.Staff;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Infrastructure;

/// <summary>
/// The real site on a temporary data folder: its own SQLite files, mail pickup folder and Hangfire storage.
/// Call <see cref="UseRealServer"/> before first use to serve on a loopback Kestrel port (browser tests).
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string?> _settings;
    private bool _realServer;

    public SiteFactory(Dictionary<string, string?>? settings = null)
    {
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Participation"] = $"Data Source={_directory.File("participation.db")}",
            ["ConnectionStrings:Jobs"] = $"Data Source={_directory.File("jobs.db")}",
            ["Mail:PickupDirectory"] = _directory.File("mail"),
            ["Mail:From"] = "beteiligung@myk10.example",
            ["Site:BaseUrl"] = "http://localhost",
            ["Jobs:PollIntervalSeconds"] = "0.5",
            // Every test client comes from the same (loopback) connection, so the per-connection write limit would
            // count a whole test class as one visitor; tests of that limit set their own.
            ["RateLimits:Writes:PermitLimit"] = "100000",
            // Likewise every staff sign-in of a test class comes from one address; the limit's own test sets it low.
            ["RateLimits:StaffSignIn:PermitLimit"] = "100000",
            // Many tests change the database directly and read the pages again; the page cache has tests of its own.
            ["Caching:AnonymousPageSeconds"] = "0",
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    /// <summary>Replace "now" for the whole site.</summary>
    public ManualClock? Clock { get; init; }

    /// <summary>Lets a test break the database on purpose.</summary>
    public FaultyConnections Faults { get; } = new();

    public string DataDirectory => _directory.Path;

    public string MailDirectory => _directory.File("mail");

    /// <summary>The base address of the Kestrel server, after <see cref="UseRealServer"/>.</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    public SiteFactory UseRealServer()
    {
        _realServer = true;
        UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        return this;
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public HttpClient CreateBrowserLikeClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = _realServer ? ServerAddress : new Uri("http://localhost"),
    });

    public async Task<string> CreateStaffAsync(StaffRole role, string? email = null, string password = TestPasswords.Staff)
    {
        email ??= $"{role.ToText()}-{Guid.NewGuid():N}@kvmyk.de";
        var result = await Get<StaffService>().AddAsync(email, role, password);
        Assert.True(result.Succeeded, result.Error.ToString());
        return email;
    }

    /// <summary>A client signed in as a new staff member of <paramref name="role"/>.</summary>
    public async Task<HttpClient> StaffClientAsync(StaffRole role)
    {
        var email = await CreateStaffAsync(role);
        var client = CreateBrowserLikeClient();
        var response = await client.PostFormAsync("/staff/anmelden", new() { ["Input.Email"] = email, ["Input.Password"] = TestPasswords.Staff });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        builder.ConfigureTestServices(services =>
        {
            if (Clock is not null)
            {
                services.AddSingleton<TimeProvider>(Clock);
            }

            var real = services.Single(d => d.ServiceType == typeof(IDbConnectionFactory));
            services.Remove(real);
            services.AddSingleton<IDbConnectionFactory>(sp =>
            {
                Faults.Inner = (IDbConnectionFactory)real.ImplementationFactory!(sp);
                return Faults;
            });
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            ForgetHangfireLogProvider();
            _directory.Dispose();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        ForgetHangfireLogProvider();
        _directory.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Hangfire keeps one static log provider, set to the logger factory of the site started last. Once that site is
    /// disposed, every job client created later (by a site still running in a parallel test class) would fail with
    /// ObjectDisposedException. One site per process in production; in tests, fall back to Hangfire's no-op logging.
    /// </summary>
    private static void ForgetHangfireLogProvider() => Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
}
