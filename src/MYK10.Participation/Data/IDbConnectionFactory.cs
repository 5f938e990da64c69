using Microsoft.Data.Sqlite;

namespace MYK10.Participation.Data;

/// <summary>Opens connections to the application database with the house pragmas applied.</summary>
public interface IDbConnectionFactory
{
    /// <summary>Opens a new connection; the caller disposes it (one connection per operation).</summary>
    Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default);
}
