using Dapper;
using MYK10.Participation.Moderation;
using MYK10.Participation.Tests.Infrastructure;

namespace MYK10.Participation.Tests.Moderation;

/// <summary>The moderators' list of hidden comments reads the hidden ones through their own indexes, not every comment.</summary>
public sealed class HiddenCommentIndexTests
{
    [Theory]
    [InlineData(ModerationStore.HiddenCommentsList)]
    [InlineData(ModerationStore.HiddenCommentsCount)]
    public async Task HiddenComments_AreFoundThroughThePartialIndexes_WithoutScanningEveryComment(string sql)
    {
        await using var app = await TestApp.StartAsync();
        await using var connection = await app.Connections.OpenAsync();

        var plan = (await connection.QueryAsync($"EXPLAIN QUERY PLAN {sql}", new { Limit = 20, Offset = 0 })).Select(step => (string)step.detail).ToList();

        Assert.Contains(plan, step => step.Contains("idea_comments_hidden", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("measure_comments_hidden", StringComparison.Ordinal));
        // A scan of a partial index reads only hidden comments; a scan of anything else would read every comment.
        Assert.All(plan.Where(step => step.StartsWith("SCAN", StringComparison.Ordinal) && step != "SCAN CONSTANT ROW"),
            step => Assert.Contains("_hidden", step, StringComparison.Ordinal));
    }
}
