namespace RapiConformance.Server.Storage;

/// <summary>One unit of durable change (a job row, entity rows, deletions), committed atomically with its batch.</summary>
public sealed class StoreWrite
{
    public List<(long Id, bool Finalized, bool Archived, string Json)> Jobs { get; } = [];

    public List<(string Uuid, string Kind, string Json)> Entities { get; } = [];

    public List<string> DeletedEntities { get; } = [];

    public List<long> ArchivedJobs { get; } = [];

    /// <summary>
    /// Runs on the store's writer thread right after the transaction holding this write has committed (before
    /// <see cref="Done"/> completes), e.g. to publish a job's end only once it is durable. Keep it short.
    /// </summary>
    public Action? Committed { get; set; }

    internal TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
