using System.Text.Json.Nodes;

namespace RapiConformance.Server.Cluster;

/// <summary>
/// The simulated cluster. Every read and change happens under <see cref="Sync"/> (in-memory work only: the
/// lock is never held across a disk write). Changes go through <see cref="Touch"/>/<see cref="Add"/>/<see
/// cref="Remove"/>, which drop cached JSON (also of objects that show derived values) and record the change.
/// </summary>
public sealed class ClusterState
{
    private readonly SortedDictionary<string, Instance> _instances = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Node> _nodes = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, NodeGroup> _groups = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Network> _networks = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Filter> _filters = new(StringComparer.Ordinal);
    private ChangeSet? _changes;
    private ClusterIndex? _index;

    public ClusterState(ClusterConfig config, ClusterDefaults defaults, TimeProvider time)
    {
        Config = config;
        Defaults = defaults;
        Time = time;
    }

    public object Sync { get; } = new();

    public ClusterConfig Config { get; private set; }

    public ClusterDefaults Defaults { get; }

    public TimeProvider Time { get; }

    /// <summary>2.0/2.5 profiles: instances show admin_state as a bool, as the 2.x servers did.</summary>
    public bool LegacyShapes { get; set; }

    /// <summary>Bumped by every change; collection caches are keyed on it.</summary>
    public long Generation { get; private set; }

    public IReadOnlyCollection<Instance> Instances => _instances.Values;

    public IReadOnlyCollection<Node> Nodes => _nodes.Values;

    public IReadOnlyCollection<NodeGroup> Groups => _groups.Values;

    public IReadOnlyCollection<Network> Networks => _networks.Values;

    public IReadOnlyCollection<Filter> Filters => _filters.Values;

    public double Now => Time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    /// <summary>
    /// Whether nodes report disk space (dtotal, dfree, sptotal, spfree): Ganeti asks for the storage type of
    /// the first enabled disk template, and only lvm-vg (plain, drbd) and file storage report; a diskless
    /// cluster shows null.
    /// </summary>
    public bool ReportsNodeStorage =>
        Config.Parameters["enabled_disk_templates"] is JsonArray { Count: > 0 } templates
        && templates[0] is JsonValue first && first.TryGetValue<string>(out var template)
        && template is "plain" or "drbd" or "file" or "sharedfile";

    public Instance? Instance(string name) => _instances.GetValueOrDefault(name);

    public Node? Node(string name) => _nodes.GetValueOrDefault(name);

    public NodeGroup? Group(string name) => _groups.GetValueOrDefault(name);

    public NodeGroup? GroupByUuid(string uuid) => _groups.Values.FirstOrDefault(g => g.Uuid == uuid);

    public Network? Network(string name) => _networks.GetValueOrDefault(name);

    public Network? NetworkByUuid(string uuid) => _networks.Values.FirstOrDefault(n => n.Uuid == uuid);

    public Filter? Filter(string uuid) => _filters.GetValueOrDefault(uuid);

    /// <summary>Derived relations (instances per node, nodes per group, ...), rebuilt after changes when asked for.</summary>
    public ClusterIndex Index => _index is { } i && i.Generation == Generation ? i : (_index = new ClusterIndex(this, Generation));

    /// <summary>Starts recording changes (one job's worth); <see cref="EndChanges"/> returns them.</summary>
    public void BeginChanges() => _changes = new ChangeSet();

    public ChangeSet EndChanges()
    {
        var c = _changes ?? new ChangeSet();
        _changes = null;
        return c;
    }

    public void Add(Entity e)
    {
        Dict(e)[e.Kind == EntityKind.Filter ? e.Uuid : e.Name] = e;
        Touch(e, bumpSerial: false);
    }

    public void Remove(Entity e)
    {
        RemoveKey(e, e.Kind == EntityKind.Filter ? e.Uuid : e.Name);
        Cascade(e);
        Generation++;
        _changes?.Remove(e);
    }

    /// <summary>Renames an entity: afterwards it is found only under its new name.</summary>
    public void Rename(Entity e, string newName)
    {
        RemoveKey(e, e.Name);
        e.Name = newName;
        Dict(e)[newName] = e;
        Touch(e);
    }

    /// <summary>Marks an entity changed: new mtime and serial, cached JSON dropped (its own and dependants').</summary>
    public void Touch(Entity e, bool bumpSerial = true)
    {
        if (bumpSerial)
        {
            e.Serial++;
            e.Mtime = Now;
        }
        e.Invalidate();
        Cascade(e);
        Generation++;
        _changes?.Change(e);
    }

    /// <summary>Drops every cached view (after cluster-wide parameters changed).</summary>
    public void InvalidateAll()
    {
        foreach (var e in _instances.Values.Concat<Entity>(_nodes.Values).Concat(_groups.Values).Concat(_networks.Values)) e.Invalidate();
        Generation++;
    }

    /// <summary>
    /// Replaces everything with what was loaded from storage (after a change could not be stored, memory goes
    /// back to what is on disk). Call under <see cref="Sync"/> with no change recording under way.
    /// </summary>
    public void ReplaceAll(ClusterConfig config, IEnumerable<Entity> entities)
    {
        _instances.Clear();
        _nodes.Clear();
        _groups.Clear();
        _networks.Clear();
        _filters.Clear();
        Config = config;
        foreach (var e in entities) Load(e);
        _index = null;
        Generation++;
    }

    /// <summary>Loads an entity from storage without recording a change.</summary>
    public void Load(Entity e)
    {
        Dict(e)[e.Kind == EntityKind.Filter ? e.Uuid : e.Name] = e;
        Generation++;
    }

    private void Cascade(Entity e)
    {
        switch (e.Kind)
        {
            case EntityKind.Instance:
                foreach (var n in _nodes.Values) n.Invalidate();
                foreach (var n in _networks.Values) n.Invalidate();
                foreach (var g in _groups.Values) g.Invalidate();
                break;
            case EntityKind.Node:
                foreach (var i in _instances.Values)
                    if (i.PrimaryNode == e.Name || i.SecondaryNodes.Contains(e.Name)) i.Invalidate();
                foreach (var g in _groups.Values) g.Invalidate();
                break;
            case EntityKind.Group:
                foreach (var n in _networks.Values) n.Invalidate();
                foreach (var n in _nodes.Values) n.Invalidate();
                break;
            case EntityKind.Network:
                foreach (var i in _instances.Values)
                    if (i.Nics.Any(n => n.Network == e.Uuid)) i.Invalidate();
                break;
            case EntityKind.Cluster:
                // Tags of the cluster show nowhere else; parameter changes call InvalidateAll.
                break;
        }
    }

    private void RemoveKey(Entity e, string key)
    {
        switch (e)
        {
            case Cluster.Instance: _instances.Remove(key); break;
            case Cluster.Node: _nodes.Remove(key); break;
            case Cluster.NodeGroup: _groups.Remove(key); break;
            case Cluster.Network: _networks.Remove(key); break;
            case Cluster.Filter: _filters.Remove(key); break;
        }
    }

    private System.Collections.IDictionary Dict(Entity e) => e switch
    {
        Cluster.Instance => _instances,
        Cluster.Node => _nodes,
        Cluster.NodeGroup => _groups,
        Cluster.Network => _networks,
        Cluster.Filter => _filters,
        _ => throw new ArgumentException($"{e.Kind} is not a collection member"),
    };
}
