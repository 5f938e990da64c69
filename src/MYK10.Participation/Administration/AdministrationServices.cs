using Microsoft.Extensions.DependencyInjection;

namespace MYK10.Participation.Administration;

public static class AdministrationServices
{
    public static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        services.AddSingleton<AdminLogStore>();
        return services;
    }
}
