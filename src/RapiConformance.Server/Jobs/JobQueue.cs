using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using RapiConformance.Server.Cluster;
using RapiConformance.Server.Faults;
using RapiConformance.Server.Storage;

namespace RapiConformance.Server.Jobs;

/// <summary>
/// The job queue: a submission is durable (group-committed to SQLite) before its id is returned; workers run
/// jobs against the cluster, and a job's end and its changes to the cluster are committed in one transaction.
/// </summary>
public sealed class JobQueue : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, Job> _live = new();
    private readonly Channel<Job> _pending = Channel.CreateUnbounded<Job>();
    private readonly ClusterState _cluster;
    private readonly StateStore _store;
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

    public JobQueue(ClusterState cluster, StateStore store, OpExecutor executor, FaultSet faults, TimeProvider time,
        int workers, TimeSpan runTime, int keepFinalized)
    {
        _cluster = cluster;
        _store = store;
        _executor = executor;
        _resolver = new OpResolver(cluster);
        _faults = faults;
        _time = time;
        _runTime = runTime;
        _keepFinalized = keepFinalized;
        _lastId = store.MaxJobId();
        foreach (var json in store.LoadLiveJobs())
        {
            var job = Job.FromStored((JsonObject)JsonNode.Parse(json)!);
            // A job that was running when the server stopped left no change behind (its changes commit with
            // its end), so it runs again from the start.
            for (var i = 0; i < job.OpStatus.Count; i++)
            {
                if (job.OpStatus[i] is JobStatus.Waiting or JobStatus.Running) job.OpStatus[i] = JobStatus.Queued;
                if (job.OpStatus[i] is JobStatus.Canceling) job.OpStatus[i] = JobStatus.Canceled;
            }
            _live[job.Id] = job;
            if (!job.IsFinalized) _pending.Writer.TryWrite(job);
            else _finalizedOrder.Enqueue(job.Id);
        }
        for (var w = 0; w < Math.Max(1, workers); w++) _workers.Add(Task.Run(() => WorkAsync(_stop.Token)));
    }

    public long LastId => Interlocked.Read(ref _lastId);

    /// <summary>Creates a job from opcode inputs; returns its id once it is durable.</summary>
    public async Task<long> SubmitAsync(IReadOnlyList<JsonObject> ops, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref _lastId);
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
        var job = new Job(id, copies, ts);
        var write = new StoreWrite();
        write.Jobs.Add((id, false, false, job.ToStored().ToJsonString()));
        await _store.WriteAsync(write).WaitAsync(ct).ConfigureAwait(false);
        _live[id] = job;
        if (!_faults.Has(FaultIds.LostJob) || id % 5 != 0) _pending.Writer.TryWrite(job);
        return id;
    }

    public Job? Find(long id)
    {
        if (_live.TryGetValue(id, out var job)) return job;
        var json = _store.LoadJob(id);
        return json is null ? null : Job.FromStored((JsonObject)JsonNode.Parse(json)!);
    }

    /// <summary>Jobs not archived, by id.</summary>
    public IEnumerable<Job> List() => _live.Values.OrderBy(j => j.Id);

    /// <summary>DELETE /2/jobs/{id}: cancels a job that has not started running.</summary>
    public async Task<(bool Success, string Message)> CancelAsync(long id)
    {
        var job = Find(id);
        if (job is null) return (false, $"Job {id} not found");
        string? persist = null;
        (bool, string) answer;
        lock (job.Sync)
        {
            var status = job.Status;
            if (status == JobStatus.Queued)
            {
                for (var i = 0; i < job.OpStatus.Count; i++)
                {
                    if (JobStatus.IsFinalized(job.OpStatus[i])) continue;
                    job.OpStatus[i] = JobStatus.Canceled;
                    job.OpResult[i] = "Job canceled by request";
                }
                job.EndTs = Timestamp();
                job.NotifyChanged();
                persist = job.ToStored().ToJsonString();
                answer = (true, $"Job {id} canceled");
            }
            else if (status == JobStatus.Waiting)
            {
                for (var i = 0; i < job.OpStatus.Count; i++)
                    if (!JobStatus.IsFinalized(job.OpStatus[i])) job.OpStatus[i] = JobStatus.Canceling;
                job.NotifyChanged();
                answer = (true, $"Job {id} will be canceled");
            }
            else
            {
                answer = (false, $"Job {id} is no longer waiting in the queue");
            }
        }
        if (persist is not null)
        {
            var write = new StoreWrite();
            write.Jobs.Add((id, true, false, persist));
            await _store.WriteAsync(write).ConfigureAwait(false);
            Finalized(id);
        }
        return answer;
    }

    private async Task WorkAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var job in _pending.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                try
                {
                    await RunAsync(job, ct).ConfigureAwait(false);
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

    private async Task RunAsync(Job job, CancellationToken ct)
    {
        lock (job.Sync)
        {
            if (job.Status != JobStatus.Queued) return;
            for (var i = 0; i < job.OpStatus.Count; i++) job.OpStatus[i] = JobStatus.Waiting;
            job.NotifyChanged();
        }
        if (_runTime > TimeSpan.Zero) await Task.Delay(_runTime / 2, _time, ct).ConfigureAwait(false);
        lock (job.Sync)
        {
            if (job.Status == JobStatus.Canceling)
            {
                for (var i = 0; i < job.OpStatus.Count; i++)
                {
                    job.OpStatus[i] = JobStatus.Canceled;
                    job.OpResult[i] = "Job canceled by request";
                }
                job.EndTs = Timestamp();
                job.NotifyChanged();
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
            await PersistEndAsync(job, null).ConfigureAwait(false);
            return;
        }
        if (_runTime > TimeSpan.Zero) await Task.Delay(_runTime / 2, _time, ct).ConfigureAwait(false);
        if (_faults.Has(FaultIds.StuckJob) && job.Id % 4 == 0) return;

        Task durable;
        var results = new List<(string Status, JsonNode? Result)>();
        lock (_cluster.Sync)
        {
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
            var changes = _cluster.EndChanges();
            string stored;
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
                stored = snapshot.ToStored().ToJsonString();
            }
            var write = new StoreWrite();
            write.Jobs.Add((job.Id, true, false, stored));
            foreach (var e in changes.Changed) write.Entities.Add((e.Uuid, e.Kind.ToString(), EntityStore.Serialize(e)));
            foreach (var (uuid, _) in changes.Removed) write.DeletedEntities.Add(uuid);
            // Enqueued under the cluster lock, so the store sees changes in the order they were applied.
            durable = _store.WriteAsync(write);
        }
        await durable.ConfigureAwait(false);
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

    private async Task PersistEndAsync(Job job, ChangeSet? changes)
    {
        var write = new StoreWrite();
        lock (job.Sync) write.Jobs.Add((job.Id, true, false, job.ToStored().ToJsonString()));
        await _store.WriteAsync(write).ConfigureAwait(false);
        Finalized(job.Id);
    }

    /// <summary>Keeps the newest finalized jobs listed; older ones are archived (still readable by id).</summary>
    private void Finalized(long id)
    {
        _finalizedOrder.Enqueue(id);
        while (_finalizedOrder.Count > _keepFinalized && _finalizedOrder.TryDequeue(out var old))
        {
            if (!_live.TryRemove(old, out _)) continue;
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
        _pending.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_workers).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
        _stop.Dispose();
    }
}
