using System.Net;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using RapiConformance.Server.Cluster;

namespace RapiConformance.Server.Jobs;

public sealed partial class OpExecutor
{
    private static readonly Regex TagPattern = new(@"^[\w.+*/:@-]+$", RegexOptions.CultureInvariant);

    private JsonNode? ExecuteOther(string id, JsonObject op, bool dry, List<string> log) => id switch
    {
        "OP_GROUP_ADD" => AddGroup(op, dry),
        "OP_GROUP_REMOVE" => RemoveGroup(op, dry),
        "OP_GROUP_RENAME" => RenameGroup(op, dry),
        "OP_GROUP_SET_PARAMS" => ModifyGroup(op, dry),
        "OP_GROUP_ASSIGN_NODES" => AssignNodes(op, dry),
        "OP_NETWORK_ADD" => AddNetwork(op, dry),
        "OP_NETWORK_REMOVE" => RemoveNetwork(op, dry),
        "OP_NETWORK_CONNECT" => ConnectNetwork(op, dry),
        "OP_NETWORK_DISCONNECT" => DisconnectNetwork(op, dry),
        "OP_NETWORK_SET_PARAMS" => ModifyNetwork(op, dry),
        "OP_NODE_SET_PARAMS" => ModifyNode(op, dry),
        "OP_NODE_POWERCYCLE" => Powercycle(op),
        "OP_NODE_EVACUATE" => Evacuate(op, dry),
        "OP_NODE_MIGRATE" => MigrateNode(op, dry),
        "OP_NODE_QUERY_STORAGE" => QueryStorage(op),
        "OP_NODE_MODIFY_STORAGE" => ModifyStorage(op),
        "OP_REPAIR_NODE_STORAGE" => RepairStorage(op),
        "OP_CLUSTER_SET_PARAMS" => ModifyCluster(op, dry),
        "OP_CLUSTER_REDIST_CONF" => null,
        "OP_OS_DIAGNOSE" => null,
        _ => throw new OpFailure("OpExecError", $"Opcode {id} is not supported by the simulated cluster", null),
    };

    private JsonNode? SetTags(JsonObject op, bool dry, bool add)
    {
        var kind = Str(op, "kind");
        var name = Str(op, "name");
        Entity target = kind switch
        {
            "cluster" => cluster.Config,
            "instance" => cluster.Instance(name ?? "") ?? throw OpFailure.NoEntity("Instance", name ?? ""),
            "node" => cluster.Node(name ?? "") ?? throw OpFailure.NoEntity("Node", name ?? ""),
            "nodegroup" => cluster.Group(name ?? "") ?? throw OpFailure.NoEntity("Group", name ?? ""),
            "network" => cluster.Network(name ?? "") ?? throw OpFailure.NoEntity("Network", name ?? ""),
            _ => throw OpFailure.Input($"Unknown tag kind '{kind}'"),
        };
        var tags = (op["tags"] as JsonArray)?.Select(t => t?.ToString() ?? "").ToList() ?? [];
        foreach (var t in tags)
        {
            if (t.Length > 128) throw new OpFailure("TagError", $"Tag too long (>128 characters)", null);
            if (t.Length == 0) throw new OpFailure("TagError", "Tags must be non-empty", null);
            if (!TagPattern.IsMatch(t)) throw new OpFailure("TagError", $"Invalid tag '{t}'", null);
        }
        if (add)
        {
            if (target.Tags.Union(tags).Count() > 4096) throw new OpFailure("TagError", "Too many tags", null);
            if (dry) return null;
            var changed = false;
            foreach (var t in tags.Where(t => !target.Tags.Contains(t)))
            {
                target.Tags.Add(t);
                changed = true;
            }
            if (changed) Touch(target);
        }
        else
        {
            var missing = tags.Where(t => !target.Tags.Contains(t)).Distinct().Order(StringComparer.Ordinal).ToList();
            if (missing.Count > 0) throw OpFailure.Prereq($"Tag(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} not found", "unknown_entity");
            if (dry) return null;
            target.Tags.RemoveAll(tags.Contains);
            Touch(target);
        }
        return null;
    }

