namespace MYK10.Participation.Web;

/// <summary>Marker for the moderation texts (Resources/ModerationResource*.resx).</summary>
public sealed class ModerationResource;
