using Microsoft.Data.Sqlite;

namespace MYK10.Participation.Data;

/// <summary>Opens connections to the application database with the house pragmas applied.</summary>
public interface IDbConnectionFactory
{
    /// <summary>Opens a new connection; the caller disposes it (one connection per operation).</summary>
    Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a connection for a short write transaction on a busy path (supports, ballots, survey answers): writers of
    /// this process take turns while waiting asynchronously, instead of meeting at SQLite's write lock and sleeping in
    /// its busy handler. Disposing the connection ends the turn. Never open a second one while holding one.
    /// </summary>
    Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken = default) => OpenAsync(cancellationToken);
}
