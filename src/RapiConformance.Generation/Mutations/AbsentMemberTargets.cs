using System.Text.Json.Nodes;
using NJsonSchema;
using RapiConformance.Generation.Rules;
using RapiConformance.Generation.Schemas;

namespace RapiConformance.Generation.Mutations;

/// <summary>
/// Members the schema allows but the generated body left out (optional ones, and the known members of
/// free-form maps such as beparams.maxmem). Mutating only present members would make a constraint on a
/// rarely-present member almost unreachable; these targets let a mutation add the member with a bad
/// value, so every constrained member is as likely to be tried as any other.
/// </summary>
public static class AbsentMemberTargets
{
    private const int MaxDepth = 3;

    public static IReadOnlyList<(IReadOnlyList<object> Path, JsonSchema Schema)> Find(JsonNode? body, JsonSchema root, MapMemberRules maps)
    {
        var result = new List<(IReadOnlyList<object>, JsonSchema)>();
        if (body is JsonObject) Visit(body, root.ActualSchema, [], 0, maps, result);
        return result;
    }

    private static void Visit(JsonNode? value, JsonSchema schema, List<object> path, int depth, MapMemberRules maps, List<(IReadOnlyList<object>, JsonSchema)> result)
    {
        if (depth > MaxDepth) return;
        var obj = value as JsonObject;
        foreach (var (name, prop) in BodyWalker.AllProperties(schema))
        {
            var child = (maps.Refine(name, prop) ?? prop).ActualSchema;
            path.Add(name);
            if (obj is null || !obj.TryGetPropertyValue(name, out var present))
            {
                if (child.OneOf.Count == 0 && child.AnyOf.Count == 0) result.Add((path.ToArray(), child));
                if (SchemaGen.InferredType(child) == JsonObjectType.Object) Visit(null, child, path, depth + 1, maps, result);
            }
            else if (present is JsonObject) Visit(present, child, path, depth + 1, maps, result);
            else if (present is JsonArray { Count: > 0 } array && array[0] is JsonObject first && child.Item is { } item)
            {
                path.Add(0);
                Visit(first, item.ActualSchema, path, depth + 1, maps, result);
                path.RemoveAt(path.Count - 1);
            }
            path.RemoveAt(path.Count - 1);
        }
    }

    /// <summary>A deep copy of <paramref name="root"/> with <paramref name="value"/> at <paramref name="path"/>, creating missing objects on the way.</summary>
    public static JsonNode Place(JsonNode root, IReadOnlyList<object> path, JsonNode? value)
    {
        var copy = root.DeepClone();
        var node = copy;
        for (var i = 0; i < path.Count - 1; i++)
        {
            if (path[i] is int index) { node = node.AsArray()[index]!; continue; }
            var o = node.AsObject();
            var key = (string)path[i];
            if (o[key] is not { } next) { next = new JsonObject(); o[key] = next; }
            node = next;
        }
        node.AsObject()[(string)path[^1]] = value;
        return copy;
    }
}
