namespace MYK10.Participation.Web;

/// <summary>Marker for the ideas texts (Resources/IdeasResource*.resx).</summary>
public sealed class IdeasResource;
