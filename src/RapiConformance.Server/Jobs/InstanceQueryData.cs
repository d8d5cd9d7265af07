using System.Text.Json.Nodes;
using RapiConformance.Server.Cluster;

namespace RapiConformance.Server.Jobs;

/// <summary>
/// One instance's entry of the OP_INSTANCE_QUERY_DATA result, with the members Ganeti 3.0's
/// LUInstanceQueryData gives: the node groups of the primary and secondary nodes, the custom parameters
/// (<c>*_instance</c>) beside the filled ones (<c>*_actual</c>), the serial number, and each NIC as the
/// hooks tuple <c>[name, uuid, ip, mac, mode, link, vlan, network uuid, network dict or null]</c>.
/// </summary>
public static class InstanceQueryData
{
    public static JsonObject Build(ClusterState cluster, Instance i)
    {
        var pnode = cluster.Node(i.PrimaryNode);
        var snodeGroups = i.SecondaryNodes.Select(s => cluster.Node(s)?.GroupUuid ?? "").ToList();
        // FillBE gives the backend parameters only; "memory" is an alias of the query layer, not of the LU.
        var beActual = EntityJson.MergedBeParams(cluster, i);
        beActual.Remove("memory");
        return new JsonObject
        {
            ["name"] = i.Name,
            ["config_state"] = i.AdminState,
            ["run_state"] = EntityJson.InstanceStatus(cluster, i) == "running" ? "up" : "down",
            ["pnode"] = i.PrimaryNode,
            ["pnode_group_uuid"] = pnode?.GroupUuid,
            ["pnode_group_name"] = pnode is null ? null : cluster.GroupByUuid(pnode.GroupUuid)?.Name,
            ["snodes"] = new JsonArray(i.SecondaryNodes.Select(s => (JsonNode)s).ToArray()),
            ["snodes_group_uuids"] = new JsonArray(snodeGroups.Select(g => (JsonNode)g).ToArray()),
            ["snodes_group_names"] = new JsonArray(snodeGroups.Select(g => (JsonNode?)cluster.GroupByUuid(g)?.Name).ToArray()),
            ["os"] = i.Os,
            ["nics"] = new JsonArray(i.Nics.Select(n => (JsonNode)NicTuple(cluster, n)).ToArray()),
            ["disk_template"] = i.DiskTemplate,
            ["disks"] = new JsonArray(i.Disks.Select(d => (JsonNode)new JsonObject { ["size"] = d.Size, ["uuid"] = d.Uuid, ["mode"] = d.Mode }).ToArray()),
            ["hypervisor"] = i.Hypervisor,
            ["network_port"] = i.NetworkPort,
            ["hv_instance"] = i.HvParams.DeepClone(),
            ["hv_actual"] = FilledHv(cluster, i),
            ["be_instance"] = i.BeParams.DeepClone(),
            ["be_actual"] = beActual,
            ["os_instance"] = i.OsParams.DeepClone(),
            ["os_actual"] = i.OsParams.DeepClone(),
            ["serial_no"] = i.Serial,
            ["mtime"] = i.Mtime,
            ["ctime"] = i.Ctime,
            ["uuid"] = i.Uuid,
        };
    }

    /// <summary>Ganeti's FillHV with skip_globals: cluster defaults of the hypervisor, then the instance's own
    /// values, without the cluster-global parameters (HVC_GLOBALS).</summary>
    private static JsonObject FilledHv(ClusterState cluster, Instance i)
    {
        var filled = (JsonObject)(cluster.Config.Parameters["hvparams"]?[i.Hypervisor]?.DeepClone() ?? new JsonObject());
        foreach (var (k, v) in i.HvParams) filled[k] = v?.DeepClone();
        foreach (var global in new[] { "migration_bandwidth", "migration_mode", "migration_port", "xen_cmd" }) filled.Remove(global);
        return filled;
    }

    private static JsonArray NicTuple(ClusterState cluster, Nic n)
    {
        var network = n.Network is null ? null : cluster.NetworkByUuid(n.Network);
        return new JsonArray(n.Name, n.Uuid, n.Ip, n.Mac, n.Mode, n.Link, n.Vlan, n.Network, network is null ? null : NetworkDict(network));
    }

    /// <summary>The members of Ganeti's Network.ToDict (reservation bitmaps as '0'/'1' strings).</summary>
    private static JsonObject NetworkDict(Network n)
    {
        var size = EntityJson.NetworkSize(n.Subnet);
        return new JsonObject
        {
            ["name"] = n.Name,
            ["mac_prefix"] = n.MacPrefix,
            ["network"] = n.Subnet,
            ["network6"] = n.Subnet6,
            ["gateway"] = n.Gateway,
            ["gateway6"] = n.Gateway6,
            ["reservations"] = new string('0', size),
            ["ext_reservations"] = new string('0', size),
            ["tags"] = new JsonArray(n.Tags.Select(t => (JsonNode)t).ToArray()),
            ["serial_no"] = n.Serial,
            ["ctime"] = n.Ctime,
            ["mtime"] = n.Mtime,
            ["uuid"] = n.Uuid,
        };
    }
}
