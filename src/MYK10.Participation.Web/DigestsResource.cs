namespace MYK10.Participation.Web;

/// <summary>Marker for the council digest texts (Resources/DigestsResource*.resx).</summary>
public sealed class DigestsResource;
