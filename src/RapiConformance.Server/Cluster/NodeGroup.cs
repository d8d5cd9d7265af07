using System.Text.Json.Nodes;

namespace RapiConformance.Server.Cluster;

public sealed class NodeGroup : Entity
{
    public override EntityKind Kind => EntityKind.Group;

    /// <summary>preferred, last_resort or unallocable.</summary>
    public string AllocPolicy { get; set; } = "preferred";

    public JsonObject CustomIpolicy { get; set; } = [];

    public JsonObject CustomNdParams { get; set; } = [];

    public JsonObject CustomDiskParams { get; set; } = [];
}
