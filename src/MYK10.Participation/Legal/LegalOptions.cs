namespace MYK10.Participation.Legal;

/// <summary>
/// Configuration section <c>Legal</c>: the facts of the imprint, the privacy notice, the accessibility statement and the
/// record of processing that only the district can supply. Until the required ones are set, the pages show a bracketed
/// placeholder and mark themselves as a draft, and the site warns at start outside Development.
/// </summary>
public sealed class LegalOptions
{
    public const string Section = "Legal";

    /// <summary>The district administrator (Landrat) who represents the district.</summary>
    public string? Representative { get; set; }

    /// <summary>Telephone of the unit that runs the platform.</summary>
    public string? Phone { get; set; }

    /// <summary>E-mail of the unit that runs the platform: imprint, privacy notice and accessibility contact.</summary>
    public string? Email { get; set; }

    /// <summary>The person responsible for the content.</summary>
    public string? ResponsiblePerson { get; set; }

    /// <summary>VAT identification number; optional, the imprint leaves the heading out without one.</summary>
    public string? VatId { get; set; }

    /// <summary>Name and contact of the data protection officer.</summary>
    public string? DataProtectionOfficer { get; set; }

    /// <summary>The data centre or processor that runs the servers.</summary>
    public string? Hosting { get; set; }

    /// <summary>The mail server or service that sends the platform's mail.</summary>
    public string? MailService { get; set; }

    /// <summary>Optional: what a web server in front of the platform logs and for how long (the privacy notice says so).</summary>
    public string? ProxyLogging { get; set; }

    /// <summary>Encryption and off-site copies of the backups (record of processing).</summary>
    public string? BackupMeasures { get; set; }

    /// <summary>Telephone for questions about accessibility and for the easy-read page.</summary>
    public string? AccessibilityPhone { get; set; }

    /// <summary>When the accessibility statement was prepared, e.g. "1. Dezember 2026".</summary>
    public string? AccessibilityStatementDate { get; set; }

    /// <summary>When the accessibility statement was last reviewed.</summary>
    public string? AccessibilityReviewDate { get; set; }

    /// <summary>Optional: result and date of a review by an independent body.</summary>
    public string? AccessibilityIndependentReview { get; set; }

    /// <summary>When the video in German Sign Language is expected.</summary>
    public string? SignLanguageVideoDate { get; set; }

    /// <summary>E-mail and telephone of the state's enforcement and arbitration body for accessibility.</summary>
    public string? EnforcementContact { get; set; }

    /// <summary>The configured fact, or the bracketed placeholder that the page shows until it is set.</summary>
    public static string Or(string? fact, string placeholder) => string.IsNullOrWhiteSpace(fact) ? placeholder : fact.Trim();

    /// <summary>How long survey answers, participations, invitation codes and ballots are kept (the site deletes none of them by itself).</summary>
    public string? ContributionRetention { get; set; }

    /// <summary>How long the moderation log is kept (the site deletes none of its entries by itself).</summary>
    public string? ModerationLogRetention { get; set; }

    /// <summary>How long the administration log is kept (the site deletes none of its entries by itself).</summary>
    public string? AdminLogRetention { get; set; }

    /// <summary>
    /// The licence under which published contributions and results are open data (the participation rules and the
    /// <c>Link: rel="license"</c> header of the open data API name it). Germany's licence for open data of the public
    /// sector, with attribution, unless the district chooses another.
    /// </summary>
    public string OpenDataLicense { get; set; } = "Datenlizenz Deutschland – Namensnennung – Version 2.0";

    /// <summary>The licence's text on the web.</summary>
    public string OpenDataLicenseUrl { get; set; } = "https://www.govdata.de/dl-de/by-2-0";

    /// <summary>
    /// <see cref="OpenDataLicenseUrl"/> when it is an absolute web address (http or https), else null: what the rules
    /// page links and the open data API's <c>Link</c> header names.
    /// </summary>
    public Uri? OpenDataLicenseAddress() =>
        Uri.TryCreate(OpenDataLicenseUrl?.Trim(), UriKind.Absolute, out var address) && address.Scheme is "https" or "http" ? address : null;

    /// <summary>The required facts that are still empty, by their configuration keys (<c>Legal:…</c>).</summary>
    public IReadOnlyList<string> Missing() =>
        new (string Key, string? Value)[]
        {
            (nameof(Representative), Representative), (nameof(Phone), Phone), (nameof(Email), Email),
            (nameof(ResponsiblePerson), ResponsiblePerson), (nameof(DataProtectionOfficer), DataProtectionOfficer),
            (nameof(Hosting), Hosting), (nameof(MailService), MailService), (nameof(BackupMeasures), BackupMeasures),
            (nameof(AccessibilityPhone), AccessibilityPhone), (nameof(AccessibilityStatementDate), AccessibilityStatementDate),
            (nameof(AccessibilityReviewDate), AccessibilityReviewDate), (nameof(SignLanguageVideoDate), SignLanguageVideoDate),
            (nameof(EnforcementContact), EnforcementContact), (nameof(ContributionRetention), ContributionRetention),
            (nameof(ModerationLogRetention), ModerationLogRetention), (nameof(AdminLogRetention), AdminLogRetention),
        }.Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => $"{Section}:{f.Key}").ToList();
}
