using Microsoft.Extensions.DependencyInjection;
using MYK10.Participation.Digests.Sections;
using MYK10.Participation.Mail;

namespace MYK10.Participation.Digests;

public static class DigestsServices
{
    /// <summary>Councils, digest rounds and the built-in sections. Other features add their sections with
    /// <c>services.AddSingleton&lt;IDigestSection, TheirSection&gt;()</c> in their own registration.</summary>
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddSingleton<IDigestSection, NewIdeasSection>();
        services.AddSingleton<IDigestSection, MostSupportedIdeasSection>();
        services.AddSingleton<IDigestSection, OfficialAnswersSection>();
        services.AddSingleton<IDigestSection, ParticipationFiguresSection>();
        services.AddSingleton<IDigestSection, ModerationBacklogSection>();
        services.AddSingleton<DigestBuilder>();
        services.AddSingleton<CouncilStore>();
        services.AddSingleton<DigestRound>();
        services.AddSingleton<DigestUnsubscribe>();
        services.AddSingleton<IMailOutcomeObserver, DigestDeliveryOutcomes>();
        services.AddTransient<DigestJob>();
        // Needs Hangfire's JobStorage and IRecurringJobManager, which the web host registers.
        services.AddTransient<DigestSchedules>();
        return services;
    }
}
