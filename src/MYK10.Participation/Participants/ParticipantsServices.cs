using Microsoft.Extensions.DependencyInjection;

namespace MYK10.Participation.Participants;

public static class ParticipantsServices
{
    public static IServiceCollection AddParticipants(this IServiceCollection services)
    {
        services.AddSingleton<ParticipantStore>();
        services.AddSingleton<SignInLinkService>();
        return services;
    }
}
