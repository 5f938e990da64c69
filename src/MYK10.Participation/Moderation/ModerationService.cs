using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MYK10.Participation.Comments;
using MYK10.Participation.Data;
using MYK10.Participation.Hosting;
using MYK10.Participation.Ideas;
using MYK10.Participation.Mail;
using MYK10.Participation.Participants;
using MYK10.Participation.Reference;

namespace MYK10.Participation.Moderation;

/// <summary>
/// Moderation decisions. Each checks the version the moderator saw (optimistic concurrency): when another moderator
/// acted first, nothing changes and the result names who did. Each writes its audit entry and its mails in the
/// same transaction as the change.
/// </summary>
public sealed partial class ModerationService(
    IDbConnectionFactory connections,
    ReferenceStore reference,
    MailOutbox outbox,
    IOutboxSignal signal,
    TimeProvider clock,
    IOptions<SiteOptions> site)
{
    public Task<ModerationResult> PublishAsync(StaffActor actor, long ideaId, long version, string? fieldId = null, string? municipalityId = null) =>
        DecideAsync(actor, ideaId, version, idea => idea.State == IdeaStates.Published
                && (string.IsNullOrEmpty(fieldId) || idea.FieldId == fieldId)
                && (string.IsNullOrEmpty(municipalityId) || idea.MunicipalityId == municipalityId),
        async (connection, transaction, idea, now) =>
        {
            if (idea.State != IdeaStates.Pending)
            {
                return ModerationResult.Invalid("not_pending");
            }

            var field = string.IsNullOrEmpty(fieldId) ? idea.FieldId : fieldId;
            var municipality = string.IsNullOrEmpty(municipalityId) ? idea.MunicipalityId : municipalityId;
            if (!(await reference.FieldsOfActionAsync()).Any(f => f.Id == field) || !(await reference.MunicipalitiesAsync()).Any(m => m.Id == municipality))
            {
                return ModerationResult.Invalid("unknown_reference");
            }

            await connection.ExecuteAsync("""
                UPDATE ideas SET state = 'published', published_at = @Now, field_id = @Field, municipality_id = @Municipality,
                                 decided_by = @StaffId, decided_at = @Now, version = version + 1
                WHERE id = @Id AND version = @Version
                """, new { Now = now, Field = field, Municipality = municipality, StaffId = actor.Id, idea.Id, idea.Version }, transaction);
            await AuditLog.WriteAsync(connection, transaction, actor, now, "publish", "idea", idea.Id, idea.Id,
                new { state = idea.State, field = idea.FieldId, municipality = idea.MunicipalityId },
                new { state = IdeaStates.Published, field, municipality });
            await MailAuthorAsync(connection, transaction, idea, email => ModerationMails.Published(email, idea.Id, idea.Title, Link(idea.Id), site.Value.ImprintLink));
            return ModerationResult.Done;
        });

    /// <summary>Corrects title or text before publication; the original is kept and the public page notes the edit.</summary>
    public Task<ModerationResult> EditAsync(StaffActor actor, long ideaId, long version, string? title, string? body)
    {
        // Title and body are normalised once; the field and the municipality stay the idea's own.
        var text = IdeaRules.Normalise(new IdeaSubmission(title, body, null, null, null));
        return DecideAsync(actor, ideaId, version, idea => idea.Title == text.Title && idea.Body == text.Body,
            async (connection, transaction, idea, now) =>
            {
                var edited = text with { FieldId = idea.FieldId, MunicipalityId = idea.MunicipalityId };
                var errors = IdeaRules.Validate(edited, new HashSet<string> { idea.FieldId }, new HashSet<string> { idea.MunicipalityId });
                if (idea.State != IdeaStates.Pending)
                {
                    return ModerationResult.Invalid("not_pending");
                }

                if (errors.Count > 0)
                {
                    var (field, error) = errors.First();
                    return ModerationResult.Invalid($"{field}.{error}");
                }

                await connection.ExecuteAsync("""
                    UPDATE ideas SET original_title = coalesce(original_title, title), original_body = coalesce(original_body, body),
                                     title = @Title, body = @Body, edited_by_moderation = 1, version = version + 1
                    WHERE id = @Id AND version = @Version
                    """, new { edited.Title, edited.Body, idea.Id, idea.Version }, transaction);
                await AuditLog.WriteAsync(connection, transaction, actor, now, "edit", "idea", idea.Id, idea.Id,
                    new { title = idea.Title, body = idea.Body }, new { title = edited.Title, body = edited.Body });
                return ModerationResult.Done;
            });
    }

    public Task<ModerationResult> RejectAsync(StaffActor actor, long ideaId, long version, string? reason, string? note) =>
        DecideAsync(actor, ideaId, version, idea => idea.State == IdeaStates.Rejected && idea.RejectionReason == reason,
        async (connection, transaction, idea, now) =>
        {
            note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            if (idea.State != IdeaStates.Pending)
            {
                return ModerationResult.Invalid("not_pending");
            }

            if (reason is null || !RejectionReasons.All.Contains(reason))
            {
                return ModerationResult.Invalid("reason");
            }

            if (note is { Length: > 2000 })
            {
                return ModerationResult.Invalid("note");
            }

            await connection.ExecuteAsync("""
                UPDATE ideas SET state = 'rejected', rejection_reason = @Reason, rejection_note = @Note,
                                 decided_by = @StaffId, decided_at = @Now, version = version + 1
                WHERE id = @Id AND version = @Version
                """, new { Reason = reason, Note = note, StaffId = actor.Id, Now = now, idea.Id, idea.Version }, transaction);
            await AuditLog.WriteAsync(connection, transaction, actor, now, "reject", "idea", idea.Id, idea.Id,
                new { state = idea.State }, new { state = IdeaStates.Rejected, reason }, note);
            await MailAuthorAsync(connection, transaction, idea, email => ModerationMails.Rejected(email, idea.Id, idea.Title, reason, note, Link(idea.Id), site.Value.ImprintLink));
            return ModerationResult.Done;
        });

    /// <summary>
    /// Merges an idea into a published one: supporters move across (someone who supported both counts once),
    /// comments move along, the merged idea redirects to the target, both authors are told.
    /// </summary>
    public Task<ModerationResult> MergeAsync(StaffActor actor, long sourceId, long version, long targetId) =>
        DecideAsync(actor, sourceId, version, source => source.State == IdeaStates.Merged && source.MergedIntoId == targetId,
        async (connection, transaction, source, now) =>
        {
            var target = await LoadAsync(connection, transaction, targetId);
            if (target is null || target.Id == source.Id || target.State != IdeaStates.Published)
            {
                return ModerationResult.Invalid("target");
            }

            if (source.State is not (IdeaStates.Pending or IdeaStates.Published))
            {
                return ModerationResult.Invalid("not_mergeable");
            }

            await connection.ExecuteAsync("""
                INSERT INTO idea_supports (idea_id, participant_id, created_at)
                SELECT @Target, participant_id, created_at FROM idea_supports
                WHERE idea_id = @Source AND participant_id <> @TargetAuthor
                ON CONFLICT (idea_id, participant_id) DO NOTHING
                """, new { Target = target.Id, Source = source.Id, TargetAuthor = target.AuthorId }, transaction);
            await connection.ExecuteAsync("DELETE FROM idea_supports WHERE idea_id = @Source", new { Source = source.Id }, transaction);
            await connection.ExecuteAsync("UPDATE idea_comments SET idea_id = @Target WHERE idea_id = @Source", new { Target = target.Id, Source = source.Id }, transaction);
            await connection.ExecuteAsync("UPDATE reports SET idea_id = @Target WHERE idea_id = @Source AND comment_id IS NOT NULL", new { Target = target.Id, Source = source.Id }, transaction);
            // Counters are recounted from the rows, never added up, so they stay exact.
            await connection.ExecuteAsync("""
                UPDATE ideas SET supporters = (SELECT count(*) FROM idea_supports WHERE idea_id = @Target),
                                 comments = (SELECT count(*) FROM idea_comments WHERE idea_id = @Target AND state = 'visible'),
                                 version = version + 1
                WHERE id = @Target
                """, new { Target = target.Id }, transaction);
            await connection.ExecuteAsync("""
                UPDATE ideas SET state = 'merged', merged_into_id = @Target, supporters = 0, comments = 0,
                                 decided_by = @StaffId, decided_at = @Now, version = version + 1
                WHERE id = @Id AND version = @Version
                """, new { Target = target.Id, StaffId = actor.Id, Now = now, source.Id, source.Version }, transaction);
            await AuditLog.WriteAsync(connection, transaction, actor, now, "merge", "idea", source.Id, source.Id,
                new { state = source.State, supporters = source.Supporters }, new { state = IdeaStates.Merged, mergedInto = target.Id });
            await MailAuthorAsync(connection, transaction, source, email => ModerationMails.Merged(email, source.Id, source.Title, target.Title, false, Link(target.Id), site.Value.ImprintLink));
            await MailAuthorAsync(connection, transaction, target, email => ModerationMails.Merged(email, source.Id, source.Title, target.Title, true, Link(target.Id), site.Value.ImprintLink));
            return ModerationResult.Done;
        });

    /// <summary>
    /// Sets the workflow status with an official answer; the author is told, and so is every supporter who switched the
    /// mail on in their account.
    /// </summary>
    public Task<ModerationResult> AnswerAsync(StaffActor actor, long ideaId, long version, string? status, string? answer, IReadOnlyCollection<long>? measureIds = null) =>
        DecideAsync(actor, ideaId, version,
            idea => idea.AnswerStatus == status && idea.OfficialAnswer == Normalised(answer),
        async (connection, transaction, idea, now) =>
        {
            answer = Normalised(answer);
            if (idea.State != IdeaStates.Published)
            {
                return ModerationResult.Invalid("not_published");
            }

            if (status is null || !AnswerStatuses.All.Contains(status))
            {
                return ModerationResult.Invalid("status");
            }

            if (string.IsNullOrEmpty(answer) || answer.Length > 5000)
            {
                return ModerationResult.Invalid("answer");
            }

            await connection.ExecuteAsync("""
                UPDATE ideas SET answer_status = @Status, official_answer = @Answer, answered_at = @Now,
                                 decided_by = @StaffId, decided_at = @Now, version = version + 1
                WHERE id = @Id AND version = @Version
                """, new { Status = status, Answer = answer, Now = now, StaffId = actor.Id, idea.Id, idea.Version }, transaction);
            // Only an idea taken into the strategy is linked to measures; any other answer takes earlier links back.
            var adopted = status == "adopted";
            var measures = await Strategy.StrategyService.SetIdeaMeasuresAsync(connection, transaction, idea.Id, adopted ? measureIds ?? [] : [], adopted, now);
            await AuditLog.WriteAsync(connection, transaction, actor, now, "answer", "idea", idea.Id, idea.Id,
                new { status = idea.AnswerStatus, answer = idea.OfficialAnswer }, new { status, answer, measures });
            var version = idea.Version + 1;
            var link = Link(idea.Id);
            await MailAuthorAsync(connection, transaction, idea, email => ModerationMails.Answered(email, idea.Id, version, idea.Title, status, answer, measures, link, site.Value.ImprintLink));
            // The author has a mail of their own; supporters unless they switched it off, with a confirmed address.
            var supporters = await connection.QueryAsync<(long Id, string Email)>("""
                SELECT p.id, p.email
                FROM idea_supports s JOIN participants p ON p.id = s.participant_id
                WHERE s.idea_id = @Id AND p.id <> @Author AND p.supported_answer_mails = 1
                  AND p.email IS NOT NULL AND p.email_confirmed_at IS NOT NULL AND p.deleted_at IS NULL
                ORDER BY p.id
                """, new { Author = idea.AuthorId, idea.Id }, transaction);
            var settingsLink = site.Value.Link(AccountPaths.Notifications);
            await outbox.EnqueueAllAsync(connection, transaction, supporters.Select(p =>
                ModerationMails.AnsweredToSupporter(p.Email, p.Id, idea.Id, version, idea.Title, status, answer, measures, link, settingsLink, site.Value.ImprintLink)));

            return ModerationResult.Done;
        });

    /// <summary>An official answer as it is stored: Unix line breaks, no surrounding white space.</summary>
    private static string? Normalised(string? answer) => answer?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>
    /// Shows a hidden idea again, in its old place in the list (a hiding by mistake, or its reason gone); the note says
    /// why and goes into the log. Its supports and comments were kept while it was hidden.
    /// </summary>
    public Task<ModerationResult> RestoreAsync(StaffActor actor, long ideaId, long version, string? note) =>
        DecideAsync(actor, ideaId, version, idea => idea.State == IdeaStates.Published,
        async (connection, transaction, idea, now) =>
        {
            note = ReasonForLog(note);
            if (idea.State != IdeaStates.Hidden)
            {
                return ModerationResult.Invalid("not_hidden");
            }

            if (note is null)
            {
                return ModerationResult.Invalid("restore_note");
            }

            await connection.ExecuteAsync("""
                UPDATE ideas SET state = 'published', decided_by = @StaffId, decided_at = @Now, version = version + 1
                WHERE id = @Id AND version = @Version
                """, new { StaffId = actor.Id, Now = now, idea.Id, idea.Version }, transaction);
            await WriteAuditAsync(connection, transaction, actor, now, "restore_idea", ReportTarget.Idea(idea.Id), null,
                new { state = IdeaStates.Hidden }, new { state = IdeaStates.Published }, note);
            return ModerationResult.Done;
        });

    /// <summary>The reason a hiding or restoring gives for the log, trimmed; null when it is missing or longer than 1,000 characters.</summary>
    private static string? ReasonForLog(string? note) => note?.Trim() is { Length: > 0 and <= 1000 } reason ? reason : null;

    /// <param name="alreadyReached">
    /// Whether the idea already is as the action would leave it: then a stale version is not a conflict but the same
    /// decision made before (a double click, or two moderators deciding alike), and nothing is done twice.
    /// </param>
    private async Task<ModerationResult> DecideAsync(StaffActor actor, long ideaId, long version, Func<IdeaRow, bool> alreadyReached,
        Func<SqliteConnection, SqliteTransaction, IdeaRow, DateTimeOffset, Task<ModerationResult>> decide)
    {
        ModerationResult result;
        await using (var connection = await connections.OpenAsync())
        await using (var transaction = connection.BeginTransaction())
        {
            var idea = await LoadAsync(connection, transaction, ideaId);
            if (idea is null)
            {
                return ModerationResult.NotFound;
            }

            if (idea.Version != version)
            {
                return new ModerationResult(alreadyReached(idea) ? ModerationOutcome.AlreadyDone : ModerationOutcome.Conflict, idea.DecidedByEmail ?? "einer anderen Person");
            }

            result = await decide(connection, transaction, idea, clock.GetUtcNow());
            if (result.Outcome != ModerationOutcome.Done)
            {
                return result;
            }

            await transaction.CommitAsync();
        }

        signal.MailQueued();
        return result;
    }

    private async Task MailAuthorAsync(SqliteConnection connection, SqliteTransaction transaction, IdeaRow idea, Func<string, OutgoingMail> mail)
    {
        var email = await connection.ExecuteScalarAsync<string?>("SELECT email FROM participants WHERE id = @Id", new { Id = idea.AuthorId }, transaction);
        if (email is not null)
        {
            await outbox.EnqueueAsync(connection, transaction, mail(email));
        }
    }

    private static Task<IdeaRow?> LoadAsync(SqliteConnection connection, SqliteTransaction transaction, long id) =>
        connection.QuerySingleOrDefaultAsync<IdeaRow>("""
            SELECT i.id AS Id, i.author_id AS AuthorId, i.title AS Title, i.body AS Body, i.field_id AS FieldId,
                   i.municipality_id AS MunicipalityId, i.state AS State, i.answer_status AS AnswerStatus,
                   i.official_answer AS OfficialAnswer, i.rejection_reason AS RejectionReason, i.merged_into_id AS MergedIntoId,
                   i.supporters AS Supporters, i.version AS Version, s.email AS DecidedByEmail
            FROM ideas i LEFT JOIN staff s ON s.id = i.decided_by
            WHERE i.id = @Id
            """, new { Id = id }, transaction);

    private string Link(long ideaId) => site.Value.Link(IdeaPaths.Detail(ideaId));

    private sealed record IdeaRow(
        long Id, long AuthorId, string Title, string Body, string FieldId, string MunicipalityId, string State,
        string? AnswerStatus, string? OfficialAnswer, string? RejectionReason, long? MergedIntoId, long Supporters, long Version, string? DecidedByEmail);
}
