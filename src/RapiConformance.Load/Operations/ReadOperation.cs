using RapiConformance.Load.Engine;

namespace RapiConformance.Load.Operations;

/// <summary>
/// Reads: one fixed path (the bulk lists), or "read-mix", a seeded mix of single-item GETs,
/// plain and bulk lists and cluster info, chosen per sequence number so runs repeat exactly.
/// </summary>
public sealed class ReadOperation : LoadOperation
{
    private readonly string? _fixedPath;
    private readonly int _seed;
    private IReadOnlyList<string> _instances = [];
    private IReadOnlyList<string> _nodes = [];

    private ReadOperation(string name, string description, string? fixedPath, int seed)
    {
        Name = name;
        Description = description;
        _fixedPath = fixedPath;
        _seed = seed;
    }

    public static ReadOperation Fixed(string name, string path) => new(name, $"GET {path}", path, 0);

    public static ReadOperation Mix(int seed) => new("read-mix",
        "seeded mix: 30% GET instance, 15% GET node, 15% bulk instances, 10% bulk nodes, 10% list instances, 10% /2/info, 10% /2/jobs",
        null, seed);

    public override string Name { get; }
    public override string Description { get; }

    public override async Task PrepareAsync(RapiLoadClient client, CancellationToken ct)
    {
        if (_fixedPath is not null) return;
        _instances = await ClusterInventory.NamesAsync(client, "/2/instances", ct).ConfigureAwait(false);
        _nodes = await ClusterInventory.NamesAsync(client, "/2/nodes", ct).ConfigureAwait(false);
        if (_instances.Count == 0 || _nodes.Count == 0)
            throw new LoadSetupException("read-mix needs at least one instance and one node on the target");
    }

    public override LoadRequest Next(long sequence)
    {
        if (_fixedPath is not null) return new LoadRequest(HttpMethod.Get, _fixedPath);
        var roll = Mix64((ulong)sequence ^ ((ulong)(uint)_seed << 32));
        var pick = (int)(roll % 100);
        var index = (int)(roll >> 33); // 31 bits: never negative
        var path = pick switch
        {
            < 30 => $"/2/instances/{_instances[index % _instances.Count]}",
            < 45 => $"/2/nodes/{_nodes[index % _nodes.Count]}",
            < 60 => "/2/instances?bulk=1",
            < 70 => "/2/nodes?bulk=1",
            < 80 => "/2/instances",
            < 90 => "/2/info",
            _ => "/2/jobs",
        };
        return new LoadRequest(HttpMethod.Get, path);
    }

    // SplitMix64 finaliser: a stateless, well-spread hash of the sequence number.
    private static ulong Mix64(ulong z)
    {
        z += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
