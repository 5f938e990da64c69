using Microsoft.Extensions.DependencyInjection;

namespace MYK10.Participation.Strategy;

public static class StrategyServices
{
    public static IServiceCollection AddStrategy(this IServiceCollection services)
    {
        services.AddSingleton<StrategyStore>();
        services.AddSingleton<StrategyService>();
        return services;
    }
}
