namespace MYK10.Participation.Operations;

/// <summary>Configuration section <c>Backups</c>.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backups";

    /// <summary>Where backups go; relative paths are taken from the content root.</summary>
    public string Directory { get; set; } = "App_Data/backups";

    /// <summary>How many nightly backups to keep (older ones are deleted after a new one is written).</summary>
    public int Keep { get; set; } = 14;
}
