using Microsoft.Extensions.DependencyInjection;

namespace MYK10.Participation.Moderation;

public static class ModerationServices
{
    public static IServiceCollection AddModeration(this IServiceCollection services)
    {
        services.AddSingleton<ModerationStore>();
        services.AddSingleton<ModerationService>();
        return services;
    }
}