    private void Touch(Entity e)
    {
        if (e is ClusterConfig c) c.Parameters["tags"] = new JsonArray(c.Tags.Select(t => (JsonNode)t).ToArray());
        cluster.Touch(e);
    }

    private JsonNode? AddGroup(JsonObject op, bool dry)
    {
        var name = Str(op, "group_name")!;
        if (cluster.Group(name) is not null) throw OpFailure.Exists($"Desired group name '{name}' already exists as a node group (UUID: {cluster.Group(name)!.Uuid})");
        if (dry) return null;
        var now = cluster.Now;
        cluster.Add(new NodeGroup
        {
            Name = name,
            Uuid = ClusterGenerator.Uuid(_rng),
            AllocPolicy = Str(op, "alloc_policy") ?? "preferred",
            CustomIpolicy = (JsonObject)(op["ipolicy"]?.DeepClone() ?? new JsonObject()),
            CustomNdParams = (JsonObject)(op["ndparams"]?.DeepClone() ?? new JsonObject()),
            CustomDiskParams = (JsonObject)(op["diskparams"]?.DeepClone() ?? new JsonObject()),
            Tags = (op["tags"] as JsonArray)?.Select(t => t!.GetValue<string>()).ToList() ?? [],
            Ctime = now,
            Mtime = now,
        });
        return null;
    }

    private NodeGroup RequireGroup(JsonObject op) =>
        cluster.Group(Str(op, "group_name") ?? "") ?? throw OpFailure.Prereq($"Group '{Str(op, "group_name")}' not found", "unknown_entity");

    private JsonNode? RemoveGroup(JsonObject op, bool dry)
    {
        var g = RequireGroup(op);
        var nodes = cluster.Index.GroupNodes(g.Uuid);
        if (nodes.Count > 0)
            throw OpFailure.State($"Group '{g.Name}' not empty, has the following node(s): {string.Join(", ", nodes)}");
        if (cluster.Groups.Count == 1) throw OpFailure.State($"Group '{g.Name}' is the only group, cannot be removed");
        if (cluster.Networks.Any(n => n.Groups.Any(l => l.GroupUuid == g.Uuid)))
            throw OpFailure.State($"Group '{g.Name}' still has networks connected");
        if (!dry) cluster.Remove(g);
        return null;
    }

    private JsonNode? RenameGroup(JsonObject op, bool dry)
    {
        var g = RequireGroup(op);
        var newName = Str(op, "new_name")!;
        if (cluster.Group(newName) is not null) throw OpFailure.Exists($"Desired new name '{newName}' clashes with existing node group");
        if (!dry) cluster.Rename(g, newName);
        return newName;
    }

    private JsonNode? ModifyGroup(JsonObject op, bool dry)
    {
        var g = RequireGroup(op);
        var result = new JsonArray();
        var policy = Str(op, "alloc_policy");
        if (policy is not null && policy is not ("preferred" or "last_resort" or "unallocable"))
            throw OpFailure.Input($"Invalid allocation policy '{policy}'");
        if (dry) return result;
        if (policy is not null)
        {
            g.AllocPolicy = policy;
            result.Add(new JsonArray("alloc_policy", policy));
        }
        if (op["ndparams"] is JsonObject nd) foreach (var (k, v) in nd) g.CustomNdParams[k] = v?.DeepClone();
        if (op["ipolicy"] is JsonObject ip) foreach (var (k, v) in ip) g.CustomIpolicy[k] = v?.DeepClone();
        if (op["diskparams"] is JsonObject dp) foreach (var (k, v) in dp) g.CustomDiskParams[k] = v?.DeepClone();
        cluster.Touch(g);
        return result;
    }

    private JsonNode? AssignNodes(JsonObject op, bool dry)
    {
        var g = RequireGroup(op);
        var nodes = (op["nodes"] as JsonArray ?? []).Select(n => RequireNode(n?.ToString())).ToList();
        if (Bool(op, "force") != true)
        {
            foreach (var n in nodes)
            {
                var split = cluster.Instances.Where(i => i.DiskTemplate == "drbd" && i.AllNodes.Contains(n.Name))
                    .Where(i => i.AllNodes.Any(x => x != n.Name && !nodes.Any(m => m.Name == x) && cluster.Node(x)?.GroupUuid != g.Uuid)).ToList();
                if (split.Count > 0)
                    throw OpFailure.State($"Moving node {n.Name} would split instances across groups: {string.Join(", ", split.Select(i => i.Name))}; use force to override");
            }
        }
        if (dry) return null;
        foreach (var n in nodes.Where(n => n.GroupUuid != g.Uuid))
        {
            n.GroupUuid = g.Uuid;
            cluster.Touch(n);
        }
        return null;
    }

