namespace RapiConformance.Server.Cluster;

/// <summary>The entities one job changed or removed; persisted in the same transaction as the job's end.</summary>
public sealed class ChangeSet
{
    private readonly Dictionary<string, Entity> _changed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityKind> _removed = new(StringComparer.Ordinal);

    public IEnumerable<Entity> Changed => _changed.Values;

    public IEnumerable<(string Uuid, EntityKind Kind)> Removed => _removed.Select(p => (p.Key, p.Value));

    public bool IsEmpty => _changed.Count == 0 && _removed.Count == 0;

    internal void Change(Entity e)
    {
        _removed.Remove(e.Uuid);
        _changed[e.Uuid] = e;
    }

    internal void Remove(Entity e)
    {
        _changed.Remove(e.Uuid);
        _removed[e.Uuid] = e.Kind;
    }
}
