using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace MYK10.Participation.Data;

/// <summary>
/// A few connections kept open for the hot reads of the public pages, each keeping its statements prepared between
/// calls. A command on a pooled connection is parsed and planned by SQLite every time; for a lookup by key that is
/// most of its cost.
/// </summary>
/// <remarks>
/// Each connection serves one read at a time and runs every statement in its own read transaction, so it sees every
/// write committed before the statement starts, as a fresh connection would. It is opened with its own handle
/// (not pooled) and in query-only mode: it cannot write. When all are busy, <see cref="TryTakeAsync"/> says so and the
/// caller reads on a pooled connection.
/// </remarks>
/// <param name="pragmas">The connection settings every connection of the factory gets; query-only mode is added here.</param>
internal sealed class PreparedReads(string connectionString, string pragmas) : IDisposable
{
    // Two cores run at most two reads at once; a few more cover reads that wait for the disk.
    private const int MaxConnections = 4;

    // Bounds the statements a connection keeps when callers build their SQL from parts.
    private const int MaxStatements = 64;

    private readonly ConcurrentBag<Reader> _idle = [];
    private readonly string _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
    private int _opened;
    private volatile bool _disposed;

    /// <summary>An idle reader, a new one while fewer than the maximum are open, or null when all are busy.</summary>
    public async Task<Reader?> TryTakeAsync(CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            return null;
        }

        if (_idle.TryTake(out var idle))
        {
            return idle;
        }

        if (Interlocked.Increment(ref _opened) > MaxConnections)
        {
            Interlocked.Decrement(ref _opened);
            return null;
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var setUp = connection.CreateCommand();
            setUp.CommandText = pragmas + "PRAGMA query_only = ON;";
            await setUp.ExecuteNonQueryAsync(cancellationToken);
            return new Reader(connection);
        }
        catch
        {
            Interlocked.Decrement(ref _opened);
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Gives a reader back after a read; a reader whose read failed is closed instead.</summary>
    public void Return(Reader reader, bool healthy)
    {
        if (healthy && !_disposed)
        {
            _idle.Add(reader);
            return;
        }

        reader.Dispose();
        Interlocked.Decrement(ref _opened);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    /// <summary>One open connection and the statements prepared on it, by SQL text.</summary>
    internal sealed class Reader(SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        /// <summary>The prepared command for this SQL with the parameter values set.</summary>
        public SqliteCommand Command(string sql, (string Name, object? Value)[] parameters)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                if (_commands.Count >= MaxStatements)
                {
                    DisposeCommands();
                }

                command = connection.CreateCommand();
                command.CommandText = sql;
                foreach (var (name, _) in parameters)
                {
                    command.Parameters.Add(new SqliteParameter(name, null));
                }

                command.Prepare();
                _commands.Add(sql, command);
            }

            if (command.Parameters.Count != parameters.Length)
            {
                throw new ArgumentException($"The statement was prepared with {command.Parameters.Count} parameters, not {parameters.Length}.", nameof(parameters));
            }

            foreach (var (name, value) in parameters)
            {
                command.Parameters[name].Value = value ?? DBNull.Value;
            }

            return command;
        }

        public void Dispose()
        {
            DisposeCommands();
            connection.Dispose();
        }

        private void DisposeCommands()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _commands.Clear();
        }
    }
}
