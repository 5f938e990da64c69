using Microsoft.Data.Sqlite;

namespace MYK10.Participation.Data;

public sealed class SqliteConnectionFactory : IDbConnectionFactory, IDisposable
{
    // WAL lets readers run beside the single writer; NORMAL is durable across process crashes in WAL mode;
    // the busy timeout makes concurrent writers queue instead of failing with SQLITE_BUSY; secure_delete overwrites
    // deleted content with zeros, so an erased address does not linger in free pages of the file.
    // cache_size: each pooled connection keeps its own page cache; 1 MiB each (instead of 2) keeps a busy server's
    // memory in bounds, and the operating system caches the file for all of them anyway.
    private const string Pragmas = """
        PRAGMA synchronous = NORMAL;
        PRAGMA cache_size = -1024;
        PRAGMA foreign_keys = ON;
        PRAGMA busy_timeout = 5000;
        PRAGMA secure_delete = ON;
        """;

    // WAL is a property of the database file: set once per factory, on its first connection.
    private const string JournalMode = "PRAGMA journal_mode = WAL;";

    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly PreparedReads _reads;

    // Pooled connections keep their SQLite handle and with it the pragmas: each handle is set up once.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> _prepared = [];
    private volatile bool _fileReady;

    /// <param name="backgroundCheckpoint">
    /// True in the web process, where <c>WalCheckpointService</c> copies the write-ahead log into the database file
    /// four times a second: requests then never pay for a checkpoint (and its fsync) at commit.
    /// </param>
    public SqliteConnectionFactory(string connectionString, bool backgroundCheckpoint = false)
    {
        // journal_size_limit: once the log has been copied, it is cut back to 64 MiB instead of keeping its largest size.
        _pragmas = backgroundCheckpoint ? Pragmas + "PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = 67108864;" : Pragmas;
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        };
        _connectionString = builder.ToString();
        DataSource = builder.DataSource;
        _reads = new PreparedReads(_connectionString, _pragmas);
    }

    /// <summary>Path of the database file.</summary>
    public string DataSource { get; }

    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        PrepareAsync(new SqliteConnection(_connectionString), cancellationToken);

    public async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken = default)
    {
        await _writer.WaitAsync(cancellationToken);
        return await PrepareAsync(new WriterConnection(_connectionString, _writer), cancellationToken);
    }

    public async Task<T> ReadAsync<T>(string sql, (string Name, object? Value)[] parameters, Func<SqliteDataReader, T> read, CancellationToken cancellationToken = default)
    {
        // Until the first connection has set the file up, reads take the ordinary way.
        var reader = _fileReady ? await _reads.TryTakeAsync(cancellationToken) : null;
        if (reader is null)
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await IDbConnectionFactory.ReadOnAsync(connection, sql, parameters, read, cancellationToken);
        }

        var healthy = false;
        try
        {
            T result;
            await using (var rows = await reader.Command(sql, parameters).ExecuteReaderAsync(cancellationToken))
            {
                result = read(rows);
            }

            healthy = true;
            return result;
        }
        finally
        {
            _reads.Return(reader, healthy);
        }
    }

    /// <summary>Closes the connections kept open for reads.</summary>
    public void Dispose() => _reads.Dispose();

    private async Task<SqliteConnection> PrepareAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            if (!_fileReady)
            {
                EnsureDirectory(DataSource);
            }

            await connection.OpenAsync(cancellationToken);
            if (_prepared.TryGetValue(connection.Handle!, out _))
            {
                return connection;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = _fileReady ? _pragmas : JournalMode + _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _prepared.TryAdd(connection.Handle!, this);
            _fileReady = true;
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection that ends its writer's turn when disposed.</summary>
    private sealed class WriterConnection(string connectionString, SemaphoreSlim turn) : SqliteConnection(connectionString)
    {
        private int _ended;

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                turn.Release();
            }
        }
    }

    public static void EnsureDirectory(string dataSource)
    {
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
