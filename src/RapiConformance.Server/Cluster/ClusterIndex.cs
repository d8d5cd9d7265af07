namespace RapiConformance.Server.Cluster;

/// <summary>Relations derived from the instances and nodes at one generation of the cluster.</summary>
public sealed class ClusterIndex
{
    private static readonly List<string> None = [];
    private readonly Dictionary<string, List<string>> _primaries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _secondaries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _groupNodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _networkInstances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _memoryUsed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _diskUsed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _spindlesUsed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ipsUsed = new(StringComparer.Ordinal);

    public ClusterIndex(ClusterState cluster, long generation)
    {
        Generation = generation;
        foreach (var i in cluster.Instances)
        {
            Add(_primaries, i.PrimaryNode, i.Name);
            foreach (var s in i.SecondaryNodes) Add(_secondaries, s, i.Name);
            if (i.AdminState == "up") Bump(_memoryUsed, i.PrimaryNode, BeInt(cluster, i, "maxmem"));
            if (i.DiskTemplate is "plain" or "drbd")
            {
                foreach (var n in i.AllNodes)
                {
                    Bump(_diskUsed, n, i.DiskUsage);
                    Bump(_spindlesUsed, n, i.Disks.Sum(d => d.Spindles ?? 1));
                }
            }
            foreach (var nic in i.Nics)
            {
                if (nic.Network is null) continue;
                if (!_networkInstances.TryGetValue(nic.Network, out var l)) _networkInstances[nic.Network] = l = [];
                if (!l.Contains(i.Name)) l.Add(i.Name);
                if (nic.Ip is not null) Bump(_ipsUsed, nic.Network, 1);
            }
        }
        foreach (var n in cluster.Nodes) Add(_groupNodes, n.GroupUuid, n.Name);
    }

    public long Generation { get; }

    public List<string> PrimaryInstances(string node) => _primaries.GetValueOrDefault(node) ?? None;

    public List<string> SecondaryInstances(string node) => _secondaries.GetValueOrDefault(node) ?? None;

    public List<string> GroupNodes(string groupUuid) => _groupNodes.GetValueOrDefault(groupUuid) ?? None;

    public List<string> NetworkInstances(string networkUuid) => _networkInstances.GetValueOrDefault(networkUuid) ?? None;

    public int MemoryUsed(string node) => _memoryUsed.GetValueOrDefault(node);

    public int DiskUsed(string node) => _diskUsed.GetValueOrDefault(node);

    public int SpindlesUsed(string node) => _spindlesUsed.GetValueOrDefault(node);

    public int IpsUsed(string network) => _ipsUsed.GetValueOrDefault(network);

    public static int BeInt(ClusterState cluster, Instance i, string key)
    {
        if (i.BeParams.TryGetPropertyValue(key, out var v) && v is not null) return (int)v.Num();
        var d = cluster.Config.Parameters["beparams"]?["default"]?[key];
        return d is null ? 0 : (int)d.Num();
    }

    private static void Add(Dictionary<string, List<string>> d, string k, string v)
    {
        if (!d.TryGetValue(k, out var l)) d[k] = l = [];
        l.Add(v);
    }

    private static void Bump(Dictionary<string, int> d, string k, int by) => d[k] = d.GetValueOrDefault(k) + by;
}
