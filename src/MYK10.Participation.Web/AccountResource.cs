namespace MYK10.Participation.Web;

/// <summary>Marker for the participant account texts (Resources/AccountResource*.resx).</summary>
public sealed class AccountResource;
