using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MYK10.Participation.Moderation;

public static class ModerationServices
{
    public static IServiceCollection AddModeration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ModerationReminderOptions>().Bind(configuration.GetSection(ModerationReminderOptions.Section));
        services.AddSingleton<ModerationStore>();
        services.AddSingleton<ModerationService>();
        services.AddTransient<ModerationReminderJob>();
        return services;
    }
}
