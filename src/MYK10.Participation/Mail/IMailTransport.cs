using MimeKit;

namespace MYK10.Participation.Mail;

/// <summary>Delivers messages: through SMTP, or into a pickup directory when no SMTP host is configured.</summary>
public interface IMailTransport
{
    /// <summary>Describes where mail goes, for the start-up log.</summary>
    string Description { get; }

    /// <summary>Opens one session for a batch of messages (one SMTP connection).</summary>
    /// <exception cref="MailDeliveryException">The server could not be reached (always transient).</exception>
    Task<IMailSession> ConnectAsync(CancellationToken cancellationToken);
}

/// <summary>One connection; messages are sent one after another.</summary>
public interface IMailSession : IAsyncDisposable
{
    /// <exception cref="MailDeliveryException">The message was not accepted; <see cref="MailDeliveryException.Kind"/> says whether to retry.</exception>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
