namespace MYK10.Participation.Web;

/// <summary>Marker for the texts of the admin log page (Resources/AdminLogResource*.resx).</summary>
public sealed class AdminLogResource;
