using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MYK10.Participation.Data;
using MYK10.Participation.Hosting;

namespace MYK10.Participation.Tests.Infrastructure;

/// <summary>
/// The library's real services on a fresh, migrated SQLite file in a temporary folder, with a manual clock.
/// Each test creates its own and disposes it.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();

    private TestApp(Dictionary<string, string?> settings, Action<IServiceCollection>? configure)
    {
        settings.TryAdd("ConnectionStrings:Participation", $"Data Source={_directory.File("participation.db")}");
        settings.TryAdd("Mail:PickupDirectory", _directory.File("mail"));
        settings.TryAdd("Mail:From", "beteiligung@myk10.example");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<MYK10.Participation.Mail.IOutboxSignal, NoOutboxSignal>();
        services.AddParticipation(configuration, _directory.Path);
        configure?.Invoke(services);
        Services = services.BuildServiceProvider();
    }

    public ManualClock Clock { get; } = new();

    public ServiceProvider Services { get; }

    public string DataDirectory => _directory.Path;

    public string DatabasePath => _directory.File("participation.db");

    public IDbConnectionFactory Connections => Services.GetRequiredService<IDbConnectionFactory>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Creates and migrates; <paramref name="settings"/> override configuration keys.</summary>
    public static async Task<TestApp> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null, bool migrate = true)
    {
        var app = new TestApp(settings ?? [], configure);
        if (migrate)
        {
            await app.Get<Migrator>().MigrateAsync();
        }

        return app;
    }

    /// <summary>Applies the embedded migrations named before <paramref name="script"/>: the database as it was before that one, for tests of what it keeps.</summary>
    public Task MigrateBeforeAsync(string script) => new Migrator(
        Connections, MigrationScript.Embedded().Where(s => string.CompareOrdinal(s.Name, script) < 0).ToList(), Clock, NullLogger<Migrator>.Instance).MigrateAsync();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>Tests run the outbox job by hand.</summary>
    private sealed class NoOutboxSignal : MYK10.Participation.Mail.IOutboxSignal
    {
        public void MailQueued()
        {
        }
    }
}
