using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Ideas;

namespace MYK10.Participation.Privacy;

/// <summary>
/// A participant's contributions: ideas, supports, comments, reports, comments on measures, survey participations
/// and ballots. On deletion the reports (only the reporter's business) go, and so do ideas still waiting for
/// moderation: they were never public, so deletion must not leave them to be published as "gelöschte Person".
/// Public contributions stay under "gelöschte Person", and supports, participations and ballots keep counting: they
/// point to the account row, which deletion empties of every personal detail, so they no longer lead to a person.
/// </summary>
public sealed class ContributionsData : IPersonalDataContributor
{
    public IReadOnlyCollection<string> Tables { get; } =
        ["ideas", "idea_supports", "idea_comments", "reports", "measure_comments", "survey_participations", "ballots"];

    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(SqliteConnection connection, SqliteTransaction transaction, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var who = new { Id = subject.ParticipantId };
        return
        [
            await connection.SectionAsync(transaction, "ideas", """
                SELECT id, title, body, field_id AS field, municipality_id AS municipality, place, state, created_at, author_edited_at, published_at
                FROM ideas WHERE author_id = @Id ORDER BY id
                """, who, cancellationToken),
            await connection.SectionAsync(transaction, "supports", """
                SELECT s.idea_id, i.title, s.created_at FROM idea_supports s JOIN ideas i ON i.id = s.idea_id
                WHERE s.participant_id = @Id ORDER BY s.created_at
                """, who, cancellationToken),
            await connection.SectionAsync(transaction, "comments", """
                SELECT id, idea_id, body, state, created_at FROM idea_comments WHERE author_id = @Id ORDER BY id
                """, who, cancellationToken),
            await connection.SectionAsync(transaction, "reports", """
                SELECT idea_id, comment_id, measure_comment_id, reason, details, state, created_at FROM reports WHERE reporter_id = @Id ORDER BY id
                """, who, cancellationToken),
            await connection.SectionAsync(transaction, "measure_comments", """
                SELECT id, measure_id, body, state, created_at FROM measure_comments WHERE author_id = @Id ORDER BY id
                """, who, cancellationToken),
            await connection.SectionAsync(transaction, "survey_participations", """
                SELECT p.survey_id, s.title, p.participated_on FROM survey_participations p JOIN surveys s ON s.id = p.survey_id
                WHERE p.participant_id = @Id ORDER BY p.id
                """, who, cancellationToken),
            // The answers of a survey that is not anonymous are the participant's, through the participation's response.
            await connection.SectionAsync(transaction, "survey_answers", """
                SELECT s.title AS survey, q.text AS question, a.item, a.value
                FROM survey_participations p
                JOIN surveys s ON s.id = p.survey_id
                JOIN survey_answers a ON a.response_id = p.response_id
                JOIN survey_questions q ON q.id = a.question_id
                WHERE p.participant_id = @Id
                ORDER BY p.id, q.page_id, q.position, a.item
                """, who, cancellationToken),
            await connection.SectionAsync(transaction, "ballot_choices", """
                SELECT v.title AS vote, o.title AS option, c.value
                FROM ballots b
                JOIN votes v ON v.id = b.vote_id
                JOIN ballot_choices c ON c.ballot_id = b.id
                JOIN vote_options o ON o.id = c.option_id
                WHERE b.participant_id = @Id
                ORDER BY b.id, o.id
                """, who, cancellationToken),
            await connection.SectionAsync(transaction, "ballots", """
                SELECT b.vote_id, v.title, b.receipt_code, b.cast_at FROM ballots b JOIN votes v ON v.id = b.vote_id
                WHERE b.participant_id = @Id ORDER BY b.id
                """, who, cancellationToken),
        ];
    }

    public async Task EraseAsync(SqliteConnection connection, SqliteTransaction transaction, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        // Ideas that were never public go (pending and rejected ones), with what hangs on them; see NeverPublicIdeas.
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM reports WHERE reporter_id = @Id", new { Id = subject.ParticipantId }, transaction, cancellationToken: cancellationToken));
        await NeverPublicIdeas.DeleteAllOfAuthorAsync(connection, transaction, subject.ParticipantId, cancellationToken);
    }
}
