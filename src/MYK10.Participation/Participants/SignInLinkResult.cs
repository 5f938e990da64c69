namespace MYK10.Participation.Participants;

public enum SignInLinkStatus
{
    SignedIn,
    Unknown,
    Expired,
    AlreadyUsed,
}

/// <summary>What following a sign-in link gave.</summary>
public sealed record SignInLinkResult(SignInLinkStatus Status, Participant? Participant = null, bool StaySignedIn = false, string? ReturnUrl = null);
