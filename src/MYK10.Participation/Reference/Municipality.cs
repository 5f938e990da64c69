namespace MYK10.Participation.Reference;

/// <summary>One of the ten MYK10 members, or the county itself (<see cref="CountyId"/>).</summary>
public sealed record Municipality(string Id, string Name, string ShortName, string Kind, long Position)
{
    public const string CountyId = "kreis";

    public bool IsCounty => Id == CountyId;
}
