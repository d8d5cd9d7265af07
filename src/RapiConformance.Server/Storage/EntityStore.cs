using System.Text.Json;
using RapiConformance.Server.Cluster;

namespace RapiConformance.Server.Storage;

/// <summary>The stored form of cluster entities (their model, not their RAPI view).</summary>
public static class EntityStore
{
    private static readonly JsonSerializerOptions Options = StateJson.Options;

    public static string Serialize(Entity e) => e switch
    {
        Instance i => JsonSerializer.Serialize(i, Options),
        Node n => JsonSerializer.Serialize(n, Options),
        NodeGroup g => JsonSerializer.Serialize(g, Options),
        Network n => JsonSerializer.Serialize(n, Options),
        Filter f => JsonSerializer.Serialize(f, Options),
        ClusterConfig c => JsonSerializer.Serialize(c, Options),
        _ => throw new ArgumentException(e.Kind.ToString()),
    };

    public static Entity Deserialize(string kind, string json) => kind switch
    {
        nameof(EntityKind.Instance) => JsonSerializer.Deserialize<Instance>(json, Options)!,
        nameof(EntityKind.Node) => JsonSerializer.Deserialize<Node>(json, Options)!,
        nameof(EntityKind.Group) => JsonSerializer.Deserialize<NodeGroup>(json, Options)!,
        nameof(EntityKind.Network) => JsonSerializer.Deserialize<Network>(json, Options)!,
        nameof(EntityKind.Filter) => JsonSerializer.Deserialize<Filter>(json, Options)!,
        nameof(EntityKind.Cluster) => JsonSerializer.Deserialize<ClusterConfig>(json, Options)!,
        _ => throw new InvalidDataException($"unknown entity kind '{kind}' in the state store"),
    };

    /// <summary>Every entity in the store: the cluster object and the others.</summary>
    public static (ClusterConfig Config, List<Entity> Others) LoadAll(StateStore store)
    {
        ClusterConfig? config = null;
        var others = new List<Entity>();
        foreach (var (kind, json) in store.LoadEntities())
        {
            var e = Deserialize(kind, json);
            if (e is ClusterConfig c) config = c; else others.Add(e);
        }
        return (config ?? throw new InvalidDataException($"the state in {store.Path} has no cluster object"), others);
    }

    public static IEnumerable<Entity> All(ClusterState c) =>
        new Entity[] { c.Config }.Concat(c.Groups).Concat(c.Networks).Concat(c.Nodes).Concat(c.Instances).Concat(c.Filters);
}
