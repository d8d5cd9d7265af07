using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using RapiConformance.Server.Cluster;
using RapiConformance.Server.Faults;
using RapiConformance.Server.Storage;

namespace RapiConformance.Server.Jobs;

/// <summary>
/// The job queue: a submission is durable (group-committed to SQLite) before its id is returned; workers run
/// jobs against the cluster, and a job's end and its changes to the cluster are committed in one transaction.
/// Workers are dedicated threads and do not wait for a job's commit: they hand the job's end to the store's
/// group-commit writer and take the next job at once; the writer publishes the end (status, results) right after
/// the commit that records it, so a client never sees a finished status that a crash could lose.
/// </summary>
public sealed class JobQueue : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, Job> _live = new();
    private readonly BlockingCollection<Job> _pending = new(new ConcurrentQueue<Job>());
    private readonly ClusterState _cluster;
    private readonly StateStore _store;
    private readonly DurableState _durable;
    private readonly OpExecutor _executor;
    private readonly OpResolver _resolver;
    private readonly FaultSet _faults;
    private readonly TimeProvider _time;
    private readonly TimeSpan _runTime;
    private readonly int _keepFinalized;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _workers = [];
    private readonly ConcurrentQueue<long> _finalizedOrder = new();
    private long _lastId;
    private int _held;
    private volatile bool _drained;

    public JobQueue(ClusterState cluster, DurableState durable, OpExecutor executor, FaultSet faults, TimeProvider time,
        int workers, TimeSpan runTime, int keepFinalized)
    {
        _cluster = cluster;
        _durable = durable;
        _store = durable.Store;
        _executor = executor;
        _resolver = new OpResolver(cluster);
        _faults = faults;
        _time = time;
        _runTime = runTime;
        _keepFinalized = keepFinalized;
        _lastId = _store.MaxJobId();
        foreach (var json in _store.LoadLiveJobs())
        {
            var job = Job.FromStored((JsonObject)StateJson.Parse(json));
            // A job that was running when the server stopped left no change behind (its changes commit with
            // its end), so it runs again from the start.
            for (var i = 0; i < job.OpStatus.Count; i++)
            {
                if (job.OpStatus[i] is JobStatus.Waiting or JobStatus.Running) job.OpStatus[i] = JobStatus.Queued;
                if (job.OpStatus[i] is JobStatus.Canceling) job.OpStatus[i] = JobStatus.Canceled;
            }
            _live[job.Id] = job;
            _held++;
            if (!job.IsFinalized) Enqueue(job);
            else _finalizedOrder.Enqueue(job.Id);
        }
        for (var w = 0; w < Math.Max(1, workers); w++)
        {
            _workers.Add(Task.Factory.StartNew(() => Work(_stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning,
                TaskScheduler.Default));
        }
    }

    public long LastId => Interlocked.Read(ref _lastId);

    /// <summary>The drain flag (`gnt-cluster queue drain`): submissions are refused while it is set.</summary>
    public bool Drained
    {
        get => _drained;
        set => _drained = value;
    }

    /// <summary>Most jobs held (not archived) before submissions are refused; 0: no limit (Ganeti 3.0).</summary>
    public int Limit { get; init; }

    /// <summary>Jobs held (not archived), counting submissions under way.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Creates a job from opcode inputs; returns its id once it is durable.</summary>
    /// <exception cref="Http.RapiException">the queue is drained (500) or full (503); nothing is stored.</exception>
    public async Task<long> SubmitAsync(IReadOnlyList<JsonObject> ops, CancellationToken ct)
    {
        // Ganeti 3.0's luxid answers a drained queue with GenericError "Queue drained", which the RAPI does not
        // map (its JobQueueDrainError branch is never taken): 500 with that text, seen on a real cluster.
        if (_drained) throw new Http.RapiException(500, "Queue drained");
        if (Interlocked.Increment(ref _held) > Limit && Limit > 0)
        {
            Interlocked.Decrement(ref _held);
            throw new Http.RapiException(503, "Job queue is full, needs archiving");
        }
        try
        {
            return await StoreAsync(ops, ct).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Decrement(ref _held);
            throw;
        }
    }

    private async Task<long> StoreAsync(IReadOnlyList<JsonObject> ops, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref _lastId);
        var job = NewJob(id, ops);
        var write = new StoreWrite();
        write.Jobs.Add((id, false, false, job.ToStored().ToJsonString(StateJson.Options)));
        await _store.WriteAsync(write).WaitAsync(ct).ConfigureAwait(false);
        _live[id] = job;
        if (!_faults.Has(FaultIds.LostJob) || id % 5 != 0) Enqueue(job);
        return id;
    }

    /// <summary>A queued job with the opcodes' reason trails completed as Ganeti's queue does.</summary>
    private Job NewJob(long id, IReadOnlyList<JsonObject> ops)
    {
        var ts = Timestamp();
        var ns = _time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000;
        var copies = new List<JsonObject>();
        for (var i = 0; i < ops.Count; i++)
        {
            var op = (JsonObject)ops[i].DeepClone();
            var opId = op["OP_ID"]!.GetValue<string>();
            var reason = op["reason"] as JsonArray ?? [];
            reason.Add(new JsonArray("gnt:opcode:" + opId[3..].ToLowerInvariant(), $"job={id};index={i}", ns));
            op["reason"] = reason;
            copies.Add(op);
        }
        return new Job(id, copies, ts);
    }

    public Job? Find(long id)
    {
        if (_live.TryGetValue(id, out var job)) return job;
        var json = _store.LoadJob(id);
        return json is null ? null : Job.FromStored((JsonObject)StateJson.Parse(json));
    }

    /// <summary>Jobs not archived, by id.</summary>
    public IEnumerable<Job> List() => _live.Values.OrderBy(j => j.Id);

    /// <summary>DELETE /2/jobs/{id}: cancels a job that has not started running.</summary>
    /// <summary>
    /// Cancels a job as Ganeti does (queued: canceled at once; waiting: "will be canceled"). Durable first: the
    /// cancellation is stored before anyone sees it, and a cancellation that cannot be stored leaves the job as it
    /// was (it still runs) and answers false with the reason, so memory and disk always agree.
    /// </summary>
    public async Task<(bool Success, string Message)> CancelAsync(long id)
    {
        var job = Find(id);
        if (job is null) return (false, $"Job {id} not found in queue"); // real Ganeti 3.0.2's text
        Task commit;
        string previous;
        string answer;
        lock (job.Sync)
        {
            var status = job.Status;
            if (status == JobStatus.Queued)
            {
                var results = job.Ops.Select(_ => (JobStatus.Canceled, (JsonNode?)"Job canceled by request")).ToList();
                // Canceling holds the workers off (they start queued jobs only) until the end is stored.
                for (var i = 0; i < job.OpStatus.Count; i++) job.OpStatus[i] = JobStatus.Canceling;
                job.NotifyChanged();
                var write = new StoreWrite { Committed = () => Publish(job, results) };
                write.Jobs.Add((id, true, false, StoredEnd(job, results)));
                commit = _durable.CommitAsync(write);
                previous = JobStatus.Queued;
                answer = $"Job {id} canceled";
            }
            else if (status == JobStatus.Waiting)
            {
                for (var i = 0; i < job.OpStatus.Count; i++)
                    if (!JobStatus.IsFinalized(job.OpStatus[i])) job.OpStatus[i] = JobStatus.Canceling;
                job.NotifyChanged();
                // Stored as canceling, so a restart ends it canceled (see the constructor) instead of running it.
                var write = new StoreWrite();
                write.Jobs.Add((id, false, false, job.ToStored().ToJsonString(StateJson.Options)));
                // Handed to the store under the job's lock, so it always comes before the end a worker writes.
                commit = _durable.CommitAsync(write);
                previous = JobStatus.Waiting;
                answer = $"Job {id} will be canceled";
            }
            else
            {
                return (false, $"Job {id} is no longer waiting in the queue");
            }
        }
        try
        {
            await commit.ConfigureAwait(false);
            return (true, answer);
        }
        catch (StoreFailedException e)
        {
            lock (job.Sync)
            {
                // A worker took the cancellation meanwhile: it ends canceled once the store takes writes again.
                if (job.Status != JobStatus.Canceling || job.EndPending) return (true, answer);
                for (var i = 0; i < job.OpStatus.Count; i++)
                    if (job.OpStatus[i] == JobStatus.Canceling) job.OpStatus[i] = previous;
                job.NotifyChanged();
            }
            // A worker may have dropped it while it was canceling; a second entry is harmless (it runs once).
            if (previous == JobStatus.Queued) Enqueue(job);
            return (false, $"Job {id} could not be canceled: the cancellation could not be stored ({e.Message})");
        }
    }

    private void Enqueue(Job job)
    {
        try
        {
            _pending.Add(job);
        }
        catch (InvalidOperationException)
        {
            // The queue is shutting down; the job is durable and runs after the next start.
        }
    }

    /// <summary>A worker thread: runs queued jobs one after the other, blocking while the queue is empty.</summary>
    private void Work(CancellationToken ct)
    {
        try
        {
            foreach (var job in _pending.GetConsumingEnumerable(ct))
            {
                try
                {
                    Run(job, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Console.Error.WriteLine($"rapi-conformance: job {job.Id} failed in the queue: {e.Message}");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Run(Job job, CancellationToken ct)
    {
        lock (job.Sync)
        {
            if (job.Status != JobStatus.Queued) return;
            for (var i = 0; i < job.OpStatus.Count; i++) job.OpStatus[i] = JobStatus.Waiting;
            job.NotifyChanged();
        }
        if (_runTime > TimeSpan.Zero) Task.Delay(_runTime / 2, _time, ct).GetAwaiter().GetResult();
        lock (job.Sync)
        {
            if (job.Status == JobStatus.Canceling)
            {
                // Canceled once that end is stored (retried each second while the store refuses writes).
                var canceled = job.Ops.Select(_ => (JobStatus.Canceled, (JsonNode?)"Job canceled by request")).ToList();
                job.EndPending = true;
                _ = StoreEndUntilDurableAsync(job, canceled);
                return;
            }
            else
            {
                job.StartTs = Timestamp();
                job.OpStatus[0] = JobStatus.Running;
                job.NotifyChanged();
            }
        }
        if (job.IsFinalized)
        {
            PersistEnd(job);
            return;
        }
        if (_runTime > TimeSpan.Zero) Task.Delay(_runTime / 2, _time, ct).GetAwaiter().GetResult();
        if (_faults.Has(FaultIds.StuckJob) && job.Id % 4 == 0) return;

        var results = new List<(string Status, JsonNode? Result)>();
        var children = new List<Job>();
        lock (_cluster.Sync)
        {
            // Jobs an opcode submits (ResultWithJobs) are stored with this job's end and queued once it is durable.
            _executor.SubmitJob = ops =>
            {
                var child = NewJob(Interlocked.Increment(ref _lastId), ops);
                Interlocked.Increment(ref _held);
                children.Add(child);
                return child.Id;
            };
            _cluster.BeginChanges();
            var failed = false;
            for (var i = 0; i < job.Ops.Count; i++)
            {
                if (failed)
                {
                    results.Add((JobStatus.Error, new OpFailure("OpExecError", "Preceding opcode failed", null).ToResult()));
                    continue;
                }
                try
                {
                    var log = new List<string>();
                    var resolved = _resolver.Resolve(job.Ops[i]);
                    if (resolved.Count > 0) lock (job.Sync) foreach (var (key, value) in resolved) job.Ops[i][key] = value;
                    var result = _executor.Execute(job.Ops[i], job.Id, log);
                    lock (job.Sync) foreach (var m in log) job.AddLog(i, m, Timestamp());
                    results.Add((JobStatus.Success, result));
                }
                catch (OpFailure f)
                {
                    failed = true;
                    results.Add((JobStatus.Error, f.ToResult()));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A defect of the simulation must not kill the worker: the job ends as Ganeti's OpExecError.
                    failed = true;
                    results.Add((JobStatus.Error, new OpFailure("OpExecError", e.Message, null).ToResult()));
                }
            }
            _executor.SubmitJob = null;
            var changes = _cluster.EndChanges();
            var write = new StoreWrite();
            try
            {
                write.Jobs.Add((job.Id, true, false, StoredEnd(job, results)));
                foreach (var child in children) write.Jobs.Add((child.Id, false, false, child.ToStored().ToJsonString(StateJson.Options)));
                foreach (var e in changes.Changed) write.Entities.Add((e.Uuid, e.Kind.ToString(), EntityStore.Serialize(e)));
                foreach (var (uuid, _) in changes.Removed) write.DeletedEntities.Add(uuid);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
            {
                // A change the store cannot write (the body limits should make this impossible): memory goes back
                // to the disk's state and the job ends in error instead of running forever.
                _durable.RollBackNow();
                EndUnstored(job, children.Count, e.Message);
                return;
            }
            // Published by the writer thread once the batch holding this write has committed; the worker goes on.
            write.Committed = () =>
            {
                foreach (var child in children)
                {
                    _live[child.Id] = child;
                    Enqueue(child);
                }
                Publish(job, results);
            };
            // Enqueued under the cluster lock, so the store sees changes in the order they were applied. When the
            // commit fails, memory is rolled back first; then the job ends in error (stored once the disk takes it).
            _durable.CommitAsync(write).ContinueWith(t => EndUnstored(job, children.Count, t.Exception!.GetBaseException().Message),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    /// <summary>The stored form of a job with its opcodes' ends.</summary>
    private string StoredEnd(Job job, List<(string Status, JsonNode? Result)> results)
    {
        lock (job.Sync)
        {
            var snapshot = Job.FromStored(job.ToStored());
            for (var i = 0; i < results.Count; i++)
            {
                snapshot.OpStatus[i] = results[i].Status;
                snapshot.OpResult[i] = results[i].Result?.DeepClone();
            }
            snapshot.StartTs = job.StartTs;
            snapshot.EndTs = Timestamp();
            return snapshot.ToStored().ToJsonString(StateJson.Options);
        }
    }

    /// <summary>
    /// A job whose result could not be stored: none of its changes stayed (memory was rolled back), the jobs it
    /// would have submitted are dropped, and it ends in error, published once that end is on disk (retried each
    /// second until the store takes writes again, so the queue carries on when space returns).
    /// </summary>
    private void EndUnstored(Job job, int droppedChildren, string reason)
    {
        Interlocked.Add(ref _held, -droppedChildren);
        var failure = new OpFailure("OpExecError", $"The job's result could not be stored ({reason}); none of its changes were applied", null);
        var results = job.Ops.Select(_ => (JobStatus.Error, (JsonNode?)failure.ToResult())).ToList();
        _ = StoreEndUntilDurableAsync(job, results);
    }

    private async Task StoreEndUntilDurableAsync(Job job, List<(string Status, JsonNode? Result)> results)
    {
        while (!_stop.IsCancellationRequested)
        {
            var write = new StoreWrite { Committed = () => Publish(job, results) };
            write.Jobs.Add((job.Id, true, false, StoredEnd(job, results)));
            try
            {
                await _durable.CommitAsync(write).ConfigureAwait(false);
                return;
            }
            catch (StoreFailedException)
            {
            }
            catch (InvalidOperationException)
            {
                return; // the store is closed: the job runs again after the next start
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), _time, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
    }

    /// <summary>Makes a job's end visible (runs on the store's writer thread, after the commit that records it).</summary>
    private void Publish(Job job, List<(string Status, JsonNode? Result)> results)
    {
        lock (job.Sync)
        {
            for (var i = 0; i < results.Count; i++)
            {
                job.OpStatus[i] = results[i].Status;
                job.OpResult[i] = results[i].Result;
            }
            if (_faults.Has(FaultIds.StatusBackwards) && job.Id % 3 == 0) job.OpStatus[0] = JobStatus.Queued;
            job.EndTs = Timestamp();
            job.NotifyChanged();
        }
        Finalized(job.Id);
    }

    private void PersistEnd(Job job)
    {
        var write = new StoreWrite { Committed = () => Finalized(job.Id) };
        lock (job.Sync) write.Jobs.Add((job.Id, true, false, job.ToStored().ToJsonString(StateJson.Options)));
        ReportFailure(_store.WriteAsync(write), job.Id);
    }

    private static void ReportFailure(Task durable, long id) =>
        durable.ContinueWith(t => Console.Error.WriteLine($"rapi-conformance: job {id} could not be stored: {t.Exception?.GetBaseException().Message}"),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    /// <summary>Keeps the newest finalized jobs listed; older ones are archived (still readable by id).</summary>
    private void Finalized(long id)
    {
        _finalizedOrder.Enqueue(id);
        while (_finalizedOrder.Count > _keepFinalized && _finalizedOrder.TryDequeue(out var old))
        {
            if (!_live.TryRemove(old, out _)) continue;
            Interlocked.Decrement(ref _held);
            var write = new StoreWrite();
            write.ArchivedJobs.Add(old);
            _ = _store.WriteAsync(write);
        }
    }

    private long[] Timestamp()
    {
        var us = _time.GetUtcNow().ToUnixTimeMilliseconds() * 1000 + (_time.GetTimestamp() / 10 % 1000);
        return [us / 1_000_000, us % 1_000_000];
    }

    public async ValueTask DisposeAsync()
    {
        _pending.CompleteAdding();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_workers).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            _pending.Dispose();
        }
        catch (TimeoutException)
        {
        }
        _stop.Dispose();
    }
}
