using System.Text.Json.Nodes;
using RapiConformance.Server.Cluster;
using RapiConformance.Server.Faults;

namespace RapiConformance.Server.Jobs;

public sealed partial class OpExecutor
{
    private static readonly string[] MirroredTemplates = ["drbd", "diskless", "sharedfile", "blockdev", "rbd", "ext", "gluster"];

    private JsonNode? RenameInstance(JsonObject op, bool dry)
    {
        var i = RequireInstance(op);
        var newName = Str(op, "new_name") ?? throw OpFailure.Input("Missing new name");
        if (cluster.Instance(newName) is not null) throw OpFailure.Exists($"Instance '{newName}' is already in the cluster");
        if (i.AdminState == "up") throw OpFailure.State($"Instance {i.Name} is running, can't rename");
        if (dry) return newName;
        var oldName = i.Name;
        cluster.Rename(i, newName);
        if (faults.Has(FaultIds.RenameStateWrong))
        {
            var ghost = (Instance)Storage.EntityStore.Deserialize("Instance", Storage.EntityStore.Serialize(i));
            ghost.Name = oldName;
            ghost.Uuid = ClusterGenerator.Uuid(_rng);
            cluster.Add(ghost);
        }
        return newName;
    }

    private JsonNode? ModifyInstance(JsonObject op, bool dry)
    {
        var i = RequireInstance(op);
        var changes = new JsonArray();
        var be = op["beparams"] is JsonObject b && b.Count > 0 ? NormalizeBeParams(b) : null;
        if (be is not null && be["maxmem"] is { } mm && mm.Num() >= 0 && be["minmem"] is null && ClusterIndex.BeInt(cluster, i, "minmem") > mm.Num())
            throw OpFailure.Input($"Minimum memory ({ClusterIndex.BeInt(cluster, i, "minmem")}) can't be larger than maximum memory ({mm})");
        if (Str(op, "os_name") is { } os && os.Length == 0) throw OpFailure.Input("Invalid OS name");
        if (op["offline"] is JsonValue off && off.GetValue<bool>() && i.AdminState == "up")
            throw OpFailure.State($"Instance is running, can't mark it offline");
        if (dry) return changes;
        if (be is not null)
            foreach (var (k, v) in be)
            {
                i.BeParams[k] = v?.DeepClone();
                changes.Add(new JsonArray("be/" + k, v?.DeepClone()));
            }
        if (op["hvparams"] is JsonObject hv)
            foreach (var (k, v) in hv)
            {
                i.HvParams[k] = v?.DeepClone();
                changes.Add(new JsonArray("hv/" + k, v?.DeepClone()));
            }
        if (op["osparams"] is JsonObject osp)
            foreach (var (k, v) in osp) i.OsParams[k] = v?.DeepClone();
        if (Str(op, "os_name") is { } newOs)
        {
            i.Os = newOs;
            changes.Add(new JsonArray("os", newOs));
        }
        if (op["offline"] is JsonValue offline)
        {
            i.AdminState = offline.GetValue<bool>() ? "offline" : "down";
            changes.Add(new JsonArray("admin_state", i.AdminState));
        }
        cluster.Touch(i);
        return changes;
    }

    private JsonNode? GrowDisk(JsonObject op, bool dry)
    {
        var i = RequireInstance(op);
        var index = (int)(op["disk"]?.Num() ?? -1);
        if (index < 0 || index >= i.Disks.Count) throw OpFailure.Input($"Invalid disk index {index}");
        var amount = (int)(op["amount"]?.Num() ?? 0);
        var absolute = Bool(op, "absolute") == true;
        var disk = i.Disks[index];
        var grow = absolute ? amount - disk.Size : amount;
        if (grow < 0) throw OpFailure.Input($"Requested size ({amount}) is smaller than the current disk size ({disk.Size})");
        if (i.DiskTemplate is "plain" or "drbd")
            foreach (var n in i.AllNodes)
            {
                var node = RequireNode(n);
                var free = node.DiskTotal - cluster.Index.DiskUsed(n);
                if (grow > free)
                    throw OpFailure.NoResources($"Not enough disk space on target node {n} vg xenvg: required {grow} MiB, available {free} MiB");
            }
        if (i.DiskTemplate == "diskless") throw OpFailure.State("Instance has no disks");
        if (!dry && grow > 0)
        {
            disk.Size += grow;
            cluster.Touch(i);
        }
        return null;
    }

