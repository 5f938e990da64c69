using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MYK10.Participation.Hosting;
using MYK10.Participation.Mail;
using MYK10.Participation.Surveys;

namespace MYK10.Participation.Benchmarks;

/// <summary>
/// The library's real services over the benchmark's database, for seeding definitions and timing the jobs in this
/// process. Jobs are run directly here, so nothing is handed to a job server.
/// </summary>
internal static class BenchmarkServices
{
    public static ServiceProvider Build(string directory, int smtpPort)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Participation"] = $"Data Source={Path.Combine(directory, "participation.db")}",
            ["Site:BaseUrl"] = "http://127.0.0.1",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
            ["Backups:Directory"] = Path.Combine(directory, "backups"),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IOutboxSignal, NoSignal>();
        services.AddSingleton<ISurveyResultsSignal, NoSignal>();
        services.AddParticipation(configuration, directory);
        return services.BuildServiceProvider();
    }

    private sealed class NoSignal : IOutboxSignal, ISurveyResultsSignal
    {
        public void MailQueued()
        {
        }

        public void SurveyClosed(long surveyId)
        {
        }
    }
}
