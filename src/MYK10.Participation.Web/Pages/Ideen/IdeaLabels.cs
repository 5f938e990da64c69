using Microsoft.Extensions.Localization;
using MYK10.Participation.Ideas;
using MYK10.Participation.Time;

namespace MYK10.Participation.Web.Pages.Ideen;

/// <summary>How the ideas pages name an idea's status and author.</summary>
public static class IdeaLabels
{
    public static string Status(IStringLocalizer<IdeasResource> text, string state, string? answerStatus) =>
        text[state == IdeaStates.Published ? $"Status.{answerStatus ?? PublicStatus.New}" : $"Status.{state}"];

    public static string Author(IStringLocalizer<IdeasResource> text, string? displayName, bool deleted) =>
        deleted ? text["Author.Deleted"] : displayName ?? text["Author.Anonymous"];

    /// <summary>A comment's author and time, on ideas and measures alike, shown under the comment.</summary>
    public static string CommentByline(IStringLocalizer<IdeasResource> text, string? displayName, bool deleted, DateTimeOffset createdAt) =>
        text["Detail.CommentBy", Author(text, displayName, deleted), BerlinTime.Format(createdAt)];

    /// <summary>
    /// The end of the names of a comment's link and buttons, which repeat for every comment: its place in the list
    /// (1-based: the thread, or the account's list of own comments) before its byline or time, since one person's two
    /// comments in the same minute share both.
    /// </summary>
    public static string CommentSubject(IStringLocalizer<IdeasResource> text, int position, string bylineOrTime) =>
        text["Detail.CommentSubject", position, bylineOrTime];

    /// <summary>
    /// The comment a notice stands beside, where the redirect lands (far below the page's top on a phone): after
    /// commenting the participant's newest visible comment; after reporting a comment the reported one, which the redirect
    /// names in <paramref name="reportedCommentId"/>, while it is in the thread. Null for any other notice.
    /// </summary>
    public static long? NoticeComment(string? notice, IEnumerable<long> ownVisibleCommentIds, long? reportedCommentId, IEnumerable<long> threadCommentIds) =>
        notice switch
        {
            "kommentiert" => ownVisibleCommentIds.Cast<long?>().Max(),
            "gemeldet" or "bereits-gemeldet" when reportedCommentId is { } reported && threadCommentIds.Contains(reported) => reported,
            _ => null,
        };
}
