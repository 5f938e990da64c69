using Microsoft.Data.Sqlite;

namespace MYK10.Participation.Privacy;

/// <summary>
/// A feature's part of a participant's data (GDPR Art. 15, 17 and 20). Each feature that stores rows about a
/// participant implements this once and registers it with <c>services.AddPersonalDataContributor&lt;T&gt;()</c>: the
/// export then contains its rows, and account deletion erases or unlinks them. A test compares <see cref="Tables"/>
/// of all contributors with the schema, so a table that points to <c>participants</c> without a contributor fails it.
/// </summary>
public interface IPersonalDataContributor
{
    /// <summary>The tables this contributor exports and erases from.</summary>
    IReadOnlyCollection<string> Tables { get; }

    /// <summary>The subject's rows as sections of the export (read inside one snapshot).</summary>
    Task<IReadOnlyList<PersonalDataSection>> ExportAsync(SqliteConnection connection, SqliteTransaction transaction, PersonalDataSubject subject, CancellationToken cancellationToken);

    /// <summary>
    /// Erases the subject's personal data inside the deletion's transaction: delete what is only theirs, unlink what must
    /// keep counting (supports, ballots), keep public contributions under "gelöschte Person". Must be idempotent.
    /// </summary>
    Task EraseAsync(SqliteConnection connection, SqliteTransaction transaction, PersonalDataSubject subject, CancellationToken cancellationToken);
}

/// <summary>Whose data: the participant's id and, read before anything is erased, their address.</summary>
public sealed record PersonalDataSubject(long ParticipantId, string? Email);

/// <summary>
/// One part of the export: a key (JSON property, resource key <c>Data.Section.{Key}</c>) and its rows, whose column
/// aliases are the JSON names and label keys <c>Data.Column.{Key}.{column}</c> on the data page.
/// </summary>
public sealed record PersonalDataSection(string Key, IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows);

/// <summary>Everything the site stores about one participant.</summary>
public sealed record PersonalDataExport(long ParticipantId, DateTimeOffset CreatedAt, IReadOnlyList<PersonalDataSection> Sections);
