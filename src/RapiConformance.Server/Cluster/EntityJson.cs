using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RapiConformance.Server.Cluster;

/// <summary>
/// The RAPI JSON of each entity (I_FIELDS, N_FIELDS, G_FIELDS, NET_FIELDS, FILTER_RULE_FIELDS), cached per
/// entity as UTF-8 bytes until the entity, or something it shows, changes. Call under the cluster lock.
/// </summary>
public static class EntityJson
{
    public static byte[] Of(ClusterState cluster, Entity e, bool single = false)
    {
        if (single && e is Node n) return Build(w => WriteNode(w, cluster, n, true));
        if (e.CachedJson is { } cached) return cached;
        var bytes = Build(w => Write(w, cluster, e));
        e.CachedJson = bytes;
        return bytes;
    }

    public static byte[] Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(w);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter w, ClusterState c, Entity e)
    {
        switch (e)
        {
            case Instance i: WriteInstance(w, c, i); break;
            case Node n: WriteNode(w, c, n, false); break;
            case NodeGroup g: WriteGroup(w, c, g); break;
            case Network n: WriteNetwork(w, c, n); break;
            case Filter f: WriteFilter(w, f); break;
            default: throw new ArgumentException(e.Kind.ToString());
        }
    }

    public static string InstanceStatus(ClusterState c, Instance i)
    {
        var node = c.Node(i.PrimaryNode);
        if (i.AdminState == "offline") return "ADMIN_offline";
        if (node is { Offline: true }) return "ERROR_nodeoffline";
        if (node is { Powered: false }) return "ERROR_nodedown";
        return i.AdminState == "up" ? "running" : "ADMIN_down";
    }

    private static void WriteInstance(Utf8JsonWriter w, ClusterState c, Instance i)
    {
        var status = InstanceStatus(c, i);
        var running = status == "running";
        var nodeOffline = status is "ERROR_nodeoffline" or "ERROR_nodedown";
        w.WriteStartObject();
        w.WriteString("name", i.Name);
        if (c.LegacyShapes) w.WriteBoolean("admin_state", i.AdminState == "up");
        else w.WriteString("admin_state", i.AdminState);
        w.WriteString("os", i.Os);
        w.WriteString("pnode", i.PrimaryNode);
        Strings(w, "snodes", i.SecondaryNodes);
        w.WriteString("disk_template", i.DiskTemplate);
        Strings(w, "nic.ips", i.Nics.Select(n => n.Ip));
        Strings(w, "nic.macs", i.Nics.Select(n => n.Mac));
        Strings(w, "nic.modes", i.Nics.Select(n => n.Mode));
        Strings(w, "nic.uuids", i.Nics.Select(n => n.Uuid));
        Strings(w, "nic.names", i.Nics.Select(n => n.Name));
        Strings(w, "nic.links", i.Nics.Select(n => n.Link));
        Strings(w, "nic.networks", i.Nics.Select(n => n.Network));
        Strings(w, "nic.networks.names", i.Nics.Select(n => n.Network is null ? null : c.NetworkByUuid(n.Network)?.Name));
        Strings(w, "nic.bridges", i.Nics.Select(n => n.Mode == "bridged" ? n.Link : null));
        if (i.NetworkPort is { } port) w.WriteNumber("network_port", port); else w.WriteNull("network_port");
        w.WriteStartArray("disk.sizes");
        foreach (var d in i.Disks) w.WriteNumberValue(d.Size);
        w.WriteEndArray();
        w.WriteStartArray("disk.spindles");
        foreach (var d in i.Disks) if (d.Spindles is { } s) w.WriteNumberValue(s); else w.WriteNullValue();
        w.WriteEndArray();
        w.WriteNumber("disk_usage", i.DiskUsage);
        Strings(w, "disk.uuids", i.Disks.Select(d => d.Uuid));
        Strings(w, "disk.names", i.Disks.Select(d => d.Name));
        w.WritePropertyName("beparams");
        MergedBeParams(c, i).WriteTo(w);
        w.WritePropertyName("hvparams");
        i.HvParams.WriteTo(w);
        if (nodeOffline) w.WriteNull("oper_state"); else w.WriteBoolean("oper_state", running);
        if (running)
        {
            w.WriteNumber("oper_ram", ClusterIndex.BeInt(c, i, "maxmem"));
            w.WriteNumber("oper_vcpus", ClusterIndex.BeInt(c, i, "vcpus"));
        }
        else
        {
            w.WriteNull("oper_ram");
            w.WriteNull("oper_vcpus");
        }
        w.WriteString("status", status);
        w.WritePropertyName("custom_hvparams");
        i.HvParams.WriteTo(w);
        w.WritePropertyName("custom_beparams");
        i.BeParams.WriteTo(w);
        w.WriteStartArray("custom_nicparams");
        foreach (var n in i.Nics)
        {
            w.WriteStartObject();
            w.WriteString("mode", n.Mode);
            w.WriteString("link", n.Link);
            // Ganeti copies a network connection's nicparams (mode, link, vlan) into a NIC on a network,
            // so such a NIC lists "vlan" even when it is empty; other NICs list it only when it was given.
            if (n.Vlan.Length > 0 || n.Network is not null) w.WriteString("vlan", n.Vlan);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Common(w, i);
        w.WriteEndObject();
    }

    public static JsonObject MergedBeParams(ClusterState c, Instance i)
    {
        var merged = (JsonObject)(c.Config.Parameters["beparams"]?["default"]?.DeepClone() ?? new JsonObject());
        foreach (var (k, v) in i.BeParams) merged[k] = v?.DeepClone();
        merged["memory"] = merged["maxmem"]?.DeepClone();
        return merged;
    }

    private static void WriteNode(Utf8JsonWriter w, ClusterState c, Node n, bool single)
    {
        var idx = c.Index;
        var live = !n.Offline && n.Powered;
        w.WriteStartObject();
        w.WriteString("name", n.Name);
        w.WriteBoolean("offline", n.Offline);
        w.WriteBoolean("master_candidate", n.MasterCandidate || n.IsMaster);
        w.WriteBoolean("drained", n.Drained);
        var storage = live && c.ReportsNodeStorage;
        Live(w, "dtotal", storage, n.DiskTotal);
        Live(w, "dfree", storage, n.DiskTotal - idx.DiskUsed(n.Name));
        Live(w, "sptotal", storage, n.SpindlesTotal);
        Live(w, "spfree", storage, n.SpindlesTotal - idx.SpindlesUsed(n.Name));
        Live(w, "mtotal", live, n.MemoryTotal);
        Live(w, "mnode", live, n.MemoryNode);
        Live(w, "mfree", live, n.MemoryTotal - n.MemoryNode - idx.MemoryUsed(n.Name));
        w.WriteNumber("pinst_cnt", idx.PrimaryInstances(n.Name).Count);
        w.WriteNumber("sinst_cnt", idx.SecondaryInstances(n.Name).Count);
        Live(w, "ctotal", live, n.Cpus);
        Live(w, "cnos", live, Math.Max(1, n.Cpus / 8));
        Live(w, "cnodes", live, 1);
        Live(w, "csockets", live, n.CpuSockets);
        w.WriteString("pip", n.PrimaryIp);
        w.WriteString("sip", n.SecondaryIp);
        w.WriteString("role", n.RoleLetter);
        Strings(w, "pinst_list", idx.PrimaryInstances(n.Name));
        Strings(w, "sinst_list", idx.SecondaryInstances(n.Name));
        w.WriteBoolean("master_capable", n.MasterCapable);
        w.WriteBoolean("vm_capable", n.VmCapable);
        w.WritePropertyName("ndparams");
        Merge(c.Config.Parameters["ndparams"] as JsonObject, n.NdParams).WriteTo(w);
        w.WriteString("group.uuid", n.GroupUuid);
        Common(w, n);
        if (single) w.WriteString("secondary_ip", n.SecondaryIp);
        w.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter w, ClusterState c, NodeGroup g)
    {
        w.WriteStartObject();
        w.WriteString("alloc_policy", g.AllocPolicy);
        w.WriteString("name", g.Name);
        var nodes = c.Index.GroupNodes(g.Uuid);
        w.WriteNumber("node_cnt", nodes.Count);
        Strings(w, "node_list", nodes);
        w.WritePropertyName("ipolicy");
        Merge(c.Config.Parameters["ipolicy"] as JsonObject, g.CustomIpolicy).WriteTo(w);
        w.WritePropertyName("custom_ipolicy");
        g.CustomIpolicy.WriteTo(w);
        w.WritePropertyName("diskparams");
        Merge(c.Config.Parameters["diskparams"] as JsonObject, g.CustomDiskParams).WriteTo(w);
        w.WritePropertyName("custom_diskparams");
        g.CustomDiskParams.WriteTo(w);
        w.WritePropertyName("ndparams");
        Merge(c.Config.Parameters["ndparams"] as JsonObject, g.CustomNdParams).WriteTo(w);
        w.WritePropertyName("custom_ndparams");
        g.CustomNdParams.WriteTo(w);
        Common(w, g);
        w.WriteEndObject();
    }

    private static void WriteNetwork(Utf8JsonWriter w, ClusterState c, Network n)
    {
        var size = NetworkSize(n.Subnet);
        var reserved = n.ExternalReservations.Count;
        var used = c.Index.IpsUsed(n.Uuid);
        w.WriteStartObject();
        w.WriteString("name", n.Name);
        w.WriteString("network", n.Subnet);
        NullableString(w, "gateway", n.Gateway);
        NullableString(w, "network6", n.Subnet6);
        NullableString(w, "gateway6", n.Gateway6);
        NullableString(w, "mac_prefix", n.MacPrefix);
        w.WriteNumber("free_count", Math.Max(0, size - reserved - used));
        w.WriteNumber("reserved_count", reserved + used);
        w.WriteString("map", NetworkMap(n, size, used));
        w.WriteStartArray("group_list");
        foreach (var link in n.Groups)
        {
            w.WriteStartArray();
            w.WriteStringValue(c.GroupByUuid(link.GroupUuid)?.Name ?? link.GroupUuid);
            w.WriteStringValue(link.Mode);
            w.WriteStringValue(link.Link);
            w.WriteStringValue(link.Vlan);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        Strings(w, "inst_list", c.Index.NetworkInstances(n.Uuid));
        w.WriteString("external_reservations", string.Join(", ", n.ExternalReservations));
        Common(w, n);
        w.WriteEndObject();
    }

    private static void WriteFilter(Utf8JsonWriter w, Filter f)
    {
        w.WriteStartObject();
        w.WriteNumber("watermark", f.Watermark);
        w.WriteNumber("priority", f.Priority);
        w.WritePropertyName("predicates");
        f.Predicates.WriteTo(w);
        w.WritePropertyName("action");
        if (f.Action is null) w.WriteNullValue(); else f.Action.WriteTo(w);
        w.WritePropertyName("reason_trail");
        f.ReasonTrail.WriteTo(w);
        w.WriteString("uuid", f.Uuid);
        w.WriteEndObject();
    }

    public static int NetworkSize(string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !int.TryParse(cidr[(slash + 1)..], out var bits) || bits is < 16 or > 30) return 0;
        return 1 << (32 - bits);
    }

    private static string NetworkMap(Network n, int size, int used)
    {
        var map = new char[size];
        Array.Fill(map, '.');
        // Reserved addresses at the start (network, gateway, extra) and the broadcast at the end, then used ones.
        var reservedAtStart = Math.Max(0, n.ExternalReservations.Count - 1);
        for (var k = 0; k < Math.Min(size, reservedAtStart + used); k++) map[k] = 'X';
        if (size > 0 && n.ExternalReservations.Count > 0) map[size - 1] = 'X';
        return new string(map);
    }

    private static JsonObject Merge(JsonObject? baseObj, JsonObject custom)
    {
        var merged = (JsonObject)(baseObj?.DeepClone() ?? new JsonObject());
        foreach (var (k, v) in custom) merged[k] = v?.DeepClone();
        return merged;
    }

    private static void Common(Utf8JsonWriter w, Entity e)
    {
        w.WriteNumber("ctime", e.Ctime);
        w.WriteNumber("mtime", e.Mtime);
        w.WriteString("uuid", e.Uuid);
        w.WriteNumber("serial_no", e.Serial);
        Strings(w, "tags", e.Tags);
    }

    private static void Live(Utf8JsonWriter w, string name, bool live, int value)
    {
        if (live) w.WriteNumber(name, value); else w.WriteNull(name);
    }

    private static void NullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string?> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) if (v is null) w.WriteNullValue(); else w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
