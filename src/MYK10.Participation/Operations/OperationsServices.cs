using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MYK10.Participation.Hosting;

namespace MYK10.Participation.Operations;

public static class OperationsServices
{
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<BackupOptions>().Bind(configuration.GetSection(BackupOptions.Section))
            .PostConfigure(o => o.Directory = DataPaths.ResolvePath(o.Directory, contentRoot));
        services.AddSingleton<BackupService>();
        services.AddTransient<BackupJob>();
        services.AddSingleton<RestoreService>();
        return services;
    }
}
