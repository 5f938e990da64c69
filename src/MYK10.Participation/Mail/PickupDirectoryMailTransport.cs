using Microsoft.Extensions.Options;
using MimeKit;

namespace MYK10.Participation.Mail;

/// <summary>Writes each message as an .eml file: the default when no SMTP host is configured.</summary>
public sealed class PickupDirectoryMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public string Directory => Path.GetFullPath(options.Value.PickupDirectory);

    public string Description => $"pickup directory {Directory}";

    public Task<IMailSession> ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Like an SMTP server that cannot be reached: the messages wait, the job does not fail on them.
            throw new MailDeliveryException(MailFailureKind.ConnectionLost, $"Pickup directory not writable: {ex.Message}", ex);
        }

        return Task.FromResult<IMailSession>(new Session(Directory));
    }

    private sealed class Session(string directory) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            // Named after the Message-ID, so a message written twice is still one file.
            var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_')) + ".eml";
            var path = Path.Combine(directory, name);
            var temporary = path + ".tmp";
            try
            {
                await message.WriteToAsync(temporary, cancellationToken);
                File.Move(temporary, path, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new MailDeliveryException(MailFailureKind.ConnectionLost, $"Pickup directory not writable: {ex.Message}", ex);
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
