namespace RapiConformance.Checks;

/// <summary>The entity collections with a list, a bulk form and single GETs, and the profiles that have them.</summary>
internal sealed record Collection(string Path, string ListOperation, string GetOperation, string NameKey, IReadOnlySet<string> Profiles)
{
    public static readonly IReadOnlyList<Collection> All =
    [
        new("/2/instances", "listInstances", "getInstance", "name", new HashSet<string> { "2.0", "2.5", "3.0" }),
        new("/2/nodes", "listNodes", "getNode", "name", new HashSet<string> { "2.0", "2.5", "3.0" }),
        new("/2/groups", "listGroups", "getGroup", "name", new HashSet<string> { "2.5", "3.0" }),
        new("/2/networks", "listNetworks", "getNetwork", "name", new HashSet<string> { "3.0" }),
        new("/2/filters", "listFilters", "getFilter", "uuid", new HashSet<string> { "3.0" }),
    ];
}
