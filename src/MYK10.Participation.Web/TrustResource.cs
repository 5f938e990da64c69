namespace MYK10.Participation.Web;

/// <summary>Marker for the texts of privacy self-service, retention, security and legal pages (Resources/TrustResource*.resx).</summary>
public sealed class TrustResource;
