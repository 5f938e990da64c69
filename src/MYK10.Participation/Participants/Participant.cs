namespace MYK10.Participation.Participants;

/// <summary>A citizen's account as the site shows it to its owner.</summary>
public sealed record Participant(
    long Id,
    string? Email,
    string? DisplayName,
    string? MunicipalityId,
    DateTimeOffset? EmailConfirmedAt,
    string? PrivacyVersion,
    DateTimeOffset CreatedAt,
    long SupportedAnswerMails)
{
    public const string AnonymousName = "anonym";

    /// <summary>The name shown beside contributions.</summary>
    public string PublicName => DisplayName ?? AnonymousName;

    /// <summary>Has chosen a name (or anonymity) and accepted the current privacy notice.</summary>
    public bool ProfileComplete => PrivacyVersion == PrivacyNotice.CurrentVersion;

    /// <summary>Wants a mail when an idea they support gets its official answer (on unless switched off).</summary>
    public bool WantsSupportedAnswerMails => SupportedAnswerMails != 0;
}
