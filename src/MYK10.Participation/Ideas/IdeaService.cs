using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MYK10.Participation.Comments;
using MYK10.Participation.Data;
using MYK10.Participation.Hosting;
using MYK10.Participation.Mail;
using MYK10.Participation.Reference;

namespace MYK10.Participation.Ideas;

/// <summary>
/// What a participant writes about ideas: submissions (and their correction or withdrawal while they wait for moderation),
/// supports and comments (withdrawing and reporting: <see cref="Comments.CommentService"/>).
/// </summary>
public sealed class IdeaService(
    IDbConnectionFactory connections,
    ReferenceStore reference,
    SimilarIdeas similar,
    MailOutbox outbox,
    IOutboxSignal signal,
    TimeProvider clock,
    IOptions<SiteOptions> site,
    Privacy.PersonalDataService personalData)
{
    /// <summary>
    /// Checks the idea form without storing anything: its errors, and the published ideas most like it (at most
    /// <see cref="SimilarIdeas.Limit"/>), which the participant may rather support than submit the same again.
    /// </summary>
    public async Task<IdeaCheck> CheckAsync(IdeaSubmission input, CancellationToken cancellationToken = default)
    {
        var idea = IdeaRules.Normalise(input);
        var errors = await ValidateAsync(idea);
        var similarIdeas = errors.Count == 0
            ? await similar.FindAsync(idea.Title, idea.Body, SimilarIdeaScope.Published, cancellationToken: cancellationToken)
            : [];
        return new IdeaCheck(errors, similarIdeas);
    }

    /// <summary>Stores a new idea as pending (not public until a moderator publishes it) and mails a confirmation.</summary>
    public async Task<SubmitResult> SubmitAsync(long authorId, IdeaSubmission input)
    {
        const string insert = """
            INSERT INTO ideas (author_id, title, body, field_id, municipality_id, place, state, created_at, submission_key)
            VALUES (@AuthorId, @Title, @Body, @FieldId, @MunicipalityId, @Place, 'pending', @Now, @Key)
            ON CONFLICT (author_id, submission_key) WHERE submission_key IS NOT NULL DO NOTHING
            RETURNING id
            """;
        const string earlier = "SELECT id FROM ideas WHERE author_id = @AuthorId AND submission_key = @Key AND title = @Title AND body = @Body";
        var idea = IdeaRules.Normalise(input);
        var errors = await ValidateAsync(idea);
        if (errors.Count > 0)
        {
            return new SubmitResult(null, errors);
        }

        long id;
        await using (var connection = await connections.OpenAsync())
        await using (var transaction = connection.BeginTransaction())
        {
            var now = clock.GetUtcNow();
            (id, var stored) = await OneTimeForm.InsertAsync(connection, transaction, insert, earlier, key => new
            {
                AuthorId = authorId, idea.Title, idea.Body, idea.FieldId, idea.MunicipalityId, idea.Place, Now = now, Key = key,
            }, OneTimeForm.Key(input.FormKey));
            if (!stored)
            {
                // The same form again: the idea it stored the first time, and no second confirmation mail.
                return new SubmitResult(id, new Dictionary<IdeaField, IdeaError>());
            }

            var email = await connection.ExecuteScalarAsync<string?>(
                "SELECT email FROM participants WHERE id = @Id", new { Id = authorId }, transaction);
            if (email is not null)
            {
                await outbox.EnqueueAsync(connection, transaction, ConfirmationMail(email, id, idea.Title!));
            }

            await transaction.CommitAsync();
        }

        signal.MailQueued();
        return new SubmitResult(id, new Dictionary<IdeaField, IdeaError>());
    }

    /// <summary>
    /// The author corrects their idea while it waits for moderation, with the submission's rules. The UPDATE itself checks
    /// that the idea is still theirs, pending and at the <paramref name="version"/> they loaded, and bumps the version, so
    /// that a moderator deciding on the text as it was gets a conflict. A correction the moderation made before is
    /// superseded: the text is the author's own again (the moderation log keeps the correction).
    /// </summary>
    public async Task<PendingEditResult> EditPendingAsync(long authorId, long ideaId, long version, IdeaSubmission input)
    {
        const string update = """
            UPDATE ideas SET title = @Title, body = @Body, field_id = @FieldId, municipality_id = @MunicipalityId, place = @Place,
                             original_title = NULL, original_body = NULL, edited_by_moderation = 0,
                             author_edited_at = @Now, version = version + 1
            WHERE id = @Id AND author_id = @AuthorId AND state = 'pending' AND version = @Version
            """;
        var idea = IdeaRules.Normalise(input);
        var errors = await ValidateAsync(idea);
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        // A decision taken meanwhile is told before any error of the form: correcting those would be in vain.
        if (await RefusalAsync(connection, transaction, authorId, ideaId, version) is { } refusal)
        {
            return PendingEditResult.Of(refusal);
        }

        if (errors.Count > 0)
        {
            return new PendingEditResult(PendingChangeOutcome.Invalid, errors);
        }

        var updated = await connection.ExecuteAsync(update, new
        {
            idea.Title, idea.Body, idea.FieldId, idea.MunicipalityId, idea.Place, Now = clock.GetUtcNow(),
            Id = ideaId, AuthorId = authorId, Version = version,
        }, transaction);
        if (updated == 0)
        {
            return PendingEditResult.Of(PendingChangeOutcome.Changed);
        }

        await transaction.CommitAsync();
        return PendingEditResult.Of(PendingChangeOutcome.Done);
    }

    /// <summary>
    /// The author withdraws their idea while it waits for moderation: it was never public, so it is deleted for good, as
    /// account deletion deletes it (<see cref="NeverPublicIdeas"/>), only while it is theirs, pending and at the
    /// <paramref name="version"/> they saw.
    /// </summary>
    public async Task<PendingChangeOutcome> WithdrawPendingAsync(long authorId, long ideaId, long version)
    {
        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        if (await RefusalAsync(connection, transaction, authorId, ideaId, version) is { } refusal)
        {
            return refusal;
        }

        if (await NeverPublicIdeas.DeletePendingAsync(connection, transaction, authorId, ideaId, version, CancellationToken.None) == 0)
        {
            return PendingChangeOutcome.Changed;
        }

        // A confirmation not yet sent would tell of an idea that is gone, and holds its title; once sent, the outbox has blanked it.
        await connection.ExecuteAsync("DELETE FROM mail_outbox WHERE dedupe_key = @Key AND status = 'pending'", new { Key = SubmittedKey(ideaId) }, transaction);
        await transaction.CommitAsync();
        // What the author withdrew leaves the files at once, as with a deleted account, not at the next checkpoint.
        await personalData.CheckpointAsync();
        return PendingChangeOutcome.Done;
    }

    private static string SubmittedKey(long ideaId) => $"idea-submitted:{ideaId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Why the author may not change the idea as they saw it, or null when they may.</summary>
    private static async Task<PendingChangeOutcome?> RefusalAsync(SqliteConnection connection, SqliteTransaction transaction, long authorId, long ideaId, long version)
    {
        var idea = await connection.QuerySingleOrDefaultAsync<(long AuthorId, string State, long Version)?>(
            "SELECT author_id, state, version FROM ideas WHERE id = @Id", new { Id = ideaId }, transaction);
        return idea switch
        {
            null => PendingChangeOutcome.NotFound,
            { AuthorId: var author } when author != authorId => PendingChangeOutcome.NotFound,
            { State: not IdeaStates.Pending } => PendingChangeOutcome.Decided,
            { Version: var current } when current != version => PendingChangeOutcome.Changed,
            _ => null,
        };
    }

    private async Task<Dictionary<IdeaField, IdeaError>> ValidateAsync(IdeaSubmission normalised)
    {
        var fields = (await reference.FieldsOfActionAsync()).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var municipalities = (await reference.MunicipalitiesAsync()).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        return IdeaRules.Validate(normalised, fields, municipalities);
    }

    /// <summary>Supports or withdraws; the counter moves in the same transaction as the row, so it stays exact.</summary>
    public async Task<SupportResult> SetSupportAsync(long participantId, long ideaId, bool support)
    {
        const string insert = """
            INSERT INTO idea_supports (idea_id, participant_id, created_at) VALUES (@IdeaId, @ParticipantId, @Now)
            ON CONFLICT (idea_id, participant_id) DO NOTHING
            """;
        const string delete = "DELETE FROM idea_supports WHERE idea_id = @IdeaId AND participant_id = @ParticipantId";
        const string count = "UPDATE ideas SET supporters = supporters + @Delta WHERE id = @IdeaId RETURNING supporters";

        await using var connection = await connections.OpenWriterAsync();
        await using var transaction = connection.BeginTransaction();
        var idea = await PublishedIdeaAsync(connection, transaction, ideaId);
        if (idea is null)
        {
            return new SupportResult(SupportOutcome.NotAvailable, 0);
        }

        if (idea.Value.AuthorId == participantId)
        {
            return new SupportResult(SupportOutcome.OwnIdea, idea.Value.Supporters);
        }

        var parameters = new { IdeaId = ideaId, ParticipantId = participantId, Now = clock.GetUtcNow() };
        var changed = await connection.ExecuteAsync(support ? insert : delete, parameters, transaction) == 1;
        var supporters = changed
            ? await connection.ExecuteScalarAsync<long>(count, new { IdeaId = ideaId, Delta = support ? 1 : -1 }, transaction)
            : idea.Value.Supporters;
        await transaction.CommitAsync();
        var outcome = !changed ? SupportOutcome.Unchanged : support ? SupportOutcome.Supported : SupportOutcome.Withdrawn;
        return new SupportResult(outcome, supporters);
    }

    /// <summary>Publishes a comment at once on a published idea.</summary>
    /// <param name="formKey">The comment form's one-time key: the same form sent twice stores one comment (<c>sql/0077</c>).</param>
    public async Task<(ContributionOutcome Outcome, long? CommentId)> CommentAsync(long participantId, long ideaId, string? text, string? formKey = null)
    {
        if (CommentText.Body(text) is not { } body)
        {
            return (ContributionOutcome.Invalid, null);
        }

        await using var connection = await connections.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        if (await PublishedIdeaAsync(connection, transaction, ideaId) is null)
        {
            return (ContributionOutcome.NotAvailable, null);
        }

        var (id, stored) = await CommentRows.InsertAsync(connection, transaction, CommentThread.Idea, ideaId, participantId, body, clock.GetUtcNow(), formKey);
        if (!stored)
        {
            // The same form again: the comment it stored the first time, counted once.
            return (ContributionOutcome.Done, id);
        }

        await connection.ExecuteAsync("UPDATE ideas SET comments = comments + 1 WHERE id = @IdeaId", new { IdeaId = ideaId }, transaction);
        await transaction.CommitAsync();
        return (ContributionOutcome.Done, id);
    }

    private static async Task<(long AuthorId, long Supporters)?> PublishedIdeaAsync(SqliteConnection connection, SqliteTransaction transaction, long ideaId) =>
        await connection.QuerySingleOrDefaultAsync<(long, long)?>(
            "SELECT author_id, supporters FROM ideas WHERE id = @Id AND state = 'published'", new { Id = ideaId }, transaction);

    private OutgoingMail ConfirmationMail(string email, long ideaId, string title)
    {
        const string reason = "Sie erhalten diese E-Mail, weil Sie eine Idee eingereicht haben.";
        var link = site.Value.Link(IdeaPaths.Detail(ideaId));
        var text = $"""
            Guten Tag,

            vielen Dank für Ihre Idee „{title}“. Sie ist bei uns eingegangen.

            Bevor Ideen öffentlich erscheinen, prüft sie die Moderation des Landkreises. Das dauert in der Regel
            wenige Werktage. Sie erhalten eine Nachricht, sobald Ihre Idee veröffentlicht ist. Bis dahin sehen nur Sie
            die Idee, unter „Mein Konto“ oder hier:

            {link}

            Mit freundlichen Grüßen
            Ihr Team der MYK10 Bürgerbeteiligung

            """ + MailFooter.Text(reason, site.Value.ImprintLink);
        var html = $"""
            <!DOCTYPE html>
            <html lang="de"><head><meta charset="utf-8"><title>Ihre Idee ist eingegangen</title></head>
            <body style="font-family: Arial, sans-serif; color: #1b1b1b; line-height: 1.5;">
            {MailHtml.Heading("Ihre Idee ist eingegangen")}
            <p>Guten Tag,</p>
            <p>vielen Dank für Ihre Idee „{WebUtility.HtmlEncode(title)}“. Sie ist bei uns eingegangen.</p>
            <p>Bevor Ideen öffentlich erscheinen, prüft sie die Moderation des Landkreises. Das dauert in der Regel
            wenige Werktage. Sie erhalten eine Nachricht, sobald Ihre Idee veröffentlicht ist. Bis dahin sehen nur Sie die
            Idee, unter „Mein Konto“ oder hier: <a href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(link)}</a></p>
            <p>Mit freundlichen Grüßen<br>Ihr Team der MYK10 Bürgerbeteiligung</p>
            {MailFooter.Html(reason, site.Value.ImprintLink)}
            </body></html>
            """;
        return new OutgoingMail(email, null, "Ihre Idee ist eingegangen", text, html, SubmittedKey(ideaId));
    }
}
