namespace MYK10.Participation.Ideas;

/// <summary>The moderation states of an idea (column <c>ideas.state</c>).</summary>
public static class IdeaStates
{
    public const string Pending = "pending";
    public const string Published = "published";
    public const string Rejected = "rejected";
    public const string Merged = "merged";
    public const string Hidden = "hidden";
}

/// <summary>
/// The status the public sees and filters by: "neu" for a published idea without an official answer, otherwise
/// the answer status of the strategy workflow. The URL values are German because the URLs are.
/// </summary>
public static class PublicStatus
{
    public const string New = "neu";

    /// <summary>URL value → answer status (null for "neu").</summary>
    public static readonly IReadOnlyDictionary<string, string?> ByUrlValue = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        [New] = null,
        ["in-pruefung"] = "in_review",
        ["aufgenommen"] = "adopted",
        ["umgesetzt"] = "implemented",
        ["nicht-umsetzbar"] = "not_feasible",
    };

    public static string UrlValue(string? answerStatus) =>
        ByUrlValue.FirstOrDefault(p => p.Value == answerStatus).Key ?? New;
}
