using Microsoft.Data.Sqlite;

namespace MYK10.Participation.Data;

/// <summary>
/// One statement run for many rows: prepared once, only the parameter values change between rows. For writes of
/// thousands of rows in one transaction, where building a parameter set per row would cost more than the write.
/// </summary>
public sealed class PreparedCommand : IAsyncDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    private PreparedCommand(SqliteCommand command, SqliteParameter[] parameters)
    {
        _command = command;
        _parameters = parameters;
    }

    /// <param name="parameters">The parameter names in the order <see cref="ExecuteAsync"/> takes their values.</param>
    public static PreparedCommand Create(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(parameters);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var bound = parameters.Select(name => command.Parameters.Add(new SqliteParameter(name, null))).ToArray();
        return new PreparedCommand(command, bound);
    }

    /// <summary>Runs the statement with these values (null as SQL NULL), in the order of the names given to <see cref="Create"/>.</summary>
    public Task<int> ExecuteAsync(CancellationToken cancellationToken, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != _parameters.Length)
        {
            throw new ArgumentException($"Expected {_parameters.Length} values, got {values.Length}.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return _command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
