using System.Text.Json.Nodes;

namespace RapiConformance.Server.Cluster;

/// <summary>
/// The cluster shared/ganeti-live/start.sh builds, as it stands right after seeding: one node
/// (node1.ganeti.test, master), the fake hypervisor, only the diskless template, groups <c>default</c> and
/// an empty <c>group2</c>, network <c>net1</c> (10.77.0.128/25, connected routed/lo to default) and
/// inst1..inst3 (noop+default, 128 MiB, one routed NIC on lo; inst2 on net1, inst3 not started), with the
/// seed's tags. The cluster parameters are those the live cluster reports (Data/cluster-defaults.json).
/// Identifiers, MACs and times are made from a fixed seed, so every start is the same.
/// </summary>
public static class GanetiLiveShape
{
    public const string ClusterName = "cluster." + ClusterGenerator.Domain;
    public const string NodeName = "node1." + ClusterGenerator.Domain;
    public const string OperatingSystem = "noop+default";

    // When the live cluster was seeded (its /2/info ctime, 2026-11-22); only the order of times matters.
    private const double Epoch = 1795397225.5;
    private const int UuidSeed = 30;

    public static ClusterState Build(ClusterDefaults defaults, TimeProvider time)
    {
        var rng = new Random(UuidSeed);
        var info = defaults.Info;
        // What `gnt-cluster init --enabled-hypervisors=fake --enabled-disk-templates=diskless
        // --master-netdev=lo --nic-parameters=mode=routed,link=lo` leaves (the defaults were captured there).
        info["name"] = ClusterName;
        info["master"] = NodeName;
        info["default_hypervisor"] = "fake";
        info["enabled_hypervisors"] = new JsonArray("fake");
        info["enabled_disk_templates"] = new JsonArray("diskless");
        info["ipolicy"]!["disk-templates"] = new JsonArray("diskless");
        info["volume_group_name"] = null;
        info["vg_name"] = null;
        info["drbd_usermode_helper"] = null;
        info["drbd_helper"] = null;
        info["master_netdev"] = "lo";
        info["master_netmask"] = 32;
        info["nicparams"] = new JsonObject { ["default"] = new JsonObject { ["mode"] = "routed", ["link"] = "lo", ["vlan"] = "" } };
        info["tags"] = new JsonArray("anchor", "env:test");
        var config = new ClusterConfig
        {
            Name = ClusterName,
            Uuid = ClusterGenerator.Uuid(rng),
            Master = NodeName,
            Ctime = Epoch,
            Mtime = Epoch + 12,
            Serial = 6,
            Tags = ["anchor", "env:test"],
            Parameters = info,
            OperatingSystems = [OperatingSystem],
        };
        var cluster = new ClusterState(config, defaults, time);

        // `gnt-cluster init` makes the default group with ctime 0.
        var defaultGroup = new NodeGroup { Name = "default", Uuid = ClusterGenerator.Uuid(rng), Ctime = 0, Mtime = Epoch + 13, Serial = 3 };
        var group2 = new NodeGroup
        {
            Name = "group2", Uuid = ClusterGenerator.Uuid(rng), Ctime = Epoch + 6, Mtime = Epoch + 12, Serial = 2, Tags = ["tier:gold"],
        };
        cluster.Load(defaultGroup);
        cluster.Load(group2);

        // gnt-network add --network=10.77.0.128/25 --gateway=10.77.0.129 --add-reserved-ips=10.77.0.130 net1;
        // connect --nic-parameters=mode=routed,link=lo net1 default. Ganeti reserves network and broadcast too.
        var network = new Network
        {
            Name = "net1",
            Uuid = ClusterGenerator.Uuid(rng),
            Subnet = "10.77.0.128/25",
            Gateway = "10.77.0.129",
            ExternalReservations = ["10.77.0.128", "10.77.0.129", "10.77.0.130", "10.77.0.255"],
            Groups = [new NetworkLink { GroupUuid = defaultGroup.Uuid, Mode = "routed", Link = "lo", Vlan = "" }],
            Ctime = Epoch + 7,
            Mtime = Epoch + 12,
            Serial = 3,
            Tags = ["vlan:100"],
        };
        cluster.Load(network);

        // Figures node1 reported (fake hypervisor: the host's memory and CPUs; no storage reporting).
        cluster.Load(new Node
        {
            Name = NodeName,
            Uuid = ClusterGenerator.Uuid(rng),
            PrimaryIp = "10.77.0.1",
            SecondaryIp = "10.77.0.1",
            GroupUuid = defaultGroup.Uuid,
            IsMaster = true,
            MasterCandidate = true,
            MemoryTotal = 24105,
            MemoryNode = 941,
            DiskTotal = 0,
            SpindlesTotal = 0,
            Cpus = 2,
            CpuSockets = 1,
            NdParams = [],
            Ctime = Epoch,
            Mtime = Epoch + 12,
            Serial = 2,
            Tags = ["rack:r1"],
        });

        // gnt-instance add -t diskless -o noop+default -n node1 -B memory=128M,vcpus=1 --net 0:…
        cluster.Load(Instance(rng, "inst1", 8, "10.77.0.11", null, up: true, ["role:web"]));
        cluster.Load(Instance(rng, "inst2", 9, "10.77.0.131", network.Uuid, up: true, []));
        cluster.Load(Instance(rng, "inst3", 10, "10.77.0.13", null, up: false, []));
        return cluster;
    }

    private static Instance Instance(Random rng, string shortName, int offset, string ip, string? networkUuid, bool up, List<string> tags) => new()
    {
        Name = shortName + "." + ClusterGenerator.Domain,
        Uuid = ClusterGenerator.Uuid(rng),
        Os = OperatingSystem,
        PrimaryNode = NodeName,
        SecondaryNodes = [],
        DiskTemplate = "diskless",
        Disks = [],
        Nics =
        [
            new Nic
            {
                Mac = ClusterGenerator.Mac(rng),
                Ip = ip,
                Mode = "routed",
                Link = "lo",
                Uuid = ClusterGenerator.Uuid(rng),
                Network = networkUuid,
                Vlan = "",
            },
        ],
        BeParams = new JsonObject { ["minmem"] = 128, ["maxmem"] = 128, ["vcpus"] = 1 },
        HvParams = [],
        OsParams = [],
        AdminState = up ? "up" : "down",
        Hypervisor = "fake",
        DisksActive = up,
        Ctime = Epoch + offset,
        Mtime = Epoch + offset + 0.2,
        Serial = tags.Count > 0 ? 3 : 2,
        Tags = tags,
    };
}
