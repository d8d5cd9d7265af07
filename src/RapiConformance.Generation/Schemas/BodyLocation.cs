using System.Text.Json.Nodes;
using NJsonSchema;

namespace RapiConformance.Generation.Schemas;

/// <summary>A value inside a request body with the schema that governs it. Path holds member names (string) and indexes (int).</summary>
public sealed record BodyLocation(IReadOnlyList<object> Path, JsonNode? Value, JsonSchema Schema, bool Required)
{
    public string Display => "body$" + string.Concat(Path.Select(p => p is int i ? $"[{i}]" : $".{p}"));

    /// <summary>True when this location is <paramref name="other"/> or contains it.</summary>
    public bool Contains(IReadOnlyList<object> other) =>
        Path.Count <= other.Count && Path.Select((p, i) => Equals(p, other[i])).All(x => x);
}
