using Microsoft.Extensions.DependencyInjection;

namespace MYK10.Participation.Ideas;

public static class IdeasServices
{
    public static IServiceCollection AddIdeas(this IServiceCollection services)
    {
        services.AddSingleton<IdeaStore>();
        services.AddSingleton<SimilarIdeas>();
        services.AddSingleton<IdeaService>();
        return services;
    }
}
