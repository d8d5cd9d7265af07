using System.Text.Json.Nodes;
using RapiConformance.Server.Cluster;
using RapiConformance.Server.Http;

namespace RapiConformance.Server.Handlers;

/// <summary>Operations that read the cluster without a job.</summary>
public static class ReadHandlers
{
    private static readonly string[] Features = ["node-migrate-reqv1", "instance-reinstall-reqv1", "instance-create-reqv1", "node-evac-res1"];

    public static void Register(HandlerRegistry r, RapiServices s)
    {
        var lists = new EntityLists(s);
        var c = s.Cluster;
        r.Add("getRoot", _ => RapiResult.Json(null));
        r.Add("getApiRoot", _ => RapiResult.Json(null));
        r.Add("getVersion", _ => RapiResult.Json(2));
        // The 2.5 documents know only the first two request formats.
        var features = s.Profile == Spec.Profile.V3_0 ? Features : ["instance-create-reqv1", "instance-reinstall-reqv1"];
        r.Add("getFeatures", _ => RapiResult.Json(new JsonArray(features.Select(f => (JsonNode)f).ToArray())));
        r.Add("getOperatingSystems", _ => RapiResult.Json(Locked(c, () => new JsonArray(c.Config.OperatingSystems.Select(os => (JsonNode)os).ToArray()))));
        r.Add("getClusterInfo", _ =>
        {
            lock (c.Sync)
            {
                var info = (JsonObject)c.Config.Parameters.DeepClone();
                info["name"] = c.Config.Name;
                info["master"] = c.Config.Master;
                info["uuid"] = c.Config.Uuid;
                info["ctime"] = c.Config.Ctime;
                info["mtime"] = c.Config.Mtime;
                info["tags"] = new JsonArray(c.Config.Tags.Select(t => (JsonNode)t).ToArray());
                info["vg_name"] = info["volume_group_name"]?.DeepClone();
                info["drbd_helper"] = info["drbd_usermode_helper"]?.DeepClone();
                return RapiResult.Json(info);
            }
        });

        r.Add("listInstances", req => lists.List("instances", req.IsSet("bulk")));
        r.Add("listNodes", req => lists.List("nodes", req.IsSet("bulk")));
        r.Add("listGroups", req => lists.List("groups", req.IsSet("bulk")));
        r.Add("listNetworks", req => lists.List("networks", req.IsSet("bulk")));
        r.Add("listFilters", req => lists.List("filters", req.IsSet("bulk")));
        r.Add("getInstance", req => lists.One(Locked(c, () => c.Instance(req["instance_name"]))));
        r.Add("getNode", req => lists.One(Locked(c, () => c.Node(req["node_name"])), single: true));
        r.Add("getGroup", req => lists.One(Locked(c, () => c.Group(req["group_name"]))));
        r.Add("getNetwork", req => lists.One(Locked(c, () => c.Network(req["network_name"]))));
        r.Add("getFilter", req => lists.One(Locked(c, () => c.Filter(req["filter_uuid"]))));
        r.Add("getNodeRole", req =>
        {
            var node = Locked(c, () => c.Node(req["node_name"])) ?? throw new RapiException(404);
            return RapiResult.Json(node.RoleWord);
        });

        r.Add("getClusterTags", _ => Tags(c, c.Config));
        r.Add("getInstanceTags", req => Tags(c, Locked(c, () => c.Instance(req["instance_name"]))));
        r.Add("getNodeTags", req => Tags(c, Locked(c, () => c.Node(req["node_name"]))));
        r.Add("getGroupTags", req => Tags(c, Locked(c, () => c.Group(req["group_name"]))));
        r.Add("getNetworkTags", req => Tags(c, Locked(c, () => c.Network(req["network_name"]))));

        r.Add("getInstanceConsole", req =>
        {
            var i = Locked(c, () => c.Instance(req["instance_name"])) ?? throw new RapiException(404);
            lock (c.Sync)
            {
                if (EntityJson.InstanceStatus(c, i) != "running") throw new RapiException(503, $"Instance console unavailable");
                return RapiResult.Json(new JsonObject
                {
                    ["instance"] = i.Name,
                    ["kind"] = "msg",
                    ["message"] = "Console not available for fake hypervisor",
                });
            }
        });
    }

    private static T? Locked<T>(ClusterState c, Func<T?> read)
    {
        lock (c.Sync) return read();
    }

    private static RapiResult Tags(ClusterState c, Entity? e)
    {
        if (e is null) throw new RapiException(404);
        lock (c.Sync) return RapiResult.Json(new JsonArray(e.Tags.Select(t => (JsonNode)t).ToArray()));
    }
}
