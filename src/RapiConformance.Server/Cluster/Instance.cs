using System.Text.Json.Nodes;

namespace RapiConformance.Server.Cluster;

public sealed class Instance : Entity
{
    public override EntityKind Kind => EntityKind.Instance;

    public string Os { get; set; } = "debootstrap+default";

    public string PrimaryNode { get; set; } = "";

    public List<string> SecondaryNodes { get; set; } = [];

    public string DiskTemplate { get; set; } = "plain";

    public List<Disk> Disks { get; set; } = [];

    public List<Nic> Nics { get; set; } = [];

    /// <summary>Custom backend parameters (minmem, maxmem, vcpus, ...); merged with the cluster's on output.</summary>
    public JsonObject BeParams { get; set; } = [];

    public JsonObject HvParams { get; set; } = [];

    public JsonObject OsParams { get; set; } = [];

    /// <summary>up, down or offline.</summary>
    public string AdminState { get; set; } = "up";

    public string AdminStateSource { get; set; } = "admin";

    public int? NetworkPort { get; set; }

    public string Hypervisor { get; set; } = "fake";

    public bool DisksActive { get; set; } = true;

    public IEnumerable<string> AllNodes => SecondaryNodes.Prepend(PrimaryNode);

    public int DiskUsage => DiskTemplate == "diskless" ? 0 : Disks.Sum(d => d.Size) + (DiskTemplate == "drbd" ? 128 * Disks.Count : 0);
}

public sealed class Disk
{
    public int Size { get; set; }

    public string Uuid { get; set; } = "";

    public string? Name { get; set; }

    public int? Spindles { get; set; }

    public string Mode { get; set; } = "rw";
}

public sealed class Nic
{
    public string Mac { get; set; } = "";

    public string? Ip { get; set; }

    public string Mode { get; set; } = "bridged";

    public string Link { get; set; } = "br0";

    public string Uuid { get; set; } = "";

    public string? Name { get; set; }

    /// <summary>UUID of the network the NIC is connected to, if any.</summary>
    public string? Network { get; set; }

    public string Vlan { get; set; } = "";
}
