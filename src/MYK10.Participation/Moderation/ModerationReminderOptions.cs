namespace MYK10.Participation.Moderation;

/// <summary>Configuration section <c>Moderation</c>.</summary>
public sealed class ModerationReminderOptions
{
    public const string Section = "Moderation";

    /// <summary>Working days 08:00 (Europe/Berlin).</summary>
    public const string DefaultCron = "0 8 * * 1-5";

    /// <summary>
    /// When moderators are reminded of ideas and reports that wait (cron, Europe/Berlin); an empty value switches the
    /// reminder off. A key that is not set keeps the default.
    /// </summary>
    public string? ReminderCron { get; set; } = DefaultCron;

    public bool Enabled => !string.IsNullOrWhiteSpace(ReminderCron);
}
