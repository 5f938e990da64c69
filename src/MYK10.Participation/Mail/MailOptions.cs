namespace MYK10.Participation.Mail;

/// <summary>Configuration section <c>Mail</c>.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>Sender address, for example <c>beteiligung@kvmyk.de</c>.</summary>
    public string From { get; set; } = "beteiligung@myk10.example";

    public string FromName { get; set; } = "MYK10 Bürgerbeteiligung";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Where messages are written as .eml files when no SMTP host is configured.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    /// <summary>Messages handled by one run of the outbox job.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Transient failures before a message is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 10;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "StartTls";

    public string? User { get; set; }

    public string? Password { get; set; }

    public int TimeoutSeconds { get; set; } = 30;
}
