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

    /// <summary>A comment's author and time, on ideas and measures alike: under the comment, and at the end of the names of its link and button.</summary>
    public static string CommentByline(IStringLocalizer<IdeasResource> text, string? displayName, bool deleted, DateTimeOffset createdAt) =>
        text["Detail.CommentBy", Author(text, displayName, deleted), BerlinTime.Format(createdAt)];
}
