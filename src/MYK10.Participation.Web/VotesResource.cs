namespace MYK10.Participation.Web;

/// <summary>Marker for the prioritisation vote texts (Resources/VotesResource*.resx).</summary>
public sealed class VotesResource;
