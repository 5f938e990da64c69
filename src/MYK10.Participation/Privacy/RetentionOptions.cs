namespace MYK10.Participation.Privacy;

/// <summary>Configuration section <c>Retention</c>: how long the site keeps what.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Sign-ups whose address was never confirmed are deleted after this many days.</summary>
    public int UnconfirmedDays { get; set; } = 7;

    /// <summary>The delivery log (sent or failed mail, its content already blanked by the outbox) is deleted after this many days.</summary>
    public int DeliveryLogDays { get; set; } = 365;

    /// <summary>All participant accounts are deleted this many days after the end of the phase.</summary>
    public int AccountsDaysAfterPhaseEnd { get; set; } = 30;

    /// <summary>Participants get a notice this many days before their account is deleted.</summary>
    public int NoticeDaysBeforeDeletion { get; set; } = 14;
}
