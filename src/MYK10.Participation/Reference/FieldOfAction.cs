namespace MYK10.Participation.Reference;

/// <summary>A field of action of the smart-region strategy.</summary>
public sealed record FieldOfAction(string Id, string Name, long Position);
