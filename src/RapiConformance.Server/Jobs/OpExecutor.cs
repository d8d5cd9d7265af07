using System.Text.Json.Nodes;
using RapiConformance.Server.Cluster;
using RapiConformance.Server.Faults;

namespace RapiConformance.Server.Jobs;

/// <summary>
/// Runs one opcode against the cluster (called under the cluster lock). Prerequisites are checked first and
/// fail with Ganeti's error class and classification; with dry_run the checks run and nothing changes.
/// </summary>
public sealed partial class OpExecutor(ClusterState cluster, FaultSet faults)
{
    private readonly Random _rng = new(4242);

    /// <summary>
    /// Submits a job of the given opcodes from a running opcode (Ganeti's ResultWithJobs) and returns its id; set by
    /// the queue under the cluster lock while it runs a job. The job is stored together with the submitting job's end.
    /// </summary>
    public Func<List<JsonObject>, long>? SubmitJob { get; set; }

    public JsonNode? Execute(JsonObject op, long jobId, List<string> log)
    {
        var id = Str(op, "OP_ID")!;
        var dry = op["dry_run"] is JsonValue d && d.GetValue<bool>() && !faults.Has(FaultIds.DryRunChanges);
        CheckCapabilities(id, op, dry);
        CheckParameterMaps(id, op);
        return id switch
        {
            "OP_TAGS_SET" => SetTags(op, dry, add: true),
            "OP_TAGS_DEL" => SetTags(op, dry, add: false),
            "OP_INSTANCE_CREATE" => CreateInstance(op, dry, log),
            "OP_INSTANCE_MULTI_ALLOC" => MultiAlloc(op, dry, log),
            "OP_INSTANCE_REMOVE" => RemoveInstance(op, dry),
            "OP_INSTANCE_STARTUP" => Startup(op, dry),
            "OP_INSTANCE_SHUTDOWN" => Shutdown(op, dry),
            "OP_INSTANCE_REBOOT" => Reboot(op),
            "OP_INSTANCE_RENAME" => RenameInstance(op, dry),
            "OP_INSTANCE_SET_PARAMS" => ModifyInstance(op, dry),
            "OP_INSTANCE_GROW_DISK" => GrowDisk(op, dry),
            "OP_INSTANCE_MIGRATE" or "OP_INSTANCE_FAILOVER" => Move(op, dry, id == "OP_INSTANCE_MIGRATE"),
            "OP_INSTANCE_REINSTALL" => Reinstall(op, dry),
            "OP_INSTANCE_QUERY_DATA" => QueryData(op),
            "OP_INSTANCE_ACTIVATE_DISKS" => SetDisksActive(op, dry, true),
            "OP_INSTANCE_DEACTIVATE_DISKS" => SetDisksActive(op, dry, false),
            "OP_INSTANCE_REPLACE_DISKS" => ReplaceDisks(op, dry),
            "OP_INSTANCE_RECREATE_DISKS" => RecreateDisks(op, dry),
            "OP_BACKUP_PREPARE" => PrepareExport(op),
            "OP_BACKUP_EXPORT" => Export(op, dry),
            _ => ExecuteOther(id, op, dry, log),
        };
    }

    private Instance RequireInstance(JsonObject op) =>
        cluster.Instance(Str(op, "instance_name") ?? "") ?? throw OpFailure.Prereq($"Instance '{Str(op, "instance_name")}' not known", "unknown_entity");

    private Node RequireNode(string? name) =>
        cluster.Node(name ?? "") ?? throw OpFailure.Prereq($"Node '{name}' not known", "unknown_entity");

