namespace RapiConformance.Server.Cluster;

/// <summary>
/// The seed clusters `serve` can start with: the generated one (<c>--nodes/--instances/--seed</c>) or a copy
/// of the cluster that shared/ganeti-live/start.sh builds and seeds.
/// </summary>
public static class ClusterShape
{
    /// <summary>Groups of 20 nodes, drbd/plain/diskless instances (<see cref="ClusterGenerator"/>).</summary>
    public const string Generated = "generated";

    /// <summary>One node, fake hypervisor, diskless instances, group2, net1, tags (<see cref="GanetiLiveShape"/>).</summary>
    public const string GanetiLive = "ganeti-live";

    public static IReadOnlyList<string> All { get; } = [Generated, GanetiLive];

    public static bool IsKnown(string? shape) => shape is not null && All.Contains(shape);

    public static ClusterState Build(string shape, int nodes, int instances, int seed, ClusterDefaults defaults, TimeProvider time) => shape switch
    {
        Generated => ClusterGenerator.Generate(nodes, instances, seed, defaults, time),
        GanetiLive => GanetiLiveShape.Build(defaults, time),
        _ => throw new ArgumentException($"unknown cluster shape '{shape}' (known: {string.Join(", ", All)})", nameof(shape)),
    };
}
