using System.Text.Json.Nodes;
using RapiConformance.Server.Cluster;

namespace RapiConformance.Server.Jobs;

/// <summary>
/// Refusals that follow from what the cluster and the instance can do (enabled disk templates, an instance
/// without disks or without a mirror, no node to move to), checked before an opcode's own handling, with the
/// error class, classification and message real Ganeti 3.0.2 gives (docs/ganeti-findings.md, refusals table;
/// seen on the fake-hypervisor, diskless live cluster). Returns without a word when the opcode's own
/// handling is to decide (unknown names, other arguments), so the order of Ganeti's checks is kept.
/// </summary>
public sealed partial class OpExecutor
{
    // constants.MAP_DISK_TEMPLATE_STORAGE_TYPE, and the types whose storage reporting works (STS_REPORT_NODE_STORAGE).
    private static readonly Dictionary<string, string> TemplateStorageType = new(StringComparer.Ordinal)
    {
        ["blockdev"] = "blockdev", ["diskless"] = "diskless", ["drbd"] = "lvm-vg", ["ext"] = "ext", ["file"] = "file",
        ["gluster"] = "gluster", ["plain"] = "lvm-vg", ["rbd"] = "rados", ["sharedfile"] = "sharedfile",
    };

    private static readonly string[] ReportingStorageTypes = ["sharedfile", "lvm-pv", "file", "gluster", "lvm-vg"];

    // constants.DTS_EXT_MIRROR (diskless counts: Ganeti asks "are all of its (no) disks externally mirrored?").
    private static readonly string[] ExternallyMirrored = ["blockdev", "diskless", "ext", "gluster", "rbd", "sharedfile"];

    private void CheckCapabilities(string id, JsonObject op, bool dry)
    {
        switch (id)
        {
            case "OP_INSTANCE_GROW_DISK":
                if (KnownInstance(op) is { } grown && op["disk"] is JsonValue dv && dv.Num() is var index && index >= grown.Disks.Count)
                    throw OpFailure.Input($"Invalid disk index: {(long)index} (instace has disks 0 to {grown.Disks.Count - 1}");
                break;
            case "OP_INSTANCE_REPLACE_DISKS":
                // TLReplaceDisks.CheckPrereq: only a DRBD instance has the one secondary it needs.
                if (KnownInstance(op) is { } replaced && replaced.SecondaryNodes.Count != 1)
                    throw OpFailure.Prereq($"The instance has a strange layout, expected one secondary but found {replaced.SecondaryNodes.Count}", "internal_error");
                break;
            case "OP_INSTANCE_RECREATE_DISKS":
                if (KnownInstance(op) is { Disks.Count: 0 })
                    throw OpFailure.Input($"Instance '{Str(op, "instance_name")}' has no disks");
                break;
            case "OP_INSTANCE_MIGRATE" or "OP_INSTANCE_FAILOVER":
                // An externally mirrored instance without a target node goes to the iallocator, which finds
                // no node when the primary is the only one that could take it.
                if (KnownInstance(op) is { } moved && ExternallyMirrored.Contains(moved.DiskTemplate) && Str(op, "target_node") is null
                    && !cluster.Nodes.Any(n => n.Name != moved.PrimaryNode && !n.Offline && !n.Drained && n.VmCapable))
                {
                    var allocator = Str(op, "iallocator") ?? Str(cluster.Config.Parameters, "default_iallocator") ?? "hail";
                    throw OpFailure.NoResources($"Can't compute nodes using iallocator '{allocator}': Request failed: Can't find any good node: ");
                }
                break;
            case "OP_NODE_QUERY_STORAGE":
                var names = (op["nodes"] as JsonArray)?.Select(x => x?.ToString() ?? "") ?? [];
                if (!names.All(n => cluster.Node(n) is not null)) break;
                if (Str(op, "storage_type") is { } queried)
                {
                    RequireStorageTypeEnabled(queried);
                }
                else if (DefaultStorageType() is { } type && !ReportingStorageTypes.Contains(type))
                {
                    throw new OpFailure("OpPrereqError",
                        $"Storage reporting for storage type '{type}' is not supported. Please use the --storage-type option to specify one of " +
                        $"the supported storage types ({string.Join(", ", ReportingStorageTypes)}) or set the default disk template to one that " +
                        "supports storage reporting.", null);
                }
                break;
            case "OP_NODE_MODIFY_STORAGE":
                // Only lvm-pv units are modifiable (checked first, by the opcode's own handling).
                if (cluster.Node(Str(op, "node_name") ?? "") is not null && Str(op, "storage_type") == "lvm-pv"
                    && (op["changes"] as JsonObject ?? []).All(kv => kv.Key == "allocatable"))
                    RequireStorageTypeEnabled("lvm-pv");
                break;
            case "OP_REPAIR_NODE_STORAGE":
                // Only lvm-vg units can be repaired.
                if (cluster.Node(Str(op, "node_name") ?? "") is not null && Str(op, "storage_type") == "lvm-vg")
                    RequireStorageTypeEnabled("lvm-vg");
                break;
        }
    }

    private Instance? KnownInstance(JsonObject op) => cluster.Instance(Str(op, "instance_name") ?? "");

    private IEnumerable<string> EnabledDiskTemplates() =>
        (cluster.Config.Parameters["enabled_disk_templates"] as JsonArray)?.Select(t => t?.ToString() ?? "") ?? [];

    private string? DefaultStorageType() =>
        EnabledDiskTemplates().FirstOrDefault() is { } first && TemplateStorageType.TryGetValue(first, out var type) ? type : null;

    /// <summary>CheckStorageTypeEnabled: some enabled disk template must use the storage type (lvm-pv: lvm-vg's). No classification.</summary>
    private void RequireStorageTypeEnabled(string storageType)
    {
        var type = storageType == "lvm-pv" ? "lvm-vg" : storageType;
        var enabled = EnabledDiskTemplates().ToList();
        if (enabled.Any(t => TemplateStorageType.TryGetValue(t, out var st) && st == type)) return;
        throw new OpFailure("OpPrereqError",
            $"No disk template of storage type '{type}' is enabled in this cluster. Enabled disk templates are: {string.Join(",", enabled)}", null);
    }
}
