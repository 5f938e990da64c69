namespace MYK10.Participation.Moderation;

/// <summary>The site paths of the moderation pages (<c>Pages/Moderation</c>), for links in mail.</summary>
public static class ModerationPaths
{
    public const string Queue = "/moderation";

    public const string Reports = "/moderation/meldungen";
}
