using RapiConformance.Server.Cluster;

namespace RapiConformance.Server.Storage;

/// <summary>
/// Keeps memory and disk in agreement. Changes are applied in memory under the cluster lock and then handed to
/// the store; when the store cannot commit them (disk full, I/O error, a value it cannot write), memory goes back
/// to what is on disk before the caller learns of the failure, so a change that was not stored is never visible,
/// and the store takes writes again once that is done (the queue carries on when space returns).
/// </summary>
public sealed class DurableState(ClusterState cluster, StateStore store)
{
    private readonly SemaphoreSlim _rollback = new(1, 1);

    public StateStore Store => store;

    /// <summary>Rollbacks done (memory reloaded from disk after a failed write).</summary>
    public int Rollbacks => Volatile.Read(ref _rollbacks);

    private int _rollbacks;

    /// <summary>
    /// Hands a change to the store (call under the cluster lock, right after the change, so the store sees
    /// changes in the order they were applied). Faults with <see cref="StoreFailedException"/> only after memory
    /// has been rolled back to the disk's state.
    /// </summary>
    public Task CommitAsync(StoreWrite write)
    {
        return Watch(store.WriteAsync(write));
    }

    /// <summary>
    /// Called (under the cluster lock) when a change was applied in memory but its write could not even be
    /// built (a value the store cannot serialise): rolls memory back to the disk's state right away.
    /// </summary>
    public void RollBackNow()
    {
        store.Barrier().GetAwaiter().GetResult();
        Reload();
    }

    private async Task Watch(Task durable)
    {
        try
        {
            await durable.ConfigureAwait(false);
        }
        catch (StoreFailedException)
        {
            await RollBackAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task RollBackAsync()
    {
        await _rollback.WaitAsync().ConfigureAwait(false);
        try
        {
            // On a thread of its own: it holds the cluster lock while it waits for the store to settle.
            await Task.Factory.StartNew(() =>
            {
                lock (cluster.Sync)
                {
                    if (store.Failure is null) return; // an earlier rollback already put memory back
                    // Every write queued before now fails (the store is in its failed state) or had committed.
                    store.Barrier().GetAwaiter().GetResult();
                    Reload();
                    store.Resume();
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        }
        finally
        {
            _rollback.Release();
        }
    }

    private void Reload()
    {
        var (config, others) = EntityStore.LoadAll(store);
        cluster.ReplaceAll(config, others);
        Interlocked.Increment(ref _rollbacks);
        Console.Error.WriteLine("rapi-conformance: a change could not be stored; the cluster state was reloaded from disk");
    }
}
