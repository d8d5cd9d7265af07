using System.Text;
using System.Text.Json.Nodes;
using RapiConformance.Server.Cluster;
using RapiConformance.Server.Faults;
using RapiConformance.Server.Http;

namespace RapiConformance.Server.Handlers;

/// <summary>
/// The plain and bulk lists of a collection, from each entity's cached JSON bytes; the plain list's pieces are
/// cached per cluster generation, so an unchanged 10,000-instance cluster is never re-serialised.
/// </summary>
public sealed class EntityLists(RapiServices services)
{
    private readonly Dictionary<string, (long Generation, List<byte[]> Items)> _plain = new(StringComparer.Ordinal);

    public RapiResult List(string kind, bool bulk)
    {
        var cluster = services.Cluster;
        List<byte[]> items;
        lock (cluster.Sync)
        {
            var entities = Entities(kind);
            if (bulk)
            {
                items = new List<byte[]>(entities.Count);
                foreach (var e in entities) items.Add(EntityJson.Of(cluster, e));
            }
            else if (_plain.TryGetValue(kind, out var cached) && cached.Generation == cluster.Generation)
            {
                items = cached.Items;
            }
            else
            {
                var (key, prefix) = kind switch
                {
                    "instances" => ("id", "/2/instances/"),
                    "nodes" => ("id", "/2/nodes/"),
                    "groups" => ("name", "/2/groups/"),
                    "networks" => ("name", "/2/networks/"),
                    _ => ("uuid", "/2/filters/"),
                };
                items = entities.Select(e =>
                {
                    var id = kind == "filters" ? e.Uuid : e.Name;
                    return Encoding.UTF8.GetBytes(new JsonObject { [key] = id, ["uri"] = prefix + id }.ToJsonString(JsonOptions.Relaxed));
                }).ToList();
                _plain[kind] = (cluster.Generation, items);
            }
        }
        if (services.Faults.Any && bulk) items = ApplyFaults(kind, items);
        return RapiResult.Array(items);
    }

    public RapiResult One(Entity? e, bool single = false)
    {
        if (e is null) throw new RapiException(404);
        byte[] bytes;
        lock (services.Cluster.Sync) bytes = EntityJson.Of(services.Cluster, e, single);
        if (services.Faults.Any) bytes = ApplyFaults(e.Kind == EntityKind.Instance ? "instances" : e.Kind == EntityKind.Node ? "nodes" : "", [bytes])[0];
        return RapiResult.Raw(bytes);
    }

    private IReadOnlyList<Entity> Entities(string kind) => kind switch
    {
        "instances" => services.Cluster.Instances.ToList<Entity>(),
        "nodes" => services.Cluster.Nodes.ToList<Entity>(),
        "groups" => services.Cluster.Groups.ToList<Entity>(),
        "networks" => services.Cluster.Networks.ToList<Entity>(),
        _ => services.Cluster.Filters.ToList<Entity>(),
    };

    private List<byte[]> ApplyFaults(string kind, List<byte[]> items)
    {
        var faults = services.Faults;
        if (kind == "instances" && faults.Has(FaultIds.BulkDisagrees) && items.Count > 0 && items.Count > 1) items = items.Take(items.Count - 1).ToList();
        if (kind == "instances" && faults.Has(FaultIds.DropField))
            items = items.Select(b => Rewrite(b, o => o.Remove("status"))).ToList();
        if (kind == "nodes" && faults.Has(FaultIds.WrongType))
            items = items.Select(b => Rewrite(b, o => o["mtotal"] = o["mtotal"]?.ToJsonString())).ToList();
        return items;
    }

    private static byte[] Rewrite(byte[] json, Action<JsonObject> change)
    {
        var o = (JsonObject)Storage.StateJson.Parse(json);
        change(o);
        return Encoding.UTF8.GetBytes(o.ToJsonString(JsonOptions.Relaxed));
    }
}
