namespace RapiConformance.Load.Operations;

/// <summary>The operations --op accepts; nothing else knows their names.</summary>
public static class LoadOperationCatalog
{
    public static IReadOnlyList<LoadOperation> Create(string runId, int seed) =>
    [
        new TagOperation(runId, removeToo: false),
        new TagOperation(runId, removeToo: true),
        new InstanceLifecycleOperation(runId, createDelete: true),
        new InstanceLifecycleOperation(runId, createDelete: false),
        ReadOperation.Fixed("read-instances-bulk", "/2/instances?bulk=1"),
        ReadOperation.Fixed("read-nodes-bulk", "/2/nodes?bulk=1"),
        ReadOperation.Mix(seed),
    ];

    public static IEnumerable<string> Names => Create("x", 0).Select(o => o.Name);

    public static LoadOperation? Find(string name, string runId, int seed) =>
        Create(runId, seed).FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal));
}
