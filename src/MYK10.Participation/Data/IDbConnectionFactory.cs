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

    /// <summary>
    /// Runs one read statement and hands its rows to <paramref name="read"/> (which reads them before it returns). For
    /// the short, fixed queries of pages read often: the factory may run them on a connection that keeps the statement
    /// prepared. Parameter names include their prefix (<c>@Id</c>).
    /// </summary>
    async Task<T> ReadAsync<T>(string sql, (string Name, object? Value)[] parameters, Func<SqliteDataReader, T> read, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadOnAsync(connection, sql, parameters, read, cancellationToken);
    }

    /// <summary>Runs one read statement on a connection the caller has opened.</summary>
    protected static async Task<T> ReadOnAsync<T>(SqliteConnection connection, string sql, (string Name, object? Value)[] parameters, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(read);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await using var rows = await command.ExecuteReaderAsync(cancellationToken);
        return read(rows);
    }
}