    private JsonNode? CreateInstance(JsonObject op, bool dry, List<string> log)
    {
        var name = Str(op, "instance_name")!;
        if (cluster.Instance(name) is not null) throw OpFailure.Exists($"Instance '{name}' is already in the cluster");
        var mode = Str(op, "mode");
        if (mode != "create") throw OpFailure.Input($"Invalid instance creation mode '{mode}'");
        var template = Str(op, "disk_template") ?? "plain";
        var enabled = cluster.Config.Parameters["enabled_disk_templates"] as JsonArray;
        if (enabled is not null && !enabled.Any(t => t?.GetValue<string>() == template))
            throw OpFailure.State($"Cannot create an instance with disk template '{template}', as it is not enabled in the cluster. Enabled disk templates are: {string.Join(",", enabled)}");
        var beparams = op["beparams"] as JsonObject ?? [];
        var be = NormalizeBeParams(beparams);
        var memory = be.TryGetPropertyValue("maxmem", out var mm) && mm is not null ? (int)mm.Num() : ClusterIndex.BeInt(cluster, new Instance(), "maxmem");
        if (memory < 0 && !faults.Has(FaultIds.NegativeMemoryAccepted)) throw OpFailure.Input($"Invalid memory size {memory}: must be positive");
        var nics = op["nics"] as JsonArray ?? [];
        var disks = op["disks"] as JsonArray ?? [];
        var pnodeName = Str(op, "pnode");
        Node pnode;
        if (pnodeName is null)
        {
            pnode = cluster.Nodes.Where(n => !n.Offline && !n.Drained && n.VmCapable)
                .OrderByDescending(n => n.MemoryTotal - n.MemoryNode - cluster.Index.MemoryUsed(n.Name)).FirstOrDefault()
                ?? throw OpFailure.NoResources("Can't compute nodes using iallocator 'hail': no online node can host the instance");
        }
        else
        {
            pnode = RequireNode(pnodeName);
        }
        if (pnode.Offline) throw OpFailure.State($"Cannot use offline primary node '{pnode.Name}'");
        if (pnode.Drained) throw OpFailure.State($"Cannot use drained primary node '{pnode.Name}'");
        var group = cluster.GroupByUuid(pnode.GroupUuid);
        var nicCount = nics.Count;
        if (nicCount is < 1 or > 8)
            throw OpFailure.Input($"Instance allocation to group {pnode.GroupUuid} ({group?.Name}) violates policy: nic-count value {nicCount} is not in range [1, 8]");
        var sizes = new List<int>();
        foreach (var disk in disks)
        {
            var size = disk?["size"];
            if (size is null) throw OpFailure.Input("Missing disk size");
            sizes.Add((int)size.Num());
        }
        if (template != "diskless" && sizes.Count == 0 && false) throw OpFailure.Input("No disks");
        if (sizes.Any(s => s <= 0)) throw OpFailure.Input($"Invalid disk size '{sizes.First(s => s <= 0)}'");
        Node? snode = null;
        if (template == "drbd")
        {
            snode = Str(op, "snode") is { } sn ? RequireNode(sn)
                : cluster.Nodes.Where(n => n != pnode && n.GroupUuid == pnode.GroupUuid && !n.Offline && !n.Drained)
                    .OrderByDescending(n => n.DiskTotal - cluster.Index.DiskUsed(n.Name)).FirstOrDefault();
            if (snode is null) throw OpFailure.Input("The networked disk templates need a mirror node");
            if (snode == pnode) throw OpFailure.Input("The secondary node cannot be the primary node");
        }
        var usage = template is "plain" or "drbd" ? sizes.Sum() + (template == "drbd" ? 128 * sizes.Count : 0) : 0;
        foreach (var n in new[] { pnode, snode }.OfType<Node>())
        {
            var free = n.DiskTotal - cluster.Index.DiskUsed(n.Name);
            if (usage > free)
                throw OpFailure.NoResources($"Not enough disk space on target node {n.Name} vg xenvg: required {usage} MiB, available {free} MiB");
        }
        var start = op["start"] is not JsonValue sv || sv.GetValue<bool>();
        if (start)
        {
            var free = pnode.MemoryTotal - pnode.MemoryNode - cluster.Index.MemoryUsed(pnode.Name);
            if (memory > free)
                throw OpFailure.NoResources($"Not enough memory on node {pnode.Name} for starting instance {name}: needed {memory} MiB, available {free} MiB");
        }
        if (dry) return null;
        log.Add("* creating instance disks...");
        log.Add($"adding instance {name} to cluster config");
        var now = cluster.Now;
        var instance = new Instance
        {
            Name = name,
            Uuid = ClusterGenerator.Uuid(_rng),
            Os = Str(op, "os_type") ?? "debootstrap+default",
            PrimaryNode = pnode.Name,
            SecondaryNodes = snode is null ? [] : [snode.Name],
            DiskTemplate = template,
            Disks = sizes.Select((s, k) => new Disk { Size = s, Uuid = ClusterGenerator.Uuid(_rng), Name = Str(disks[k] as JsonObject, "name") }).ToList(),
            Nics = nics.Select(n => MakeNic(n as JsonObject ?? [])).ToList(),
            BeParams = be,
            HvParams = (JsonObject)(op["hvparams"]?.DeepClone() ?? new JsonObject()),
            OsParams = (JsonObject)(op["osparams"]?.DeepClone() ?? new JsonObject()),
            AdminState = start ? "up" : "down",
            Hypervisor = Str(op, "hypervisor") ?? "fake",
            Tags = (op["tags"] as JsonArray)?.Select(t => t!.GetValue<string>()).ToList() ?? [],
            Ctime = now,
            Mtime = now,
            Serial = 1,
        };
        cluster.Add(instance);
        if (start) log.Add("* starting instance...");
        return new JsonArray(instance.AllNodes.Select(n => (JsonNode)n).ToArray());
    }

