using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MYK10.Participation.Privacy;

public static class PrivacyServices
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section));
        services.AddSingleton<PersonalDataService>();
        services.AddSingleton<PhaseStore>();
        services.AddTransient<RetentionJob>();
        services.AddPersonalDataContributor<ParticipantAccountData>();
        services.AddPersonalDataContributor<LoginTokenData>();
        services.AddPersonalDataContributor<MailOutboxData>();
        return services;
    }

    /// <summary>Adds a feature's part to the data export and to account deletion.</summary>
    public static IServiceCollection AddPersonalDataContributor<T>(this IServiceCollection services)
        where T : class, IPersonalDataContributor =>
        services.AddSingleton<IPersonalDataContributor, T>();
}