    private JsonNode? Move(JsonObject op, bool dry, bool migrate)
    {
        var i = RequireInstance(op);
        if (!MirroredTemplates.Contains(i.DiskTemplate))
            throw OpFailure.State($"Instance's disk layout '{i.DiskTemplate}' does not allow {(migrate ? "migrations" : "failover")}");
        Node target;
        if (i.DiskTemplate == "drbd")
        {
            if (i.SecondaryNodes.Count == 0) throw OpFailure.State("Instance has no secondary node");
            target = RequireNode(i.SecondaryNodes[0]);
        }
        else
        {
            target = Str(op, "target_node") is { } t ? RequireNode(t)
                : cluster.Nodes.FirstOrDefault(n => n.Name != i.PrimaryNode && !n.Offline && !n.Drained)
                  ?? throw OpFailure.NoResources("No other node available for the instance");
        }
        if (target.Offline) throw OpFailure.State($"Target node {target.Name} is offline");
        if (migrate && i.AdminState != "up" && Bool(op, "allow_failover") != true && false)
            throw OpFailure.State($"Instance {i.Name} is not running");
        if (i.AdminState == "up")
        {
            var free = target.MemoryTotal - target.MemoryNode - cluster.Index.MemoryUsed(target.Name);
            var need = ClusterIndex.BeInt(cluster, i, "maxmem");
            if (need > free)
                throw OpFailure.NoResources($"Not enough memory on node {target.Name} for starting instance {i.Name}: needed {need} MiB, available {free} MiB");
        }
        if (dry) return null;
        var old = i.PrimaryNode;
        i.PrimaryNode = target.Name;
        if (i.DiskTemplate == "drbd") i.SecondaryNodes = [old];
        cluster.Touch(i);
        return null;
    }

    private JsonNode? Reinstall(JsonObject op, bool dry)
    {
        var i = RequireInstance(op);
        if (i.AdminState == "up") throw OpFailure.State($"Instance {i.Name} is marked to be up, cannot reinstall");
        if (!dry && Str(op, "os_type") is { } os)
        {
            i.Os = os;
            cluster.Touch(i);
        }
        return null;
    }

    private JsonNode? QueryData(JsonObject op)
    {
        var result = new JsonObject();
        var names = (op["instances"] as JsonArray)?.Select(x => x!.GetValue<string>()).ToList() ?? [];
        var targets = names.Count == 0 ? cluster.Instances.ToList() : names.Select(n => cluster.Instance(n) ?? throw OpFailure.NoEntity("Instance", n)).ToList();
        foreach (var i in targets)
        {
            result[i.Name] = InstanceQueryData.Build(cluster, i);
        }
        return result;
    }

    private JsonNode? SetDisksActive(JsonObject op, bool dry, bool active)
    {
        var i = RequireInstance(op);
        if (!active && i.AdminState == "up" && Bool(op, "force") != true)
            throw OpFailure.State($"Instance {i.Name} is running, cannot deactivate disks");
        if (!dry && i.DisksActive != active)
        {
            i.DisksActive = active;
            cluster.Touch(i);
        }
        return active ? new JsonArray(i.Disks.Select((d, k) => (JsonNode)new JsonArray(i.PrimaryNode, $"disk/{k}", $"/dev/drbd{k}")).ToArray()) : null;
    }

