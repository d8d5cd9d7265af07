using Microsoft.Data.Sqlite;

namespace RapiConformance.Server.Storage;

/// <summary>
/// The durable state under --state: SQLite in WAL mode. Writes go through one writer task that commits many
/// queued writes per transaction (group commit); a caller's task completes only when its write is on disk.
/// The writer runs on its own thread (not the thread pool, so it does not queue behind request handling under
/// load), and WAL checkpoints are done passively by a second thread and connection, never inline in a commit.
/// </summary>
public sealed class StateStore : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly object _gate = new();
    private readonly Queue<StoreWrite> _queue = new();
    private readonly Task _writer;
    private readonly Task _checkpointer;
    private readonly SqliteConnection _writeConnection;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _checkpointWanted = new(0);
    private bool _closed;
    private int _pagesSinceCheckpoint;
    private Exception? _failure;
    private long _pageLimit;
    private long _pageLimitApplied;

    /// <summary>WAL pages written after which the checkpoint thread is woken (besides once a second).</summary>
    private const int CheckpointPages = 4000;

    public StateStore(string directory, int maxBatch = 2048)
    {
        Directory.CreateDirectory(directory);
        Path = System.IO.Path.Combine(directory, "rapi-state.db");
        // SQLite treats a 0-byte file as a new database: the server would start a fresh cluster on a truncated
        // state file and silently lose every job. Refuse it instead.
        if (File.Exists(Path) && new FileInfo(Path).Length == 0)
            throw new InvalidDataException($"the state database {Path} is empty (0 bytes): it was truncated or not written; remove it to start a fresh cluster");
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true }.ToString();
        _writeConnection = new SqliteConnection(_connectionString);
        _writeConnection.Open();
        Execute(_writeConnection, """
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=FULL;
            PRAGMA wal_autocheckpoint=0;
            CREATE TABLE IF NOT EXISTS jobs(id INTEGER PRIMARY KEY, finalized INTEGER NOT NULL, archived INTEGER NOT NULL, json TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS entities(uuid TEXT PRIMARY KEY, kind TEXT NOT NULL, json TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            """);
        MaxBatch = maxBatch;
        _writer = Task.Factory.StartNew(WriteLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _checkpointer = Task.Factory.StartNew(CheckpointLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public string Path { get; }

    public int MaxBatch { get; }

    /// <summary>Number of transactions committed (to see group commit at work).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    private long _commits;

    /// <summary>
    /// Set after a commit failed (disk full, I/O error): every write already queued was computed on top of the
    /// failed one, so it fails too, without being tried, until <see cref="Resume"/> (after the owner has put
    /// memory back to what is on disk).
    /// </summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>Lets writes through again after a failure.</summary>
    public void Resume() => Volatile.Write(ref _failure, null);

    /// <summary>Completes (never faults) once every write queued before it has committed or failed.</summary>
    public Task Barrier()
    {
        var marker = new StoreWrite();
        try
        {
            return WriteAsync(marker).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        catch (InvalidOperationException)
        {
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// Caps the database at its current size plus <paramref name="pages"/> pages (SQLite's max_page_count), so
    /// a commit that needs more fails with SQLITE_FULL ("database or disk is full"), as on a full disk. For
    /// tests of the full-disk path; applied by the writer thread before its next batch.
    /// </summary>
    public void LimitGrowth(long pages) => Volatile.Write(ref _pageLimit, -pages - 1);

    /// <summary>
    /// Makes the writer's next commit fail with an I/O error carrying <paramref name="reason"/>, as a failing disk
    /// would (for tests of the failure path where a commit's size cannot be steered).
    /// </summary>
    public void FailNextCommit(string reason) => Volatile.Write(ref _injectedFailure, reason);

    private string? _injectedFailure;

    /// <summary>Lifts <see cref="LimitGrowth"/> (space returned).</summary>
    public void LiftGrowthLimit() => Volatile.Write(ref _pageLimit, long.MaxValue);

    public Task WriteAsync(StoreWrite write)
    {
        lock (_gate)
        {
            if (_closed) throw new InvalidOperationException("the state store is closed");
            _queue.Enqueue(write);
            if (_queue.Count == 1) Monitor.Pulse(_gate);
        }
        return write.Done.Task;
    }

    public string? GetMeta(string key)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key=$k";
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as string;
    }

    public void SetMetaNow(string key, string value)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO meta(key,value) VALUES($k,$v) ON CONFLICT(key) DO UPDATE SET value=excluded.value";
        cmd.Parameters.AddWithValue("$k", key);
        cmd.Parameters.AddWithValue("$v", value);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Writes the initial entities in one transaction (first start).</summary>
    public void SeedEntities(IEnumerable<(string Uuid, string Kind, string Json)> rows, IReadOnlyDictionary<string, string> meta)
    {
        using var c = Open();
        using var tx = c.BeginTransaction();
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT OR REPLACE INTO entities(uuid,kind,json) VALUES($u,$k,$j)";
        var u = cmd.Parameters.Add("$u", SqliteType.Text);
        var k = cmd.Parameters.Add("$k", SqliteType.Text);
        var j = cmd.Parameters.Add("$j", SqliteType.Text);
        foreach (var row in rows)
        {
            u.Value = row.Uuid;
            k.Value = row.Kind;
            j.Value = row.Json;
            cmd.ExecuteNonQuery();
        }
        using var m = c.CreateCommand();
        m.Transaction = tx;
        m.CommandText = "INSERT OR REPLACE INTO meta(key,value) VALUES($k,$v)";
        var mk = m.Parameters.Add("$k", SqliteType.Text);
        var mv = m.Parameters.Add("$v", SqliteType.Text);
        foreach (var (key, value) in meta)
        {
            mk.Value = key;
            mv.Value = value;
            m.ExecuteNonQuery();
        }
        tx.Commit();
    }

    public List<(string Kind, string Json)> LoadEntities()
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT kind, json FROM entities";
        using var r = cmd.ExecuteReader();
        var list = new List<(string, string)>();
        while (r.Read()) list.Add((r.GetString(0), r.GetString(1)));
        return list;
    }

    /// <summary>The jobs not archived, by id.</summary>
    public List<string> LoadLiveJobs()
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT json FROM jobs WHERE archived=0 ORDER BY id";
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read()) list.Add(r.GetString(0));
        return list;
    }

    public long MaxJobId()
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COALESCE(MAX(id),0) FROM jobs";
        return (long)cmd.ExecuteScalar()!;
    }

    public string? LoadJob(long id)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT json FROM jobs WHERE id=$id";
        cmd.Parameters.AddWithValue("$id", id);
        return cmd.ExecuteScalar() as string;
    }

    private SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        return c;
    }

    /// <summary>Takes the next batch (up to <see cref="MaxBatch"/> writes), blocking; false once closed and empty.</summary>
    private bool TakeBatch(List<StoreWrite> batch)
    {
        batch.Clear();
        lock (_gate)
        {
            while (_queue.Count == 0 && !_closed) Monitor.Wait(_gate);
            while (batch.Count < MaxBatch && _queue.TryDequeue(out var w)) batch.Add(w);
        }
        return batch.Count > 0;
    }

    private void WriteLoop()
    {
        var batch = new List<StoreWrite>(MaxBatch);
        using var jobCmd = Prepare("INSERT INTO jobs(id,finalized,archived,json) VALUES($a,$b,$c,$d) ON CONFLICT(id) DO UPDATE SET finalized=excluded.finalized, archived=excluded.archived, json=excluded.json", 4);
        using var entCmd = Prepare("INSERT INTO entities(uuid,kind,json) VALUES($a,$b,$c) ON CONFLICT(uuid) DO UPDATE SET kind=excluded.kind, json=excluded.json", 3);
        using var delCmd = Prepare("DELETE FROM entities WHERE uuid=$a", 1);
        using var archCmd = Prepare("UPDATE jobs SET archived=1 WHERE id=$a", 1);
        while (TakeBatch(batch))
        {
            if (Failure is { } earlier)
            {
                foreach (var w in batch) w.Done.TrySetException(new StoreFailedException("not stored: an earlier write failed", earlier));
                continue;
            }
            ApplyPageLimit();
            try
            {
                if (Interlocked.Exchange(ref _injectedFailure, null) is { } injected) throw new IOException(injected);
                using var tx = _writeConnection.BeginTransaction();
                foreach (var cmd in new[] { jobCmd, entCmd, delCmd, archCmd }) cmd.Transaction = tx;
                foreach (var w in batch)
                {
                    foreach (var (id, fin, arch, json) in w.Jobs) Run(jobCmd, id, fin ? 1 : 0, arch ? 1 : 0, json);
                    foreach (var (uuid, kind, json) in w.Entities) Run(entCmd, uuid, kind, json);
                    foreach (var uuid in w.DeletedEntities) Run(delCmd, uuid);
                    foreach (var id in w.ArchivedJobs) Run(archCmd, id);
                }
                tx.Commit();
                Interlocked.Increment(ref _commits);
            }
            catch (Exception e)
            {
                Volatile.Write(ref _failure, e);
                Console.Error.WriteLine($"rapi-conformance: could not store {batch.Count} change(s) in {Path}: {e.Message}");
                foreach (var w in batch) w.Done.TrySetException(new StoreFailedException(e.Message, e));
                continue;
            }
            foreach (var w in batch)
            {
                try
                {
                    w.Committed?.Invoke();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Console.Error.WriteLine($"rapi-conformance: after a commit: {e.Message}");
                }
                w.Done.TrySetResult();
            }
            // Rough WAL growth (a page per written row is a fair upper bound for these small rows).
            if (Interlocked.Add(ref _pagesSinceCheckpoint, batch.Count + 1) >= CheckpointPages && _checkpointWanted.CurrentCount == 0)
                _checkpointWanted.Release();
        }
    }

    private void ApplyPageLimit()
    {
        var wanted = Volatile.Read(ref _pageLimit);
        if (wanted == 0 || wanted == _pageLimitApplied) return;
        long pages = long.MaxValue;
        if (wanted < 0)
        {
            using var count = _writeConnection.CreateCommand();
            count.CommandText = "PRAGMA page_count;";
            pages = (long)count.ExecuteScalar()! + (-wanted - 1);
        }
        // SQLite caps the value at its own maximum (4294967294), so long.MaxValue lifts the limit.
        Execute(_writeConnection, $"PRAGMA max_page_count={Math.Min(pages, 4294967294L)};");
        _pageLimitApplied = wanted;
    }

    /// <summary>
    /// Checkpoints the WAL in PASSIVE mode from its own connection (once a second, or sooner when it grew), so the
    /// writer never does a checkpoint inside a commit (autocheckpoint is off on the writer connection).
    /// </summary>
    private void CheckpointLoop()
    {
        using var c = new SqliteConnection(_connectionString);
        c.Open();
        Execute(c, "PRAGMA synchronous=FULL;");
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                _checkpointWanted.Wait(TimeSpan.FromSeconds(1), _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            if (Interlocked.Exchange(ref _pagesSinceCheckpoint, 0) == 0) continue;
            try
            {
                Execute(c, "PRAGMA wal_checkpoint(PASSIVE);");
            }
            catch (SqliteException e)
            {
                Console.Error.WriteLine($"rapi-conformance: WAL checkpoint: {e.Message}");
            }
        }
    }

    private SqliteCommand Prepare(string sql, int count)
    {
        var cmd = _writeConnection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var name in new[] { "$a", "$b", "$c", "$d" }.Take(count)) cmd.Parameters.Add(new SqliteParameter { ParameterName = name });
        return cmd;
    }

    private static void Run(SqliteCommand cmd, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i];
        cmd.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _closed = true;
            Monitor.PulseAll(_gate);
        }
        await _writer.ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        await _checkpointer.ConfigureAwait(false);
        _stop.Dispose();
        _checkpointWanted.Dispose();
        await _writeConnection.DisposeAsync().ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
    }
}

/// <summary>A write the state store could not commit (the message says why: disk full, I/O error, ...).</summary>
public sealed class StoreFailedException(string message, Exception inner) : Exception(message, inner);
