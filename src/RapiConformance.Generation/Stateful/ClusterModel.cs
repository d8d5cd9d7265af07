namespace RapiConformance.Generation.Stateful;

/// <summary>
/// What the fuzzer believes the cluster holds: instances (admin state, tags), node groups, networks and
/// the cluster's tags (each with tags), node roles. Steps update it from their outcome; after each step
/// it is compared with what the target answers.
/// </summary>
public sealed class ClusterModel
{
    public SortedDictionary<string, InstanceModel> Instances { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, SortedSet<string>> Groups { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, SortedSet<string>> Networks { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, string> NodeRoles { get; } = new(StringComparer.Ordinal);
    public SortedSet<string> ClusterTags { get; } = new(StringComparer.Ordinal);

    public ClusterModel Clone()
    {
        var c = new ClusterModel();
        foreach (var (k, v) in Instances) c.Instances[k] = v with { Tags = new SortedSet<string>(v.Tags, StringComparer.Ordinal) };
        foreach (var (k, v) in Groups) c.Groups[k] = new SortedSet<string>(v, StringComparer.Ordinal);
        foreach (var (k, v) in Networks) c.Networks[k] = new SortedSet<string>(v, StringComparer.Ordinal);
        foreach (var (k, v) in NodeRoles) c.NodeRoles[k] = v;
        c.ClusterTags.UnionWith(ClusterTags);
        return c;
    }

    /// <summary>Picks an entity by a generated slot number (stable for the same model contents).</summary>
    public static string? Pick<T>(IReadOnlyCollection<T> names, int slot) where T : notnull =>
        names.Count == 0 ? null : names.ElementAt(Math.Abs(slot % names.Count))!.ToString();

    /// <summary>Where the target (<paramref name="actual"/>) differs from the model, one line each; empty when they agree.</summary>
    public IReadOnlyList<string> Differences(ClusterModel actual)
    {
        var diffs = new List<string>();
        Compare("instances", Instances.Keys, actual.Instances.Keys, diffs);
        foreach (var (name, mine) in Instances)
        {
            if (!actual.Instances.TryGetValue(name, out var theirs)) continue;
            if (mine.AdminState is not null && theirs.AdminState is not null && mine.AdminState != theirs.AdminState)
                diffs.Add($"instance {name}: admin_state is '{theirs.AdminState}', the model expects '{mine.AdminState}'");
            Compare($"tags of instance {name}", mine.Tags, theirs.Tags, diffs);
        }
        Compare("groups", Groups.Keys, actual.Groups.Keys, diffs);
        foreach (var (name, tags) in Groups)
            if (actual.Groups.TryGetValue(name, out var theirs)) Compare($"tags of group {name}", tags, theirs, diffs);
        Compare("networks", Networks.Keys, actual.Networks.Keys, diffs);
        foreach (var (name, tags) in Networks)
            if (actual.Networks.TryGetValue(name, out var theirs)) Compare($"tags of network {name}", tags, theirs, diffs);
        foreach (var (node, role) in NodeRoles)
            if (actual.NodeRoles.TryGetValue(node, out var theirs) && theirs != role)
                diffs.Add($"node {node}: role is '{theirs}', the model expects '{role}'");
        Compare("cluster tags", ClusterTags, actual.ClusterTags, diffs);
        return diffs;
    }

    private static void Compare(string what, IEnumerable<string> expected, IEnumerable<string> actual, List<string> diffs)
    {
        var e = expected.ToHashSet(StringComparer.Ordinal);
        var a = actual.ToHashSet(StringComparer.Ordinal);
        var missing = e.Except(a).Order(StringComparer.Ordinal).ToList();
        var extra = a.Except(e).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0) diffs.Add($"{what}: missing on the target: {string.Join(", ", missing.Take(5))}");
        if (extra.Count > 0) diffs.Add($"{what}: on the target but not in the model: {string.Join(", ", extra.Take(5))}");
    }
}
