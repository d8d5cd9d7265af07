using System.Text.Json.Nodes;

namespace RapiConformance.Server.Cluster;

/// <summary>The cluster object itself: name, master, tags and the cluster-wide parameters.</summary>
public sealed class ClusterConfig : Entity
{
    public override EntityKind Kind => EntityKind.Cluster;

    public string Master { get; set; } = "";

    /// <summary>Every other /2/info key (hvparams, beparams, ipolicy, ...), as Ganeti reports it.</summary>
    public JsonObject Parameters { get; set; } = [];

    /// <summary>What GET /2/os lists (OS+variant names the nodes have).</summary>
    public List<string> OperatingSystems { get; set; } = ["debootstrap+buster", "debootstrap+default", "noop+default"];
}
