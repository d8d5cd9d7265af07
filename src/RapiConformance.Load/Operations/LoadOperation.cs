using RapiConformance.Load.Engine;

namespace RapiConformance.Load.Operations;

/// <summary>
/// One kind of load: a name for --op, a description, and the request for a given sequence number.
/// <see cref="Next"/> is a pure function of the sequence so that workers can call it concurrently
/// and two runs with the same seed send the same requests.
/// </summary>
public abstract class LoadOperation
{
    public abstract string Name { get; }
    public abstract string Description { get; }

    /// <summary>True when every request submits a job whose completion is measured too.</summary>
    public virtual bool SubmitsJobs => false;

    /// <summary>Looks up what the requests need (an instance, a node, an OS); not measured.</summary>
    public virtual Task PrepareAsync(RapiLoadClient client, CancellationToken ct) => Task.CompletedTask;

    public abstract LoadRequest Next(long sequence);

    /// <summary>
    /// Removes what the run left on the target and restores what it changed (after the run, also after
    /// Ctrl-C); returns one line saying what was done, or null when the operation changes nothing.
    /// </summary>
    public virtual Task<string?> CleanupAsync(RapiLoadClient client, CancellationToken ct) => Task.FromResult<string?>(null);
}
