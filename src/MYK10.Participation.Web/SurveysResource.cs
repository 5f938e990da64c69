namespace MYK10.Participation.Web;

/// <summary>Marker for the survey texts (Resources/SurveysResource*.resx).</summary>
public sealed class SurveysResource;
