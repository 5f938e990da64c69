namespace MYK10.Participation.Web;

/// <summary>Marker for the site's shared text resources (Resources/SharedResource*.resx).</summary>
public sealed class SharedResource;
