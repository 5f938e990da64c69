using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MYK10.Participation.Legal;
using MYK10.Participation.Operations;

namespace MYK10.Participation.Privacy;

public static class TrustServices
{
    /// <summary>Privacy (export, deletion, retention), operations (backup, restore) and the legal pages' services.</summary>
    public static IServiceCollection AddTrust(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddPrivacy(configuration);
        services.AddOperations(configuration, contentRoot);
        services.AddSingleton<AccessibilityFeedbackService>();
        return services;
    }
}
