namespace MYK10.Participation.Mail;

public enum MailFailureKind
{
    /// <summary>4xx or a passing fault: try this message again later.</summary>
    Transient,

    /// <summary>5xx: the server refuses this message for good.</summary>
    Permanent,

    /// <summary>The connection broke: this message is in doubt, the rest of the batch waits for the next run.</summary>
    ConnectionLost,
}

public sealed class MailDeliveryException : Exception
{
    public MailDeliveryException(MailFailureKind kind, string message, Exception? innerException = null)
        : base(message, innerException) => Kind = kind;

    public MailDeliveryException() : this(MailFailureKind.Transient, "Mail delivery failed.")
    {
    }

    public MailDeliveryException(string message) : this(MailFailureKind.Transient, message)
    {
    }

    public MailDeliveryException(string message, Exception innerException) : this(MailFailureKind.Transient, message, innerException)
    {
    }

    public MailFailureKind Kind { get; }
}