    private Network RequireNetwork(JsonObject op) =>
        cluster.Network(Str(op, "network_name") ?? "") ?? throw OpFailure.NoEntity("Network", Str(op, "network_name") ?? "");

    private JsonNode? AddNetwork(JsonObject op, bool dry)
    {
        var name = Str(op, "network_name")!;
        if (cluster.Network(name) is not null) throw OpFailure.Exists($"Network '{name}' already exists");
        var cidr = Str(op, "network")!;
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(cidr[..slash], out var addr) || addr.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork
            || !int.TryParse(cidr[(slash + 1)..], out var bits) || bits is < 16 or > 30)
            throw OpFailure.Input($"Invalid network '{cidr}': must be an IPv4 network of prefix length 16 to 30");
        if (dry) return null;
        var now = cluster.Now;
        var baseBytes = addr.GetAddressBytes();
        var size = 1 << (32 - bits);
        var broadcast = (BitConverter.ToUInt32(baseBytes.Reverse().ToArray()) + (uint)size - 1);
        var bcast = new IPAddress(BitConverter.GetBytes(broadcast).Reverse().ToArray()).ToString();
        var reservations = new List<string> { cidr[..slash] };
        if (Str(op, "gateway") is { } gw) reservations.Add(gw);
        foreach (var r in op["add_reserved_ips"] as JsonArray ?? []) reservations.Add(r!.ToString());
        reservations.Add(bcast);
        cluster.Add(new Network
        {
            Name = name,
            Uuid = ClusterGenerator.Uuid(_rng),
            Subnet = cidr,
            Gateway = Str(op, "gateway"),
            Subnet6 = Str(op, "network6"),
            Gateway6 = Str(op, "gateway6"),
            MacPrefix = Str(op, "mac_prefix"),
            ExternalReservations = reservations,
            Tags = (op["tags"] as JsonArray)?.Select(t => t!.GetValue<string>()).ToList() ?? [],
            Ctime = now,
            Mtime = now,
        });
        return null;
    }

    private JsonNode? RemoveNetwork(JsonObject op, bool dry)
    {
        var n = RequireNetwork(op);
        if (n.Groups.Count > 0)
            throw OpFailure.State($"Network '{n.Name}' is connected to the following node groups: {string.Join(", ", n.Groups.Select(g => cluster.GroupByUuid(g.GroupUuid)?.Name))}; disconnect it first");
        if (cluster.Index.NetworkInstances(n.Uuid).Count > 0) throw OpFailure.State($"Network '{n.Name}' is in use by instances");
        if (!dry) cluster.Remove(n);
        return null;
    }

    private JsonNode? ConnectNetwork(JsonObject op, bool dry)
    {
        var n = RequireNetwork(op);
        var g = RequireGroup(op);
        var mode = Str(op, "network_mode")!;
        if (mode is not ("bridged" or "routed" or "openvswitch")) throw OpFailure.Input($"Invalid network mode '{mode}'");
        if (n.Groups.Any(l => l.GroupUuid == g.Uuid)) return null;
        if (dry) return null;
        n.Groups.Add(new NetworkLink { GroupUuid = g.Uuid, Mode = mode, Link = Str(op, "network_link") ?? "", Vlan = Str(op, "network_vlan") ?? "" });
        cluster.Touch(n);
        return null;
    }

    private JsonNode? DisconnectNetwork(JsonObject op, bool dry)
    {
        var n = RequireNetwork(op);
        var g = RequireGroup(op);
        if (!n.Groups.Any(l => l.GroupUuid == g.Uuid)) return null;
        var users = cluster.Index.NetworkInstances(n.Uuid).Where(i => cluster.Node(cluster.Instance(i)!.PrimaryNode)?.GroupUuid == g.Uuid).ToList();
        if (users.Count > 0) throw OpFailure.State($"Network '{n.Name}' is used by instances in group '{g.Name}': {string.Join(", ", users)}");
        if (dry) return null;
        n.Groups.RemoveAll(l => l.GroupUuid == g.Uuid);
        cluster.Touch(n);
        return null;
    }

    private JsonNode? ModifyNetwork(JsonObject op, bool dry)
    {
        var n = RequireNetwork(op);
        if (dry) return null;
        if (op.ContainsKey("gateway")) n.Gateway = Str(op, "gateway");
        if (op.ContainsKey("mac_prefix")) n.MacPrefix = Str(op, "mac_prefix");
        if (op.ContainsKey("gateway6")) n.Gateway6 = Str(op, "gateway6");
        if (op.ContainsKey("network6")) n.Subnet6 = Str(op, "network6");
        foreach (var r in op["add_reserved_ips"] as JsonArray ?? []) n.ExternalReservations.Insert(Math.Max(0, n.ExternalReservations.Count - 1), r!.ToString());
        foreach (var r in op["remove_reserved_ips"] as JsonArray ?? []) n.ExternalReservations.Remove(r!.ToString());
        cluster.Touch(n);
        return null;
    }

    private JsonNode? ModifyNode(JsonObject op, bool dry)
    {
        var n = RequireNode(Str(op, "node_name"));
        var result = new JsonArray();
        var offline = Bool(op, "offline");
        var drained = Bool(op, "drained");
        var candidate = Bool(op, "master_candidate");
        string[] modifications = ["offline", "master_candidate", "drained", "master_capable", "vm_capable", "secondary_ip", "ndparams", "hv_state", "disk_state"];
        if (modifications.All(k => op[k] is null)) throw OpFailure.Input("Please pass at least one modification");
        if (new[] { offline, drained, candidate }.Count(v => v == true) > 1)
            throw OpFailure.Input("Can't set the node into more than one state at the same time");
        if (n.IsMaster && (offline is not null || drained is not null || candidate is not null))
            throw OpFailure.Input("The master role can be changed only via master-failover");
        if (dry) return result;
        if (offline is { } o) { n.Offline = o; if (o) { n.MasterCandidate = false; n.Drained = false; } result.Add(new JsonArray("offline", o.ToString().ToLowerInvariant())); }
        if (drained is { } d) { n.Drained = d; if (d) { n.MasterCandidate = false; n.Offline = false; } result.Add(new JsonArray("drained", d.ToString().ToLowerInvariant())); }
        if (candidate is { } c) { n.MasterCandidate = c; if (c) { n.Offline = false; n.Drained = false; } result.Add(new JsonArray("master_candidate", c.ToString().ToLowerInvariant())); }
        if (Bool(op, "master_capable") is { } mc) n.MasterCapable = mc;
        if (Bool(op, "vm_capable") is { } vc) n.VmCapable = vc;
        if (op["ndparams"] is JsonObject nd) foreach (var (k, v) in nd) n.NdParams[k] = v?.DeepClone();
        cluster.Touch(n);
        return result;
    }

    private JsonNode? Powercycle(JsonObject op)
    {
        var n = RequireNode(Str(op, "node_name"));
        if (n.IsMaster && Bool(op, "force") != true) throw OpFailure.Input("The node is the master and the force parameter was not set");
        return n.Name;
    }

    /// <summary>
    /// LUNodeEvacuate: a ResultWithJobs. Secondaries get an OP_INSTANCE_REPLACE_DISKS job each (new secondary: the
    /// remote node, or one the allocator picks), primaries an OP_INSTANCE_MIGRATE job each (allow_failover, as hail's
    /// evacuation jobs); the jobs then run on their own. The result is {"jobs": [[true, id], ...]}.
    /// </summary>
    private JsonNode? Evacuate(JsonObject op, bool dry)
    {
        var n = RequireNode(Str(op, "node_name"));
        var mode = Str(op, "mode");
        if (mode is not ("all" or "primary-only" or "secondary-only")) throw OpFailure.Input($"Invalid evacuation mode '{mode}'");
        if (mode == "all")
            throw OpFailure.Input("Due to an issue with the iallocator interface it is not possible to evacuate all instances at once; " +
                                  "specify explicitly whether to evacuate primary or secondary instances");
        var remote = Str(op, "remote_node") is { } r ? RequireNode(r) : null;
        var ialloc = Str(op, "iallocator");
        var early = Bool(op, "early_release") == true;
        var jobs = new List<List<JsonObject>>();
        if (mode == "secondary-only")
        {
            foreach (var i in cluster.Instances.Where(i => i.SecondaryNodes.Contains(n.Name)).OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                var target = remote ?? cluster.Nodes
                    .Where(x => x.Name != n.Name && x.Name != i.PrimaryNode && !x.Offline && !x.Drained && x.VmCapable && x.GroupUuid == n.GroupUuid)
                    .OrderByDescending(x => x.DiskTotal - cluster.Index.DiskUsed(x.Name)).FirstOrDefault()
                    ?? throw OpFailure.NoResources($"Can't compute node evacuation using iallocator '{ialloc}': no node can take the secondary of {i.Name}");
                jobs.Add([new JsonObject
                {
                    ["OP_ID"] = "OP_INSTANCE_REPLACE_DISKS", ["instance_name"] = i.Name, ["remote_node"] = target.Name,
                    ["disks"] = new JsonArray(), ["mode"] = "replace_new_secondary", ["early_release"] = early,
                }]);
            }
        }
        else
        {
            foreach (var i in cluster.Instances.Where(i => i.PrimaryNode == n.Name && i.DiskTemplate == "drbd").OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                jobs.Add([new JsonObject
                {
                    ["OP_ID"] = "OP_INSTANCE_MIGRATE", ["instance_name"] = i.Name, ["allow_failover"] = true, ["early_release"] = early,
                }]);
            }
        }
        return dry ? null : SubmitJobs(jobs);
    }

    /// <summary>LUNodeMigrate: an OP_INSTANCE_MIGRATE job per primary instance of the node (a ResultWithJobs).</summary>
    private JsonNode? MigrateNode(JsonObject op, bool dry)
    {
        var n = RequireNode(Str(op, "node_name"));
        var jobs = new List<List<JsonObject>>();
        foreach (var i in cluster.Instances.Where(i => i.PrimaryNode == n.Name).OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            var migrate = new JsonObject { ["OP_ID"] = "OP_INSTANCE_MIGRATE", ["instance_name"] = i.Name };
            foreach (var key in new[] { "mode", "live", "iallocator", "target_node", "allow_runtime_changes", "ignore_ipolicy" })
                migrate[key] = op[key]?.DeepClone();
            jobs.Add([migrate]);
        }
        return dry ? null : SubmitJobs(jobs);
    }

    /// <summary>Submits the jobs of a ResultWithJobs; the opresult is {"jobs": [[true, id], ...]} (SubmitManyJobs).</summary>
    private JsonObject SubmitJobs(List<List<JsonObject>> jobs)
    {
        var submit = SubmitJob ?? throw new InvalidOperationException("the executor cannot submit jobs outside the queue");
        var ids = new JsonArray();
        foreach (var ops in jobs) ids.Add(new JsonArray(true, submit(ops)));
        return new JsonObject { ["jobs"] = ids };
    }

    private JsonNode? QueryStorage(JsonObject op)
    {
        var names = (op["nodes"] as JsonArray)?.Select(x => x!.ToString()).ToList() ?? [];
        var fields = (op["output_fields"] as JsonArray)?.Select(x => x!.ToString()).ToList() ?? ["name"];
        var rows = new JsonArray();
        foreach (var name in names)
        {
            var n = RequireNode(name);
            var used = cluster.Index.DiskUsed(n.Name);
            var row = new JsonArray();
            foreach (var f in fields)
                row.Add(f switch
                {
                    "node" => n.Name,
                    "name" => "xenvg",
                    "type" => Str(op, "storage_type") ?? "lvm-vg",
                    "size" => n.DiskTotal,
                    "used" => used,
                    "free" => n.DiskTotal - used,
                    "allocatable" => true,
                    _ => (JsonNode?)null,
                });
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Ganeti 3.0 can modify only lvm-pv units, and of those only <c>allocatable</c>.</summary>
    private JsonNode? ModifyStorage(JsonObject op)
    {
        RequireNode(Str(op, "node_name"));
        var type = Str(op, "storage_type");
        if (type != "lvm-pv") throw OpFailure.Input($"Storage units of type '{type}' can not be modified");
        var wrong = (op["changes"] as JsonObject ?? []).Select(kv => kv.Key).Where(k => k != "allocatable").ToList();
        if (wrong.Count > 0)
            throw OpFailure.Input($"The following fields can not be modified for storage units of type '{type}': [{string.Join(", ", wrong.Select(k => $"'{k}'"))}]");
        return null;
    }

    /// <summary>LURepairNodeStorage.CheckArguments: only lvm-vg supports fix-consistency (VALID_STORAGE_OPERATIONS).</summary>
    private JsonNode? RepairStorage(JsonObject op)
    {
        RequireNode(Str(op, "node_name"));
        var type = Str(op, "storage_type");
        if (type != "lvm-vg") throw OpFailure.Input($"Storage units of type '{type}' can not be repaired");
        return null;
    }

    private JsonNode? ModifyCluster(JsonObject op, bool dry)
    {
        if (op["candidate_pool_size"] is JsonValue cps && cps.Num() < 1) throw OpFailure.Input("At least one master candidate needed");
        if (op["beparams"] is JsonObject be) NormalizeBeParams(be);
        foreach (var key in new[] { "beparams", "nicparams" })
            if (op[key] is JsonObject o && o.Any(p => p.Value is null))
                throw OpFailure.Input($"Invalid value None for parameter '{key}.{o.First(p => p.Value is null).Key}'");
        if (dry) return null;
        var changed = false;
        foreach (var key in new[] { "beparams", "nicparams" })
        {
            // /2/info shows these per group ("default"); the opcode gives the flat dict.
            if (op[key] is not JsonObject flat || flat.Count == 0) continue;
            if (cluster.Config.Parameters[key]?["default"] is not JsonObject target) continue;
            foreach (var (k, v) in key == "beparams" ? NormalizeBeParams(flat) : flat) target[k] = v?.DeepClone();
            changed = true;
        }
        foreach (var (k, v) in op)
        {
            if (k is "beparams" or "nicparams") continue;
            if (k is "OP_ID" or "reason" or "dry_run" or "debug_level" or "priority" or "depends" or "comment" or "force") continue;
            if (v is null || !cluster.Config.Parameters.TryGetPropertyValue(k, out var existing)) continue;
            if (k is "hidden_os" or "blacklisted_os")
            {
                // A list of [action, os] modifications (add/remove), not the new list.
                var list = (existing as JsonArray)?.Select(x => x?.ToString() ?? "").ToList() ?? [];
                foreach (var change in v as JsonArray ?? [])
                {
                    if (change is not JsonArray { Count: 2 } pair) continue;
                    var os = pair[1]?.ToString() ?? "";
                    if (pair[0]?.ToString() == "add" && !list.Contains(os)) list.Add(os);
                    if (pair[0]?.ToString() == "remove") list.Remove(os);
                }
                cluster.Config.Parameters[k] = new JsonArray(list.Select(x => (JsonNode)x).ToArray());
                changed = true;
                continue;
            }
            if (v is JsonObject o && existing is JsonObject current)
            {
                foreach (var (kk, vv) in o)
                {
                    if (vv is JsonObject inner && current[kk] is JsonObject currentInner)
                        foreach (var (k3, v3) in inner) currentInner[k3] = v3?.DeepClone();
                    else if (vv is not null && (current[kk] is null || current[kk]!.GetValueKind() == vv.GetValueKind())) current[kk] = vv.DeepClone();
                }
                changed = true;
            }
            else if (existing is null || existing.GetValueKind() == v.GetValueKind())
            {
                // Only values of the kind /2/info shows are taken over (the opcode may take other forms).
                cluster.Config.Parameters[k] = v.DeepClone();
                changed = true;
            }
        }
        if (changed)
        {
            cluster.Touch(cluster.Config);
            cluster.InvalidateAll();
        }
        return null;
    }

    private static string? Str(JsonObject? o, string key) =>
        o?[key] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : null;

    private static bool? Bool(JsonObject o, string key) =>
        o[key] is JsonValue v && v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False ? v.GetValue<bool>() : null;
}
