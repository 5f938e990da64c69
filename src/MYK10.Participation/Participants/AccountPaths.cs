namespace MYK10.Participation.Participants;

/// <summary>The site paths of a participant's account page (<c>Pages/Konto</c>), for links in mail.</summary>
public static class AccountPaths
{
    public const string Account = "/konto";

    /// <summary>The id of the account page's section with the notification setting.</summary>
    public const string NotificationsAnchor = "benachrichtigungen";

    public const string Notifications = $"{Account}#{NotificationsAnchor}";
}
