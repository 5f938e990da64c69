using System.Net;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.Options;
using MYK10.Participation.Data;
using MYK10.Participation.Hosting;
using MYK10.Participation.Mail;

namespace MYK10.Participation.Participants;

/// <summary>
/// Passwordless sign-in: a link valid for 30 minutes, usable once. Only the SHA-256 hash of the token is stored; the
/// mail with the link sits in the outbox only until it is sent (the outbox blanks it then), so a copy of the database
/// does not let anyone sign in.
/// </summary>
public sealed class SignInLinkService(
    IDbConnectionFactory connections,
    MailOutbox outbox,
    IOutboxSignal signal,
    TimeProvider clock,
    IOptions<SiteOptions> site)
{
    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Creates the account if needed, stores a new token and queues the mail with the link, in one transaction.
    /// Returns the raw token (it is in the mail; callers other than tests ignore it).
    /// </summary>
    public async Task<string> RequestAsync(string email, bool staySignedIn, string? returnUrl)
    {
        const string insertToken = """
            INSERT INTO login_tokens (participant_id, token_hash, stay_signed_in, return_url, created_at, expires_at)
            VALUES (@ParticipantId, @TokenHash, @StaySignedIn, @ReturnUrl, @Now, @ExpiresAt)
            """;
        email = email.Trim();
        var token = NewToken();
        var now = clock.GetUtcNow();

        await using (var connection = await connections.OpenAsync())
        await using (var transaction = connection.BeginTransaction())
        {
            var participantId = await ParticipantStore.FindOrCreateAsync(connection, transaction, email, now);
            await connection.ExecuteAsync(insertToken, new
            {
                ParticipantId = participantId,
                TokenHash = Hash(token),
                StaySignedIn = staySignedIn,
                ReturnUrl = returnUrl,
                Now = now,
                ExpiresAt = now + Validity,
            }, transaction);
            await outbox.EnqueueAsync(connection, transaction, Mail(email, site.Value.Link($"/konto/link/{token}"), site.Value.ImprintLink));
            await transaction.CommitAsync();
        }

        signal.MailQueued();
        return token;
    }

    /// <summary>Tells what a link would give, without using it (the confirmation page shows this first).</summary>
    public async Task<SignInLinkStatus> CheckAsync(string token)
    {
        await using var connection = await connections.OpenAsync();
        var row = await FindAsync(connection, null, token);
        return Status(row, clock.GetUtcNow()) ?? SignInLinkStatus.SignedIn;
    }

    /// <summary>Uses the link: confirms the address and signs in, once.</summary>
    public async Task<SignInLinkResult> ConsumeAsync(string token)
    {
        const string markUsed = "UPDATE login_tokens SET used_at = @Now WHERE id = @Id AND used_at IS NULL";
        const string confirm = """
            UPDATE participants
            SET email_confirmed_at = coalesce(email_confirmed_at, @Now), last_sign_in_at = @Now
            WHERE id = @Id AND deleted_at IS NULL
            """;
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var row = await FindAsync(connection, transaction, token);
        if (Status(row, now) is { } refused)
        {
            return new SignInLinkResult(refused);
        }

        // Two clicks at once: the second UPDATE finds the token used and changes nothing.
        if (await connection.ExecuteAsync(markUsed, new { row!.Id, Now = now }, transaction) != 1
            || await connection.ExecuteAsync(confirm, new { Id = row.ParticipantId, Now = now }, transaction) != 1)
        {
            return new SignInLinkResult(SignInLinkStatus.AlreadyUsed);
        }

        var participant = await connection.QuerySingleAsync<Participant>(
            $"SELECT {ParticipantStore.SelectColumns} FROM participants WHERE id = @Id", new { Id = row.ParticipantId }, transaction);
        await transaction.CommitAsync();
        return new SignInLinkResult(SignInLinkStatus.SignedIn, participant, row.StaySignedIn == 1, row.ReturnUrl);
    }

    private static async Task<TokenRow?> FindAsync(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction? transaction, string token)
    {
        const string sql = """
            SELECT id AS Id, participant_id AS ParticipantId, stay_signed_in AS StaySignedIn, return_url AS ReturnUrl,
                   expires_at AS ExpiresAt, used_at AS UsedAt
            FROM login_tokens
            WHERE token_hash = @Hash
            """;
        return await connection.QuerySingleOrDefaultAsync<TokenRow>(sql, new { Hash = Hash(token) }, transaction);
    }

    private static SignInLinkStatus? Status(TokenRow? row, DateTimeOffset now) => row switch
    {
        null => SignInLinkStatus.Unknown,
        { UsedAt: not null } => SignInLinkStatus.AlreadyUsed,
        _ when row.ExpiresAt <= now => SignInLinkStatus.Expired,
        _ => null,
    };

    private static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static OutgoingMail Mail(string email, string link, string imprint)
    {
        const string reason = "Sie erhalten diese E-Mail, weil auf der Website ein Anmeldelink für Ihre Adresse angefordert wurde.";
        var text = $"""
            Guten Tag,

            mit diesem Link melden Sie sich bei der MYK10 Bürgerbeteiligung an:

            {link}

            Der Link ist 30 Minuten gültig und funktioniert nur einmal. Wenn Sie keinen Anmeldelink angefordert haben,
            können Sie diese E-Mail einfach löschen: Ohne den Link kann sich niemand mit Ihrer Adresse anmelden.

            Mit freundlichen Grüßen
            Ihr Team der MYK10 Bürgerbeteiligung
            Landkreis Mayen-Koblenz

            """ + MailFooter.Text(reason, imprint);
        var encoded = WebUtility.HtmlEncode(link);
        var html = $"""
            <!DOCTYPE html>
            <html lang="de"><head><meta charset="utf-8"><title>Ihr Anmeldelink</title></head>
            <body style="font-family: Arial, sans-serif; color: #1b1b1b; line-height: 1.5;">
            {MailHtml.Heading("Ihr Anmeldelink")}
            <p>Guten Tag,</p>
            <p>mit diesem Link melden Sie sich bei der MYK10 Bürgerbeteiligung an:</p>
            <p><a href="{encoded}" style="color: #0b4a7d; font-weight: bold;">Jetzt anmelden</a></p>
            <p>Falls der Link nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:<br>{encoded}</p>
            <p>Der Link ist 30 Minuten gültig und funktioniert nur einmal. Wenn Sie keinen Anmeldelink angefordert haben,
            können Sie diese E-Mail einfach löschen: Ohne den Link kann sich niemand mit Ihrer Adresse anmelden.</p>
            <p>Mit freundlichen Grüßen<br>Ihr Team der MYK10 Bürgerbeteiligung<br>Landkreis Mayen-Koblenz</p>
            {MailFooter.Html(reason, imprint)}
            </body></html>
            """;
        return new OutgoingMail(email, null, "Ihr Anmeldelink für die MYK10 Bürgerbeteiligung", text, html);
    }

    private sealed record TokenRow(long Id, long ParticipantId, long StaySignedIn, string? ReturnUrl, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt);
}
