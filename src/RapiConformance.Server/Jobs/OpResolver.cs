using System.Collections.Frozen;
using System.Text.Json.Nodes;
using RapiConformance.Server.Cluster;

namespace RapiConformance.Server.Jobs;

/// <summary>
/// What Ganeti's logical units write back into an opcode before they run it, so that a job's <c>ops</c>
/// show it afterwards: the UUID of the named instance or node and of a local export's target node (ExpandNames), the cluster's default
/// iallocator for a failover or migration of an externally mirrored instance without a target node and
/// for a node evacuation without a remote node (CheckIAllocatorOrNode), and <c>admin_state_source</c> "admin" for a shutdown (CheckArguments).
/// Called under the cluster lock; the caller applies the result under the job's lock.
/// </summary>
public sealed class OpResolver(ClusterState cluster)
{
    private static readonly FrozenSet<string> InstanceOpcodes = new[]
    {
        "OP_BACKUP_EXPORT", "OP_BACKUP_PREPARE", "OP_INSTANCE_ACTIVATE_DISKS", "OP_INSTANCE_CONSOLE",
        "OP_INSTANCE_DEACTIVATE_DISKS", "OP_INSTANCE_FAILOVER", "OP_INSTANCE_GROW_DISK", "OP_INSTANCE_MIGRATE",
        "OP_INSTANCE_REBOOT", "OP_INSTANCE_RECREATE_DISKS", "OP_INSTANCE_REINSTALL", "OP_INSTANCE_REMOVE",
        "OP_INSTANCE_RENAME", "OP_INSTANCE_REPLACE_DISKS", "OP_INSTANCE_SET_PARAMS", "OP_INSTANCE_SHUTDOWN",
        "OP_INSTANCE_STARTUP",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> NodeOpcodes = new[]
    {
        "OP_NODE_EVACUATE", "OP_NODE_MIGRATE", "OP_NODE_MODIFY_STORAGE", "OP_NODE_POWERCYCLE", "OP_NODE_SET_PARAMS",
        "OP_REPAIR_NODE_STORAGE",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ExternallyMirrored = new[]
    {
        "diskless", "sharedfile", "blockdev", "rbd", "ext", "gluster",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The members to set in <paramref name="op"/>; empty when the named entity is unknown.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode?>> Resolve(JsonObject op)
    {
        var id = op["OP_ID"]?.GetValue<string>() ?? "";
        var set = new List<KeyValuePair<string, JsonNode?>>();
        if (InstanceOpcodes.Contains(id) && Text(op, "instance_name") is { } iname && cluster.Instance(iname) is { } instance)
        {
            set.Add(new("instance_uuid", instance.Uuid));
            if (id is "OP_INSTANCE_FAILOVER" or "OP_INSTANCE_MIGRATE" && ExternallyMirrored.Contains(instance.DiskTemplate)
                && Text(op, "target_node") is null && Text(op, "iallocator") is null or "."
                && DefaultIAllocator() is { } allocator)
            {
                set.Add(new("iallocator", allocator));
            }
        }
        // LUBackupExport.ExpandNames resolves the target node of a local export.
        if (id == "OP_BACKUP_EXPORT" && Text(op, "mode") is null or "local" && Text(op, "target_node") is { } tname
            && cluster.Node(tname) is { } target)
        {
            set.Add(new("target_node_uuid", target.Uuid));
        }
        if (NodeOpcodes.Contains(id) && Text(op, "node_name") is { } nname && cluster.Node(nname) is { } node)
        {
            set.Add(new("node_uuid", node.Uuid));
        }
        // LUNodeEvacuate.CheckArguments runs CheckIAllocatorOrNode(iallocator, remote_node) before anything else.
        if (id == "OP_NODE_EVACUATE" && Text(op, "remote_node") is null && Text(op, "iallocator") is null or "."
            && DefaultIAllocator() is { } evacAllocator)
        {
            set.Add(new("iallocator", evacAllocator));
        }
        if (id == "OP_INSTANCE_SHUTDOWN" && op["admin_state_source"] is null)
        {
            set.Add(new("admin_state_source", "admin"));
        }
        return set;
    }

    private string? DefaultIAllocator() =>
        cluster.Config.Parameters["default_iallocator"] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static string? Text(JsonObject op, string key) =>
        op[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
