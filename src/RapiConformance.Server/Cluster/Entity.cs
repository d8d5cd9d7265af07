using System.Text.Json.Serialization;

namespace RapiConformance.Server.Cluster;

/// <summary>
/// What every cluster object shares: identity, tags, times, serial, and the cached RAPI JSON of the object
/// (rebuilt only after the object or something it shows changed).
/// </summary>
public abstract class Entity
{
    public string Uuid { get; set; } = "";

    public string Name { get; set; } = "";

    public List<string> Tags { get; set; } = [];

    public double Ctime { get; set; }

    public double Mtime { get; set; }

    public int Serial { get; set; } = 1;

    [JsonIgnore]
    internal byte[]? CachedJson { get; set; }

    [JsonIgnore]
    public abstract EntityKind Kind { get; }

    internal void Invalidate() => CachedJson = null;
}

public enum EntityKind { Cluster, Node, Group, Instance, Network, Filter }
