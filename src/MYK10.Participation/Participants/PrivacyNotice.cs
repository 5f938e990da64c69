namespace MYK10.Participation.Participants;

/// <summary>The version of the privacy notice participants accept; raise it when /datenschutz changes materially.</summary>
public static class PrivacyNotice
{
    public const string CurrentVersion = "2026-11";
}
