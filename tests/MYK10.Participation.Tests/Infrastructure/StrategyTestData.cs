using Microsoft.Extensions.DependencyInjection;
using MYK10.Participation.Strategy;

namespace MYK10.Participation.Tests.Infrastructure;

/// <summary>Setup helpers for tests about measures of the strategy and their discussion, for library and web tests alike.</summary>
public static class StrategyTestData
{
    /// <summary>A measure under a new goal, open for discussion.</summary>
    public static async Task<long> MeasureAsync(this IServiceProvider services, string title = "Digitale Bürgerdienste", IReadOnlyList<string>? municipalities = null)
    {
        var service = services.GetRequiredService<StrategyService>();
        var goal = (await service.SaveGoalAsync(null, new GoalInput("digitale-souveraenitaet", "Verwaltung digital", "", 0))).Id!.Value;
        return (await service.SaveMeasureAsync(null, new MeasureInput(goal, title, "", null, null, null, MeasureStatuses.Discussion, municipalities ?? [], 0, null), null)).Id!.Value;
    }

    /// <summary>Comments on a measure as <paramref name="author"/> and gives the comment's id.</summary>
    public static async Task<long> MeasureCommentAsync(this IServiceProvider services, long author, long measure, string text)
    {
        var (outcome, id) = await services.GetRequiredService<StrategyService>().CommentAsync(author, measure, text);
        Assert.Equal(MYK10.Participation.Ideas.ContributionOutcome.Done, outcome);
        return id!.Value;
    }
}
