using System.Text.Json.Nodes;

namespace RapiConformance.Server.Cluster;

public sealed class Node : Entity
{
    public override EntityKind Kind => EntityKind.Node;

    public string PrimaryIp { get; set; } = "";

    public string SecondaryIp { get; set; } = "";

    public string GroupUuid { get; set; } = "";

    public bool IsMaster { get; set; }

    public bool MasterCandidate { get; set; }

    public bool Offline { get; set; }

    public bool Drained { get; set; }

    public bool MasterCapable { get; set; } = true;

    public bool VmCapable { get; set; } = true;

    public int MemoryTotal { get; set; }

    public int MemoryNode { get; set; }

    public int DiskTotal { get; set; }

    public int SpindlesTotal { get; set; }

    public int Cpus { get; set; }

    public int CpuSockets { get; set; } = 1;

    public JsonObject NdParams { get; set; } = [];

    public bool Powered { get; set; } = true;

    /// <summary>Ganeti's node role letter: M, C, R, D or O.</summary>
    public string RoleLetter => IsMaster ? "M" : MasterCandidate ? "C" : Drained ? "D" : Offline ? "O" : "R";

    public string RoleWord => RoleLetter switch
    {
        "M" => "master",
        "C" => "master-candidate",
        "D" => "drained",
        "O" => "offline",
        _ => "regular",
    };
}
