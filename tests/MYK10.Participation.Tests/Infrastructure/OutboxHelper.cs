using Dapper;
using MYK10.Participation.Mail;

namespace MYK10.Participation.Tests.Infrastructure;

public static class OutboxHelper
{
    public static async Task<bool> EnqueueAsync(this TestApp app, OutgoingMail mail)
    {
        await using var connection = await app.Connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var inserted = await app.Get<MailOutbox>().EnqueueAsync(connection, transaction, mail);
        await transaction.CommitAsync();
        return inserted;
    }

    public static OutgoingMail Sample(string to = "buerger@example.org", string? dedupeKey = null) => new(
        to,
        "Erika Mustermann",
        "Ihre Idee ist eingegangen",
        "Guten Tag,\n\nvielen Dank für Ihre Idee.",
        "<p>Guten Tag,</p><p>vielen Dank für Ihre Idee.</p>",
        dedupeKey);

    public static async Task<(string Status, long Attempts, string? Error)> OutboxRowAsync(this TestApp app, string to)
    {
        await using var connection = await app.Connections.OpenAsync();
        return await connection.QuerySingleAsync<(string, long, string?)>(
            "SELECT status, attempts, last_error FROM mail_outbox WHERE to_address = @To", new { To = to });
    }
}
