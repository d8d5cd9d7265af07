using System.Globalization;
using System.Text.Json.Nodes;

namespace RapiConformance.Server.Cluster;

/// <summary>
/// Builds a realistic cluster from (nodes, instances, seed), the same every time: groups of nodes, a network,
/// instances placed where memory and disk allow (the rest stay down), tags at every level.
/// </summary>
public static class ClusterGenerator
{
    public const string Domain = "ganeti.test";
    private const double Epoch = 1790000000;

    public static ClusterState Generate(int nodeCount, int instanceCount, int seed, ClusterDefaults defaults, TimeProvider time)
    {
        if (nodeCount < 1) throw new ArgumentOutOfRangeException(nameof(nodeCount), "at least one node");
        if (instanceCount is < 0 or > 100_000) throw new ArgumentOutOfRangeException(nameof(instanceCount));
        var rng = new Random(seed);
        var info = defaults.Info;
        var templates = new JsonArray("drbd", "plain", "diskless", "file", "sharedfile");
        info["enabled_disk_templates"] = templates.DeepClone();
        info["ipolicy"]!["disk-templates"] = templates.DeepClone();
        info["volume_group_name"] = "xenvg";
        info["vg_name"] = "xenvg";
        info["drbd_usermode_helper"] = "/bin/true";
        info["drbd_helper"] = "/bin/true";
        info["name"] = "cluster." + Domain;
        info["master"] = "node1." + Domain;
        info["tags"] = new JsonArray("env:simulated");
        var config = new ClusterConfig
        {
            Name = "cluster." + Domain,
            Uuid = Uuid(rng),
            Master = "node1." + Domain,
            Ctime = Epoch,
            Mtime = Epoch + 60,
            Serial = 3,
            Tags = ["env:simulated"],
            Parameters = info,
        };
        var cluster = new ClusterState(config, defaults, time);

        var groupCount = Math.Max(1, (nodeCount + 19) / 20);
        var groups = new List<NodeGroup>();
        for (var g = 0; g < groupCount; g++)
        {
            var group = new NodeGroup
            {
                Name = g == 0 ? "default" : $"group{g + 1}",
                Uuid = Uuid(rng),
                Ctime = Epoch + g,
                Mtime = Epoch + 100 + g,
                Serial = 2,
                Tags = g == 0 ? [] : [$"tier:{(g % 2 == 0 ? "gold" : "silver")}"],
            };
            groups.Add(group);
            cluster.Load(group);
        }

        var network = new Network
        {
            Name = "net1",
            Uuid = Uuid(rng),
            Subnet = "10.192.0.0/20",
            Gateway = "10.192.0.1",
            ExternalReservations = ["10.192.0.0", "10.192.0.1", "10.192.15.255"],
            Groups = [new NetworkLink { GroupUuid = groups[0].Uuid, Mode = "bridged", Link = "br100" }],
            Ctime = Epoch + 5,
            Mtime = Epoch + 50,
            Serial = 2,
            Tags = ["vlan:100"],
        };
        cluster.Load(network);

        var nodes = new List<Node>();
        for (var k = 1; k <= nodeCount; k++)
        {
            var memory = 65536 * (1 + rng.Next(4));
            var node = new Node
            {
                Name = $"node{k}.{Domain}",
                Uuid = Uuid(rng),
                PrimaryIp = $"10.{100 + k / 65536}.{k / 256 % 256}.{k % 256}",
                SecondaryIp = $"10.{200 + k / 65536}.{k / 256 % 256}.{k % 256}",
                GroupUuid = groups[(k - 1) / 20 % groupCount].Uuid,
                IsMaster = k == 1,
                MasterCandidate = k <= 10,
                MemoryTotal = memory,
                MemoryNode = 1024 + rng.Next(512),
                DiskTotal = 2 * 1024 * 1024 * (1 + rng.Next(2)),
                SpindlesTotal = 12,
                Cpus = 16 * (1 + rng.Next(4)),
                CpuSockets = 2,
                NdParams = [],
                Ctime = Epoch + 10 + k,
                Mtime = Epoch + 200 + k,
                Serial = 2,
                Tags = [$"rack:r{(k - 1) / 10 + 1}"],
            };
            nodes.Add(node);
            cluster.Load(node);
        }

        var memFree = nodes.ToDictionary(n => n.Name, n => n.MemoryTotal - n.MemoryNode);
        var diskFree = nodes.ToDictionary(n => n.Name, n => n.DiskTotal);
        var oses = new[] { "debootstrap+default", "debootstrap+buster", "noop+default" };
        var ip = 10;
        for (var k = 1; k <= instanceCount; k++)
        {
            var memory = 512 * (1 << rng.Next(4));
            var roll = rng.Next(10);
            var template = roll < 4 ? "drbd" : roll < 8 ? "plain" : "diskless";
            var disks = template == "diskless" ? [] : Enumerable.Range(0, 1 + rng.Next(2)).Select(_ => 1024 * (5 + rng.Next(20))).ToList();
            var primary = nodes[(k - 1) % nodes.Count];
            var groupNodes = nodes.Where(n => n.GroupUuid == primary.GroupUuid && n != primary).ToList();
            var secondary = template == "drbd" && groupNodes.Count > 0 ? groupNodes[rng.Next(groupNodes.Count)] : null;
            if (template == "drbd" && secondary is null) template = "plain";
            var usage = disks.Sum() + (template == "drbd" ? 128 * disks.Count : 0);
            if (diskFree[primary.Name] < usage || (secondary is not null && diskFree[secondary.Name] < usage))
            {
                template = "diskless";
                disks = [];
                secondary = null;
                usage = 0;
            }
            diskFree[primary.Name] -= usage;
            if (secondary is not null) diskFree[secondary.Name] -= usage;
            var up = rng.Next(10) < 8 && memFree[primary.Name] >= memory;
            if (up) memFree[primary.Name] -= memory;
            var inNetwork = primary.GroupUuid == groups[0].Uuid && rng.Next(4) == 0 && ip < 4000;
            var instance = new Instance
            {
                Name = $"inst{k}.{Domain}",
                Uuid = Uuid(rng),
                Os = oses[rng.Next(oses.Length)],
                PrimaryNode = primary.Name,
                SecondaryNodes = secondary is null ? [] : [secondary.Name],
                DiskTemplate = template,
                Disks = disks.Select(size => new Disk { Size = size, Uuid = Uuid(rng), Spindles = null }).ToList(),
                Nics =
                [
                    new Nic
                    {
                        Mac = Mac(rng),
                        Ip = inNetwork ? NetworkAddress(ip++) : null,
                        Mode = inNetwork ? "bridged" : "routed",
                        Link = inNetwork ? "br100" : "lo",
                        Uuid = Uuid(rng),
                        Network = inNetwork ? network.Uuid : null,
                    },
                ],
                BeParams = new JsonObject { ["minmem"] = memory, ["maxmem"] = memory, ["vcpus"] = 1 + rng.Next(4) },
                AdminState = up ? "up" : "down",
                Hypervisor = "fake",
                Ctime = Epoch + 1000 + k,
                Mtime = Epoch + 2000 + k,
                Serial = 1 + rng.Next(5),
                Tags = rng.Next(3) == 0 ? [$"role:{(rng.Next(2) == 0 ? "web" : "db")}"] : [],
            };
            cluster.Load(instance);
        }
        return cluster;
    }

    private static string NetworkAddress(int k) => $"10.192.{k / 256}.{k % 256}";

    public static string Uuid(Random rng)
    {
        Span<byte> b = stackalloc byte[16];
        rng.NextBytes(b);
        b[6] = (byte)((b[6] & 0x0F) | 0x40);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(b);
        return string.Create(CultureInfo.InvariantCulture, $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}");
    }

    public static string Mac(Random rng) =>
        string.Create(CultureInfo.InvariantCulture, $"aa:00:00:{rng.Next(256):x2}:{rng.Next(256):x2}:{rng.Next(256):x2}");
}