    private Nic MakeNic(JsonObject n)
    {
        string? networkUuid = null;
        var mode = Str(n, "mode") ?? "routed";
        var link = Str(n, "link") ?? "lo";
        if (Str(n, "network") is { } netName)
        {
            var net = cluster.Network(netName) ?? cluster.NetworkByUuid(netName) ?? throw OpFailure.NoEntity("Network", netName);
            networkUuid = net.Uuid;
        }
        var ip = Str(n, "ip");
        if (ip is not null && cluster.Instances.Any(i => i.Nics.Any(x => x.Ip == ip && x.Network == networkUuid) && networkUuid is not null))
            throw OpFailure.Prereq($"IP address {ip} already in use or does not belong to network", "resource_not_unique");
        return new Nic
        {
            Mac = Str(n, "mac") is { } mac && mac is not ("auto" or "generate") ? mac : ClusterGenerator.Mac(_rng),
            Ip = ip,
            Mode = mode,
            Link = link,
            Uuid = ClusterGenerator.Uuid(_rng),
            Name = Str(n, "name"),
            Network = networkUuid,
            Vlan = Str(n, "vlan") ?? "",
        };
    }

    /// <summary>
    /// utils.ForceDictType over BES_PARAMETER_TYPES, as LUInstanceSetParams/LUInstanceCreate run it: sizes (maxmem,
    /// minmem, memory) go through utils.ParseUnit (a number or a string such as "1.5G"; rounded up to whole MiB and
    /// to a multiple of 4), vcpus through int(); anything else fails with TypeEnforcementError and Ganeti's words
    /// (seen on a live 3.0.2). null stays null (a reset to the default). "memory" sets maxmem and minmem.
    /// </summary>
    private JsonObject NormalizeBeParams(JsonObject beparams)
    {
        var be = (JsonObject)beparams.DeepClone();
        foreach (var key in new[] { "memory", "maxmem", "minmem" })
        {
            if (be[key] is not JsonValue v) continue;
            if (v.GetValueKind() == System.Text.Json.JsonValueKind.Number && v.Num() < 0 && faults.Has(FaultIds.NegativeMemoryAccepted)) continue;
            be[key] = ParseUnit(key, v);
        }
        if (be[("vcpus")] is JsonValue cpus) be["vcpus"] = PythonInt("vcpus", cpus);
        foreach (var key in new[] { "memory", "maxmem", "minmem", "vcpus" })
            if (be.ContainsKey(key) && be[key] is not null and not JsonValue)
                throw new OpFailure("TypeEnforcementError", $"'{key}' (value {PythonStr(be[key])}) is not a valid {(key == "vcpus" ? "integer" : "size. error: Invalid format")}", null);
        if (be.TryGetPropertyValue("memory", out var memory))
        {
            be.Remove("memory");
            be["maxmem"] = memory?.DeepClone();
            be["minmem"] = memory?.DeepClone();
        }
        return be;
    }

    private static long ParseUnit(string key, JsonValue value)
    {
        var text = value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : PythonStr(value);
        // Python's json reads 1e400 as float inf, whose str() is "inf": Ganeti's ParseUnit finds no number in it.
        if (value.GetValueKind() == System.Text.Json.JsonValueKind.Number && !double.IsFinite(value.Num())) text = value.Num() > 0 ? "inf" : "-inf";
        var m = System.Text.RegularExpressions.Regex.Match(text, @"^([.\d]+)\s*([a-zA-Z]+)?$");
        if (!m.Success || !double.TryParse(m.Groups[1].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var size))
            throw new OpFailure("TypeEnforcementError", $"'{key}' (value {text}) is not a valid size. error: Invalid format", null);
        var unit = m.Groups[2].Success ? m.Groups[2].Value.ToLowerInvariant() : "m";
        size *= unit switch
        {
            "m" or "mb" or "mib" => 1,
            "g" or "gb" or "gib" => 1024,
            "t" or "tb" or "tib" => 1024 * 1024,
            _ => throw new OpFailure("TypeEnforcementError", $"'{key}' (value {text}) is not a valid size. error: Unknown unit: {m.Groups[2].Value}", null),
        };
        // Python keeps any size (ints have no bound); the reference server stores 64 bits and refuses beyond.
        if (!double.IsFinite(size) || Math.Ceiling(size) >= 9.2233720368547758E18 - 4096)
            throw new OpFailure("TypeEnforcementError", $"'{key}' (value {text}) is not a valid size. error: larger than the reference server's 64-bit limit", null);
        var whole = (long)Math.Ceiling(size);
        return whole % 4 == 0 ? whole : whole + 4 - whole % 4;
    }

