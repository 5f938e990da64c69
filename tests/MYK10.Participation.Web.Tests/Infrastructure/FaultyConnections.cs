using Microsoft.Data.Sqlite;
using MYK10.Participation.Data;

namespace MYK10.Participation.Web.Tests.Infrastructure;

/// <summary>The real connection factory, with a switch that makes it fail like a broken disk.</summary>
public sealed class FaultyConnections : IDbConnectionFactory
{
    public IDbConnectionFactory Inner { get; set; } = null!;

    public bool Broken { get; set; }

    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        Broken ? throw new SqliteException("disk I/O error (injected)", 10) : Inner.OpenAsync(cancellationToken);

    public Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken = default) =>
        Broken ? throw new SqliteException("disk I/O error (injected)", 10) : Inner.OpenWriterAsync(cancellationToken);
}