    /// <summary>LUInstanceReplaceDisks: arguments, then TLReplaceDisks.CheckPrereq, in Ganeti's order.</summary>
    private JsonNode? ReplaceDisks(JsonObject op, bool dry)
    {
        var mode = Str(op, "mode");
        var remote = Str(op, "remote_node");
        var ialloc = Str(op, "iallocator");
        if (mode == "replace_new_secondary")
        {
            if (remote is null && ialloc is null)
                throw OpFailure.Input("When changing the secondary either an iallocator script must be used or the new node given");
            if (remote is not null && ialloc is not null) throw OpFailure.Input("Do not specify both, iallocator and node");
        }
        else if (remote is not null || ialloc is not null)
        {
            throw OpFailure.Input("The iallocator and new node options can only be used when changing the secondary node");
        }
        var i = RequireInstance(op);
        var newSecondary = remote is null ? null : RequireNode(remote);
        if (i.SecondaryNodes.Count != 1)
            throw OpFailure.Prereq($"The instance has a strange layout, expected one secondary but found {i.SecondaryNodes.Count}", "internal_error");
        if (mode == "replace_new_secondary" && newSecondary is null)
        {
            var group = RequireNode(i.PrimaryNode).GroupUuid;
            newSecondary = cluster.Nodes
                .Where(n => n.GroupUuid == group && n.Name != i.PrimaryNode && n.Name != i.SecondaryNodes[0] && !n.Offline && !n.Drained && n.VmCapable)
                .OrderByDescending(n => n.DiskTotal - cluster.Index.DiskUsed(n.Name)).FirstOrDefault()
                ?? throw OpFailure.NoResources($"Can't compute nodes using iallocator '{ialloc}': no node of the group can be the new secondary");
        }
        if (newSecondary is not null)
        {
            if (newSecondary.Name == i.PrimaryNode) throw OpFailure.Input("The specified node is the primary node of the instance");
            if (newSecondary.Name == i.SecondaryNodes[0]) throw OpFailure.Input("The specified node is already the secondary node of the instance");
        }
        var disks = (op["disks"] as JsonArray)?.Select(d => (int)d!.Num()).ToList() ?? [];
        if (disks.Count > 0 && mode is "replace_auto" or "replace_new_secondary") throw OpFailure.Input("Cannot specify disks to be replaced");
        if (mode == "replace_auto" && !i.DisksActive) throw OpFailure.State($"Please run activate-disks on instance {i.Name} first");
        if (i.DiskTemplate != "drbd" || i.Disks.Count == 0) throw OpFailure.Input("Can only run replace disks for DRBD8-based instances");
        foreach (var d in disks) CheckDiskIndex(i, d);
        if (newSecondary is not null)
        {
            RequireOnline(newSecondary);
            RequireNotDrained(newSecondary);
            var free = newSecondary.DiskTotal - cluster.Index.DiskUsed(newSecondary.Name);
            if (i.DiskUsage > free)
                throw OpFailure.NoResources($"Not enough disk space on target node {newSecondary.Name} vg xenvg: required {i.DiskUsage} MiB, available {free} MiB");
        }
        if (dry || newSecondary is null) return null;
        i.SecondaryNodes = [newSecondary.Name];
        cluster.Touch(i);
        return null;
    }

    private static void CheckDiskIndex(Instance i, int index)
    {
        if (index < 0 || index >= i.Disks.Count)
            throw OpFailure.Input($"Invalid disk index: {index} (instace has disks 0 to {i.Disks.Count - 1}");
    }

    /// <summary>LUInstanceRecreateDisks.CheckPrereq, in Ganeti's order; with new nodes the instance moves to them.</summary>
    private JsonNode? RecreateDisks(JsonObject op, bool dry)
    {
        var i = RequireInstance(op);
        var nodes = (op["nodes"] as JsonArray)?.Select(n => RequireNode(n!.ToString())).ToList() ?? [];
        var current = i.AllNodes.Count();
        if (nodes.Count > 0 && nodes.Count != current)
            throw OpFailure.Input($"Instance {i.Name} currently has {current} nodes, but {nodes.Count} replacement nodes were specified");
        var primary = nodes.Count > 0 ? nodes[0] : RequireNode(i.PrimaryNode);
        if (Str(op, "iallocator") is null) RequireOnline(primary);
        if (i.Disks.Count == 0 || i.DiskTemplate == "diskless") throw OpFailure.Input($"Instance '{i.Name}' has no disks");
        if (i.AdminState is not ("down" or "offline"))
            throw OpFailure.State($"Instance '{i.Name}' is marked to be {i.AdminState}, cannot recreate disks");
        var wanted = new List<int>();
        foreach (var d in op["disks"] as JsonArray ?? [])
            wanted.Add(d is JsonArray pair ? (int)pair[0]!.Num() : (int)d!.Num());
        if (wanted.Count == 0) wanted.AddRange(Enumerable.Range(0, i.Disks.Count));
        if (wanted.Max() >= i.Disks.Count) throw OpFailure.Input($"Invalid disk index '{wanted.Max()}'");
        if (nodes.Count > 0 && !wanted.Distinct().Order().SequenceEqual(Enumerable.Range(0, i.Disks.Count)))
            throw OpFailure.Input("Can't recreate disks partially and change the nodes at the same time");
        if (dry || nodes.Count == 0) return null;
        i.PrimaryNode = nodes[0].Name;
        i.SecondaryNodes = nodes.Skip(1).Select(n => n.Name).ToList();
        cluster.Touch(i);
        return null;
    }

