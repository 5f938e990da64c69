using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MYK10.Participation.Mail;

/// <summary>Sends through an SMTP server with MailKit, one connection per batch.</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    private SmtpSettings Settings => options.Value.Smtp;

    public string Host => Settings.Host ?? "localhost";

    public int Port => Settings.Port;

    public string Security => Settings.Security;

    public string Description => $"SMTP {Host}:{Port} ({Security})";

    public async Task<IMailSession> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = Settings.TimeoutSeconds * 1000 };
        try
        {
            var security = Enum.Parse<SecureSocketOptions>(Settings.Security, ignoreCase: true);
            await client.ConnectAsync(Settings.Host ?? "localhost", Settings.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(Settings.User))
            {
                await client.AuthenticateAsync(Settings.User, Settings.Password ?? string.Empty, cancellationToken);
            }

            return new Session(client);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            client.Dispose();
            throw new MailDeliveryException(MailFailureKind.ConnectionLost, $"SMTP server not reachable: {ex.Message}", ex);
        }
    }

    private sealed class Session(SmtpClient client) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            try
            {
                await client.SendAsync(message, cancellationToken);
            }
            catch (SmtpCommandException ex)
            {
                // RFC 5321: 4yz is a transient negative reply, 5yz a permanent one.
                var kind = (int)ex.StatusCode >= 500 ? MailFailureKind.Permanent : MailFailureKind.Transient;
                throw new MailDeliveryException(kind, $"{(int)ex.StatusCode} {ex.Message}", ex);
            }
            catch (Exception ex) when (ex is SmtpProtocolException or ServiceNotConnectedException or IOException or System.Net.Sockets.SocketException)
            {
                throw new MailDeliveryException(MailFailureKind.ConnectionLost, $"Connection lost: {ex.Message}", ex);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException or System.Net.Sockets.SocketException)
            {
                // The messages are sent or recorded already; a failing QUIT changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
