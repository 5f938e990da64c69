using System.Globalization;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Comments;
using MYK10.Participation.Time;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Ideen;

/// <summary>What the comment forms on ideas and on measures check before a comment goes to its service.</summary>
public static class CommentGate
{
    /// <summary>
    /// Why the participant's comment cannot be sent now, at the comment field; null when it can. The text is checked
    /// before the limit, so a comment sent back for its text does not count against the comments per hour.
    /// </summary>
    public static async Task<string?> ProblemAsync(RateLimits limits, IStringLocalizer<IdeasResource> text, long participantId, string? comment)
    {
        if (CommentText.Body(comment) is null)
        {
            return text[CommentText.IsEmpty(comment) ? "Detail.CommentRequired" : "Detail.CommentTooLong"].Value;
        }

        var decision = await limits.TryAcquireAsync(RateLimitNames.Comment, participantId.ToString(CultureInfo.InvariantCulture));
        return decision.Allowed ? null : text["Detail.CommentTooMany", BerlinTime.Format(decision.RetryAt!.Value), decision.Limit].Value;
    }
}
