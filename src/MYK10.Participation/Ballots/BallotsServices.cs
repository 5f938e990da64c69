using Microsoft.Extensions.DependencyInjection;
using MYK10.Participation.Digests;

namespace MYK10.Participation.Ballots;

public static class BallotsServices
{
    /// <summary>Registers prioritisation votes: store, service, tally jobs.</summary>
    public static IServiceCollection AddBallots(this IServiceCollection services)
    {
        services.AddSingleton<IDigestSection, VotesDigestSection>();
        services.AddSingleton<VoteStore>();
        services.AddSingleton<VoteService>();
        services.AddSingleton<BallotBox>();
        services.AddSingleton<BallotList>();
        services.AddTransient<VoteTallyJob>();
        services.AddTransient<VoteTallySweepJob>();
        return services;
    }
}
