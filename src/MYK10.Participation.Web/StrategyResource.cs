namespace MYK10.Participation.Web;

/// <summary>Marker for the strategy texts (Resources/StrategyResource*.resx).</summary>
public sealed class StrategyResource;
