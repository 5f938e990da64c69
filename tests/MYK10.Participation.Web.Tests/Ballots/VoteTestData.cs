using MYK10.Participation.Ballots;
using MYK10.Participation.Web.Tests.Infrastructure;

namespace MYK10.Participation.Web.Tests.Ballots;

/// <summary>Open votes of each method on a test site, through the real service.</summary>
internal static class VoteTestData
{
    public static VoteDraft Draft(VoteMethod method, DateTimeOffset now) => new(
        $"Testabstimmung {method}", "Welche Maßnahmen sollen zuerst kommen?", "kreis",
        now - TimeSpan.FromHours(1), now + TimeSpan.FromDays(7), method,
        [
            new("Ladesäulen an Rathäusern", "Schnellladesäulen an fünf Rathäusern.", 60_000),
            new("Öffentliches WLAN am Rheinufer", "Freies WLAN in den Rheinanlagen.", 30_000),
            new("Hochwasser-Sensoren an der Nette", "Frühwarnung für Anwohnende.", 20_000),
        ],
        MaxChoices: method is VoteMethod.Approval or VoteMethod.Ranking ? 2 : null,
        TotalPoints: method == VoteMethod.Points ? 10 : null,
        MaxPointsPerOption: method == VoteMethod.Points ? 6 : null,
        Budget: method == VoteMethod.Budget ? 80_000 : null,
        MinBudgetSharePercent: method == VoteMethod.Budget ? 25 : null,
        Rule: method == VoteMethod.Budget ? AllocationRule.EqualShares : null);

    public static async Task<Vote> OpenVoteAsync(this SiteFactory site, VoteMethod method, Func<VoteDraft, VoteDraft>? change = null)
    {
        var service = site.Get<VoteService>();
        var draft = Draft(method, site.Get<TimeProvider>().GetUtcNow());
        var id = (await service.CreateAsync(change?.Invoke(draft) ?? draft)).Id!.Value;
        await service.PublishAsync(id);
        return (await site.Get<VoteStore>().FindAsync(id))!;
    }

    public static long OptionId(this Vote vote, int position) => vote.Options.Single(o => o.Position == position).Id;
}