    private JsonNode? PrepareExport(JsonObject op)
    {
        var i = RequireInstance(op);
        RequireOnline(cluster.Node(i.PrimaryNode));
        return Str(op, "mode") == "remote"
            ? new JsonObject { ["handshake"] = new JsonArray(0, "hash", "salt"), ["x509_key_name"] = new JsonArray("key", "hash", "salt"), ["x509_ca"] = "ca" }
            : null;
    }

    /// <summary>LUBackupExport: CheckArguments, then the names, then CheckPrereq, in Ganeti's order and words.</summary>
    private JsonNode? Export(JsonObject op, bool dry)
    {
        var remote = Str(op, "mode") == "remote";
        var shutdown = Bool(op, "shutdown") ?? true;
        var zero = Bool(op, "zero_free_space") ?? false;
        if (remote && op["x509_key_name"] is null or JsonArray { Count: 0 }) throw OpFailure.Input("Missing X509 key name for encryption");
        if (remote && string.IsNullOrEmpty(Str(op, "destination_x509_ca"))) throw OpFailure.Input("Missing destination X509 CA");
        // Two of Ganeti's refusals carry no classification.
        if (zero && (Str(op, "compress") ?? "none") == "none")
            throw new OpFailure("OpPrereqError", "Zeroing free space does not make sense unless compression is used", null);
        if (zero && !shutdown) throw new OpFailure("OpPrereqError", "Unless the instance is shut down, zeroing cannot be used.", null);

        var i = RequireInstance(op);
        Node? target = remote ? null : RequireNode(Str(op, "target_node"));
        RequireOnline(cluster.Node(i.PrimaryNode));
        if (Bool(op, "remove_instance") is true && i.AdminState == "up" && !shutdown)
            throw OpFailure.State("Can not remove instance without shutting it down before");
        if (target is not null)
        {
            RequireOnline(target);
            RequireNotDrained(target);
        }
        else
        {
            var destinations = op["target_node"] as JsonArray ?? [];
            if (destinations.Count != i.Disks.Count)
                throw OpFailure.Input($"Received destination information for {destinations.Count} disks, but instance {i.Name} has {i.Disks.Count} disks");
            if (op["x509_key_name"] is not JsonArray { Count: 3 })
                throw OpFailure.Input("Invalid data for X509 key name: not enough values to unpack (expected 3)");
            // The key name's HMAC is made with the cluster domain secret, which no RAPI client can know
            // except by asking prepare-export; this simulation signs nothing, so no remote export verifies.
            throw OpFailure.Input("HMAC for X509 key name is wrong");
        }
        if (!zero && (op["zeroing_timeout_fixed"] is not null || op["zeroing_timeout_per_mib"] is not null))
            throw OpFailure.Input("Zeroing timeout options can only be used only with the --zero-free-space option");
        if (Bool(op, "long_sleep") is true && !shutdown)
            throw OpFailure.Input("The long sleep option only makes sense when the instance can be shut down.");
        // Ganeti's export resource does not pass dry-run on; the export runs. Every check passed; the export
        // itself fails when finalizing an instance that has nothing to export (seen on the diskless live cluster).
        if (!dry && i.Disks.Count == 0) throw new OpFailure("OpExecError", "Export failed, errors in export finalization", null);
        var result = new JsonArray(true, new JsonArray(i.Disks.Select(_ => (JsonNode)true).ToArray()));
        if (dry) return null;
        if (Bool(op, "remove_instance") is true) cluster.Remove(i);
        return result;
    }

    /// <summary>cmdlib's CheckNodeOnline and CheckNodeNotDrained, with their words.</summary>
    private static void RequireOnline(Node? node)
    {
        if (node is { Offline: true }) throw OpFailure.State($"Can't use offline node: {node.Name}");
    }

    private static void RequireNotDrained(Node node)
    {
        if (node.Drained) throw OpFailure.State($"Can't use drained node {node.Name}");
    }
}
