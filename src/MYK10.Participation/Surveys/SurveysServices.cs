using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MYK10.Participation.Digests;

namespace MYK10.Participation.Surveys;

public static class SurveysServices
{
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddSingleton<IDigestSection, SurveysDigestSection>();
        services.AddSingleton<SurveyStore>();
        services.AddSingleton<SurveyBuilder>();
        services.AddSingleton<SurveyResponder>();
        services.AddSingleton<InvitationCodes>();
        services.AddSingleton<SurveyResultsStore>();
        services.AddSingleton<SurveyExports>();
        services.AddSingleton<SurveyDemoData>();
        services.AddTransient<SurveyResultsJob>();
        services.AddTransient<SurveyResultsRefreshJob>();
        services.TryAddSingleton<ISurveyResultsSignal, HangfireSurveyResultsSignal>();
        return services;
    }

    /// <summary>Enqueues the results job for a survey that just closed.</summary>
    private sealed class HangfireSurveyResultsSignal(IServiceProvider services) : ISurveyResultsSignal
    {
        // Resolved on use: library hosts without Hangfire (tests, commands) never close surveys through this.
        public void SurveyClosed(long surveyId) =>
            services.GetRequiredService<IBackgroundJobClient>().Enqueue<SurveyResultsJob>(job => job.RunAsync(surveyId, CancellationToken.None));
    }
}