    private static long PythonInt(string key, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case System.Text.Json.JsonValueKind.Number:
            {
                // Python's int(): exact for ints, truncating for floats; int(inf) fails. Beyond 64 bits the
                // reference server refuses what Python would keep (documented in docs/server.md).
                if (value.TryInteger(out var exact)) return exact;
                var d = value.Num();
                if (!double.IsFinite(d) || Math.Abs(Math.Truncate(d)) >= 9.2233720368547758E18 || !value.ToJsonString().AsSpan().ContainsAny(".eE"))
                    throw new OpFailure("TypeEnforcementError", $"'{key}' (value {(double.IsFinite(d) ? value.ToJsonString() : d > 0 ? "inf" : "-inf")}) is not a valid integer", null);
                return (long)Math.Truncate(d);
            }
            case System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False:
                return value.GetValue<bool>() ? 1 : 0;
            case System.Text.Json.JsonValueKind.String when long.TryParse(value.GetValue<string>().Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n):
                return n;
            default:
                throw new OpFailure("TypeEnforcementError", $"'{key}' (value {PythonStr(value)}) is not a valid integer", null);
        }
    }

    /// <summary>Python's str() of a JSON value, as Ganeti's messages show it.</summary>
    private static string PythonStr(JsonNode? node) => node switch
    {
        null => "None",
        JsonObject o => "{" + string.Join(", ", o.Select(p => $"'{p.Key}': {PythonRepr(p.Value)}")) + "}",
        JsonArray a => "[" + string.Join(", ", a.Select(PythonRepr)) + "]",
        JsonValue v => v.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
            System.Text.Json.JsonValueKind.True => "True",
            System.Text.Json.JsonValueKind.False => "False",
            _ => v.ToJsonString(),
        },
        _ => node.ToJsonString(),
    };

    private static string PythonRepr(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? $"'{v.GetValue<string>()}'" : PythonStr(node);

    private JsonNode? MultiAlloc(JsonObject op, bool dry, List<string> log)
    {
        var jobs = new JsonArray();
        // Arguments are checked for every instance before any is allocated.
        foreach (var inst in op["instances"] as JsonArray ?? [])
            if (inst?["beparams"] is JsonObject be) NormalizeBeParams(be);
        foreach (var inst in op["instances"] as JsonArray ?? [])
        {
            if (inst is not JsonObject spec) continue;
            var copy = (JsonObject)spec.DeepClone();
            copy["OP_ID"] = "OP_INSTANCE_CREATE";
            copy["dry_run"] = dry;
            try
            {
                CreateInstance(copy, dry, log);
                jobs.Add(new JsonArray(true, Str(copy, "instance_name")));
            }
            catch (OpFailure f)
            {
                jobs.Add(new JsonArray(false, f.Message));
            }
        }
        return new JsonObject { ["jobs"] = jobs };
    }

    private JsonNode? RemoveInstance(JsonObject op, bool dry)
    {
        var i = RequireInstance(op);
        if (!dry) cluster.Remove(i);
        return null;
    }

    private JsonNode? Startup(JsonObject op, bool dry)
    {
        var i = RequireInstance(op);
        var node = RequireNode(i.PrimaryNode);
        if (i.AdminState == "offline") throw OpFailure.State($"Instance '{i.Name}' is marked to be offline");
        if (node.Offline) throw OpFailure.State($"Cannot start instance '{i.Name}': its primary node {node.Name} is offline");
        if (i.AdminState != "up")
        {
            var free = node.MemoryTotal - node.MemoryNode - cluster.Index.MemoryUsed(node.Name);
            var need = ClusterIndex.BeInt(cluster, i, "maxmem");
            if (need > free && Bool(op, "force") != true)
                throw OpFailure.NoResources($"Not enough memory on node {node.Name} for starting instance {i.Name}: needed {need} MiB, available {free} MiB");
        }
        if (!dry && i.AdminState != "up")
        {
            i.AdminState = "up";
            i.AdminStateSource = "admin";
            cluster.Touch(i);
        }
        return null;
    }

    private JsonNode? Shutdown(JsonObject op, bool dry)
    {
        var i = RequireInstance(op);
        if (i.AdminState == "offline") throw OpFailure.State($"Instance '{i.Name}' is marked to be offline");
        if (!dry && i.AdminState != "down")
        {
            i.AdminState = "down";
            i.AdminStateSource = Str(op, "admin_state_source") ?? "admin";
            cluster.Touch(i);
        }
        return null;
    }

    private JsonNode? Reboot(JsonObject op)
    {
        var i = RequireInstance(op);
        if (i.AdminState != "up") throw OpFailure.State($"Instance {i.Name} is not running");
        if (cluster.Node(i.PrimaryNode) is { Offline: true }) throw OpFailure.State($"Instance {i.Name}'s primary node is offline");
        return null;
    }
}
