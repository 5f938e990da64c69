namespace MYK10.Participation.Digests;

/// <summary>A council that receives digests: a town or municipal council, or the Kreistag (area "kreis").</summary>
public sealed class Council
{
    public const string CountyArea = "kreis";

    /// <summary>Weekly, Monday 07:00 (Europe/Berlin); <c>Digests:DefaultCron</c> overrides it.</summary>
    public const string DefaultCron = "0 7 * * 1";

    public long Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string MunicipalityId { get; set; } = string.Empty;

    public string AreaName { get; set; } = string.Empty;

    public string Cron { get; set; } = DefaultCron;

    public long Active { get; set; }

    public long SkipEmpty { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsActive => Active == 1;

    public bool SkipsEmptyDigests => SkipEmpty == 1;

    /// <summary>Null for the county: its digest covers every municipality.</summary>
    public string? AreaId => MunicipalityId == CountyArea ? null : MunicipalityId;
}

/// <summary>What an admin enters for a council.</summary>
public sealed record CouncilInput(string Name, string MunicipalityId, string Cron, bool Active, bool SkipEmpty);

/// <summary>A council with its recipient counts, for the list page.</summary>
public sealed class CouncilListItem
{
    public long Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string AreaName { get; set; } = string.Empty;

    public string Cron { get; set; } = string.Empty;

    public long Active { get; set; }

    public long Recipients { get; set; }

    public long Receiving { get; set; }

    public DateTimeOffset? LastPeriodEnd { get; set; }
}

public sealed class CouncilRecipient
{
    public long Id { get; set; }

    public long CouncilId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public long Active { get; set; }

    public DateTimeOffset? UnsubscribedAt { get; set; }

    public long PermanentFailures { get; set; }

    public DateTimeOffset? PausedAt { get; set; }

    /// <summary>Active, not unsubscribed and not paused after failures.</summary>
    public bool Receives => Active == 1 && UnsubscribedAt is null && PausedAt is null;
}

/// <summary>A stored digest.</summary>
public sealed class StoredDigest
{
    public long Id { get; set; }

    public long CouncilId { get; set; }

    public DateTimeOffset PeriodStart { get; set; }

    public DateTimeOffset PeriodEnd { get; set; }

    public string Subject { get; set; } = string.Empty;

    public string TextBody { get; set; } = string.Empty;

    public string HtmlBody { get; set; } = string.Empty;

    public long IsEmpty { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One delivery of a digest with the outbox's view of it (status and the server's last answer).</summary>
public sealed class DigestDeliveryView
{
    public long Id { get; set; }

    public long DigestId { get; set; }

    public long RecipientId { get; set; }

    public string RecipientName { get; set; } = string.Empty;

    public string RecipientEmail { get; set; } = string.Empty;

    public long Copy { get; set; }

    public string Status { get; set; } = string.Empty;

    public string? Failure { get; set; }

    public string? OutboxStatus { get; set; }

    public string? OutboxError { get; set; }

    public long? OutboxAttempts { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? RequestedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>queued, retrying (a transient error is recorded), sent or failed.</summary>
    public string EffectiveStatus => OutboxStatus switch
    {
        "sent" => "sent",
        "failed" => "failed",
        "pending" when OutboxError is not null => "retrying",
        _ => Status,
    };

    public string? Reason => Failure ?? OutboxError;
}
